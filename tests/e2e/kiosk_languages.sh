#!/usr/bin/env bash
# Two clients at one kiosk, each in their own language: a Spanish-speaking
# client finishes an intake (F3 on the welcome page), the next client starts
# in the desk's language (English), and a French-speaking client (F4) gives
# an answer that needs urgent care (then only the safety questions follow). Every screen on the way is in the
# client's language and holds its words whole at 80x24 and at 132x43 (the
# window is resized on the way). Then each client's aftercare, printed
# through a stub lp, is in their language, and `show` stays in the desk's.
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/../lib/tmux.sh"

echo 2468 | "$MI" set-pin >/dev/null

tmux_start kiosk kiosk
tmux_expect "Welcome! Before your massage" "the welcome page in the desk's language"
tmux_expect "F2 English    F3 Español    F4 Français" "the welcome page offers the languages"

# ---- A Spanish-speaking client ----------------------------------------
tmux_keys F3
tmux_expect "Bienvenida" "F3: the welcome page in Spanish"
tmux_at_both_sizes "¡Bienvenido/a! Antes del masaje, conteste unas preguntas sobre su espalda y su salud." \
	"Sus respuestas son privadas: solo las ven usted y su terapeuta." \
	"Nombre completo:" "Fecha de nacimiento:" "solo para seguir uno ya empezado" \
	"Escriba Tab siguiente campo Enter seguir F1 ayuda"
tmux_type "Lucía Gómez"; tmux_keys Enter
tmux_type "14 de marzo de 1988"; tmux_keys Enter
tmux_expect "14 de marzo de 1988: ¿es correcto?" "a Spanish birth date is read and shown back in Spanish"
tmux_keys y
tmux_at_both_sizes "Sus respuestas se guardan a medida que contesta. Si necesita parar, puede seguir más tarde con su nombre, su fecha de nacimiento y este código:" \
	"Enter empezar las preguntas"
tmux_keys Enter
tmux_expect "¿Cuál es su número de teléfono?" "the questions in Spanish"
tmux_keys Enter Enter
tmux_expect "¿Dónde siente dolor o tensión?" "the body map in Spanish"
tmux_at_both_sizes "caderas y glúteos" "Arriba/Abajo mover Espacio marcar Enter seguir Esc volver ? ayuda" \
	"Cuestionario - Su dolor, parte 2 de 7"
tmux_keys Down Down Down Down Space Enter
tmux_expect "el peor dolor imaginable" "the scale's words in Spanish"
tmux_keys 4 Enter
tmux_type "6 semanas"; tmux_keys Enter
tmux_expect "Aproximadamente 6 semanas: ¿es correcto?" "a duration typed in Spanish is read"
tmux_keys y
tmux_expect "¿Cómo empezó el dolor?" "onset"
tmux_keys 1 Enter Enter Enter
tmux_expect "¿Tiene alguna de estas molestias en las piernas?" "leg symptoms"
tmux_keys Enter
tmux_expect "¿La debilidad en las piernas va a peor" "weakness"
tmux_keys '?'
tmux_at_both_sizes "¿La debilidad en las piernas va a peor, o hace poco que tropieza con el pie o le cuesta caminar?" \
	"Conteste Sí si algo de esto es nuevo o va a peor." \
	"Y sí N no Arriba/Abajo mover Enter seguir Esc volver ? ayuda"
tmux_keys '?' n
tmux_expect "orinar" "the bladder question"
for _ in 1 2 3 4 5 6 7 8; do tmux_keys n; done
tmux_expect "huesos débiles" "osteoporosis"
tmux_keys 1 Enter
for _ in 1 2 3 4; do tmux_keys n; done
tmux_expect "¿hace cuántas semanas fue?" "surgery"
tmux_keys Enter n
tmux_expect "¿Cómo tiene la presión arterial?" "blood pressure"
tmux_keys 1 Enter 1 Enter Enter
tmux_type "ninguna"; tmux_keys Enter
tmux_expect "¿Qué medicamentos toma?" "medications"
tmux_type "ibuprofeno"; tmux_keys Enter Enter
tmux_expect "¿Qué presión le gusta" "pressure"
tmux_keys 3 Enter Down Down Down Down Space Enter Enter Enter
tmux_expect "¿Qué le gustaría conseguir" "goals"
tmux_keys Space Enter Enter
tmux_expect "Revise sus respuestas" "the review page in Spanish"
tmux_at_both_sizes "Revise sus respuestas. Elija una con Enter para cambiarla." \
	"Cuestionario - Revise sus respuestas" "Dolor ahora (0-10)"
tmux_keys c
tmux_expect "He contestado estas preguntas" "the consent in Spanish"
tmux_type "Lucía Gómez"; tmux_keys Enter
tmux_expect "Gracias" "the thank-you page in Spanish"
tmux_at_both_sizes "¡Gracias! Sus respuestas están guardadas. Avise en recepción de que ha terminado." \
	"Enter volver a la bienvenida"
tmux_keys Enter

# ---- The next client starts in the desk's language --------------------
tmux_expect "Welcome! Before your massage" "back to English for the next client"
tmux_expect_gone "Bienvenida" "no Spanish left on the welcome page"

# ---- A French-speaking client with an urgent answer --------------------
tmux_keys F4
tmux_expect "Bienvenue" "F4: the welcome page in French"
tmux_at_both_sizes "Bienvenue! Avant votre massage, veuillez répondre à quelques questions sur votre dos et votre santé." \
	"Date de naissance :" "seulement pour reprendre" "Tapez Tab champ suivant Entrée continuer F1 aide"
tmux_keys F1
tmux_at_both_sizes "Tapez votre nom, appuyez sur Entrée, puis tapez votre date de naissance et appuyez de nouveau sur Entrée. Pour reprendre un questionnaire commencé, tapez aussi le code qui vous a été montré (Tab pour y aller)."
tmux_keys F1
tmux_type "Élise Tremblay"; tmux_keys Enter
tmux_type "3 mars 1975"; tmux_keys Enter
tmux_expect "3 mars 1975 : est-ce exact?" "a French birth date is read and shown back in French"
tmux_keys y
tmux_expect "Vos réponses sont enregistrées au fur et à mesure" "the code page in French"
tmux_keys Enter
tmux_expect "Quel est votre numéro de téléphone?" "the questions in French"
tmux_keys Enter Enter Enter 7 Enter
tmux_type "2 semaines"; tmux_keys Enter
tmux_expect "Environ 2 semaines : est-ce exact?" "a duration typed in French is read"
tmux_keys y 1 Enter Enter Enter Enter n
tmux_expect "aller à la selle" "the bladder question in French"
tmux_keys y
tmux_expect "Vous nous avez dit avoir depuis peu" "the rule's own words for the client, in French"
tmux_at_both_sizes "Vous nous avez dit avoir depuis peu de la difficulté à uriner ou à aller à la selle, ou à vous retenir. Avec un mal de dos, cela demande des soins d’urgence." \
	"Appuyez sur Entrée pour continuer les questions." "Entrée continuer"
tmux_keys Enter
tmux_expect "!! Consultez d’urgence un médecin maintenant et avisez la réception." "the live banner in French"
for _ in 1 2 3 4 5 6 7; do tmux_keys n; done
tmux_expect "os sont minces ou fragiles" "osteoporosis"
tmux_keys 1 Enter n n n n Enter n 1 Enter 1 Enter
# After an urgent answer only the safety questions follow, medicines last.
tmux_expect "Quels médicaments prenez-vous?" "medications"
tmux_keys Enter
tmux_expect "Consultez maintenant" "the urgent page in French"
tmux_at_both_sizes "Que faire maintenant :" \
	"1. Avisez la réception maintenant. Montrez-lui cet écran : on vous aidera." \
	"Vos réponses sont enregistrées et la réception peut les voir. Parlez-lui avant de partir." \
	"Avisez la réception maintenant"
tmux_keys F12
tmux_type "2468"; tmux_keys Enter
tmux_expect_exit 0 "the PIN leaves the kiosk"

# ---- Aftercare in the client's language; the desk's side in its own ----
cat >"$T/lp" <<EOF
#!/usr/bin/env bash
cat >"$T/printed.pdf"
echo "request id is stub-1 (1 file(s))"
EOF
chmod +x "$T/lp"
export MASSAGE_INTAKE_LP="$T/lp"
run "$MI" aftercare 1 --print
expect_rc 0 "print the Spanish client's aftercare"
out=$(pdftotext "$T/printed.pdf" - | tr '\n' ' ' | tr -s ' ')
expect_out_has "Cuidados para Lucía Gómez" "the printed aftercare's title is in Spanish"
expect_out_has "Qué es normal después" "the printed aftercare's sections are in Spanish"
expect_out_has "Sentirse más suelto/a, cansado/a o relajado/a el resto del día." "the printed aftercare's advice is in Spanish"
expect_out_lacks "What is normal afterwards" "no English section on the Spanish sheet"
run "$MI" aftercare 1
expect_rc 0 "the Spanish client's aftercare as text"
expect_out_has "Cómo cuidarse" "the text aftercare is in Spanish too"
run "$MI" aftercare 2 --print
expect_rc 0 "print the French client's aftercare"
out=$(pdftotext "$T/printed.pdf" - | tr '\n' ' ' | tr -s ' ')
expect_out_has "Élise Tremblay, consultez un médecin maintenant" "the urgent sheet's title is in French"
expect_out_has "Nouvelle difficulté à uriner ou à aller à la selle" "the urgent sheet says why, in French"
expect_out_lacks "please get medical help now" "no English title on the French sheet"
run "$MI" show 1
expect_rc 0 "show the Spanish client's visit"
expect_out_has "pain locations: low back" "show stays in the desk's language"
expect_out_lacks "espalda baja" "show does not take the client's language"

finish
