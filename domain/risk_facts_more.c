/* risk_facts_more.c: the facts a rule reads from beyond the event and the
 * register, each from the module that owns it: what the lane's scale and
 * radiation portal read around the event (domain/devices), the booking
 * company's age (domain/registry), a near watch-list match (domain/watch).
 * Each is read at most once per subject. */
#include "risk_int.h"

#include <string.h>

#include "devices.h"
#include "registry.h"
#include "watch.h"

static int readings(struct risk_fact_ctx *c)
{
	if (c->readings)
		return 0;
	/* A check-in is no lane event: nothing was weighed with it. */
	if (c->s->event_id > 0 &&
	    devices_lane_readings(c->s->event_id, &c->rd) < 0)
		return -1;
	c->readings = 1;
	return 0;
}

/* The booking's company, else the subject's (a check-in): 0 none. */
static long long company(struct risk_fact_ctx *c, int booked)
{
	if (booked && c->bk.company_id > 0)
		return c->bk.company_id;
	return c->s->company_id;
}

int risk_facts_more(struct risk_fact_ctx *c, int field, int booked,
		    struct risk_value *out)
{
	const struct risk_subject *s = c->s;
	long long id;
	int rc;

	out->known = 0;
	switch (field) {
	case RF_EVENT_GROSS_WEIGHT:
	case RF_EVENT_RADIATION:
	case RF_EVENT_RADIATION_ALARM:
		if (readings(c) < 0)
			return -1;
		if (field == RF_EVENT_GROSS_WEIGHT) {
			out->known = c->rd.has_weight;
			out->d = c->rd.weight;
		} else if (field == RF_EVENT_RADIATION) {
			out->known = c->rd.has_radiation;
			out->d = c->rd.radiation;
		} else {
			out->known = c->rd.has_alarm;
			out->i = c->rd.alarm;
		}
		return 0;
	case RF_EBT_COMPANY_AGE_DAYS:
		if (!c->age) {
			id = company(c, booked);
			rc = id > 0 ? registry_company_age(id, &c->age_days)
				    : 0;
			if (rc < 0)
				return -1;
			c->age = rc == 1 ? 1 : 2;
		}
		out->known = c->age == 1;
		out->i = c->age_days;
		return 0;
	case RF_WATCH_NEAR_MATCH:
		if (!s->object_key || !*s->object_key)
			return 0;
		if (!c->near) {
			rc = watch_near_match(s->object_kind, s->object_key,
					      s->country, c->day);
			if (rc < 0)
				return -1;
			c->near = rc ? 1 : 2;
		}
		out->known = 1;
		out->i = c->near == 1;
		return 0;
	default:
		return 0;
	}
}
