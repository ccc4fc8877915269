/* control_rules.c: what a control task's outcome may be and who records
 * it; no database, unit-tested */
#include "control.h"

#include <string.h>

#include "staff.h"
#include "watch.h"

static int in(const char *s, const char *const *list)
{
	for (; s && *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

int control_may_act(unsigned roles)
{
	return (roles & (ROLE_CROSSING | ROLE_ADMIN)) != 0;
}

int control_may_close(const char *state, unsigned roles)
{
	return control_may_act(roles) && state && !strcmp(state, "open");
}

/* The same four outcomes as the suspect-object procedure's. */
int control_outcome_ok(const char *s)
{
	return s && alert_outcome_ok(s);
}

static const char *const categories[] = {
	"undeclared_goods",
	"excise_goods",
	"prohibited_goods",
	"false_document",
	"value",
	"other",
	NULL,
};
static const char *const services[] = {
	"border_guard", "police",	 "veterinary",
	"sanitary",	"other_service", NULL,
};

int control_category_ok(const char *outcome, const char *category)
{
	int empty = !category || !*category;

	if (!control_outcome_ok(outcome))
		return 0;
	if (!strcmp(outcome, "irregularity") || !strcmp(outcome, "seizure"))
		return !empty && in(category, categories);
	if (!strcmp(outcome, "handed_over"))
		return !empty && in(category, services);
	return empty;
}
