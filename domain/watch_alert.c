/* watch_alert.c: the suspect-object procedure of an alert: which step
 * follows which and who may take it; no database, unit-tested */
#include "watch.h"

#include <string.h>

#include "staff.h"

static const char *const steps[] = {
	"new",
	"acknowledged",
	"inspection",
	"closed",
};
#define NSTEPS (sizeof(steps) / sizeof(steps[0]))

const char *alert_next_step(const char *state)
{
	for (size_t i = 0; state && i + 1 < NSTEPS; i++)
		if (strcmp(state, steps[i]) == 0)
			return steps[i + 1];
	return NULL;
}

int alert_may_act(unsigned roles)
{
	return (roles & (ROLE_CROSSING | ROLE_ADMIN)) != 0;
}

static int may_leave(const char *state, const char *from, unsigned roles)
{
	return alert_may_act(roles) && state && strcmp(state, from) == 0;
}

int alert_may_ack(const char *state, unsigned roles)
{
	return may_leave(state, "new", roles);
}

int alert_may_inspect(const char *state, unsigned roles)
{
	return may_leave(state, "acknowledged", roles);
}

int alert_may_close(const char *state, unsigned roles)
{
	return may_leave(state, "inspection", roles);
}

int alert_outcome_ok(const char *s)
{
	return !strcmp(s, "no_irregularity") || !strcmp(s, "irregularity") ||
	       !strcmp(s, "seizure") || !strcmp(s, "handed_over");
}
