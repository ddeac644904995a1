/* draft_expiry.c - when an unfinished intake leaves the review queue. */
#include "mi/draft_expiry.h"

bool mi_draft_expired(mi_date begun, mi_date today, long days, bool screened, mi_level outcome)
{
	if (!screened || outcome >= MI_LEVEL_REFER)
		return false;
	return mi_date_days_between(begun, today) >= days;
}
