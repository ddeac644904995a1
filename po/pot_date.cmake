# Removes the creation date from the template xgettext wrote (cmake -DPOT=FILE
# -P pot_date.cmake), so that the same sources give the same file:
# tests/build/pot.sh compares a fresh one with the committed one. The header
# itself stays: it declares the UTF-8 that messages naming a language in
# itself ("Español") need.
file(READ ${POT} text)
string(REGEX REPLACE "\"POT-Creation-Date: [^\"]*\\\\n\"\n" "" text "${text}")
file(WRITE ${POT} "${text}")
