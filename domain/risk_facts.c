/* risk_facts.c: the facts a profile's rule reads about a subject, each
 * from the module that owns it: the event itself, the register
 * (domain/devices), eBT (domain/booking), control outcomes
 * (domain/control), partners' risk information (domain/exchange); the
 * others in risk_facts_more.c. */
#include "risk_int.h"

#include <stdlib.h>
#include <string.h>

#include "control.h"
#include "crossings.h"
#include "devices.h"
#include "exchange.h"
#include "util.h"

static int is(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/* The truck's booking: the subject's own, or the active one of its plate
 * at the crossing. 1, 0 none, -1. */
static int booking(struct risk_fact_ctx *c)
{
	const struct risk_subject *s = c->s;
	struct crossing x;
	int rc;

	if (c->booking)
		return c->booking == 1;
	if (s->booking_id > 0) {
		rc = booking_risk_facts(s->booking_id, 0, NULL, &c->bk);
	} else if (!is(s->object_kind, "plate")) {
		rc = 0;
	} else {
		rc = crossings_by_code(s->crossing, &x);
		if (rc == 1)
			rc = booking_risk_facts(0, x.id, s->object_key, &c->bk);
	}
	if (rc < 0)
		return -1;
	c->booking = rc == 1 ? 1 : 2;
	return rc == 1;
}

/* What partners say about the subject (docs/exchange.md), read once per
 * subject: 0, or -1 on a database error. */
static int external(struct risk_fact_ctx *c)
{
	struct arena a = { 0 };
	int rc;

	if (c->external)
		return 0;
	rc = exchange_risk_info(&a, c->s->object_kind, c->s->object_key,
				&c->ext);
	arena_reset(&a);
	if (rc < 0)
		return -1;
	c->external = 1;
	return 0;
}

/* A register or outcome count with one argument, kept per subject. */
static int counted(struct risk_fact_ctx *c, int field, long long arg,
		   struct risk_value *out)
{
	const struct risk_subject *s = c->s;
	long long n;
	int rc;

	for (int i = 0; i < c->nmemo; i++)
		if (c->memo[i].field == field && c->memo[i].arg == arg) {
			*out = c->memo[i].v;
			return 0;
		}
	switch (field) {
	case RF_SIGHTINGS:
		n = devices_sightings(s->object_kind, s->object_key,
				      s->event_id, arg * 24);
		break;
	case RF_FIRST_SIGHTING:
		rc = devices_seen_before(s->object_kind, s->object_key,
					 s->event_id);
		n = rc < 0 ? -1 : !rc;
		break;
	case RF_CROSSINGS_WITHIN:
		n = devices_crossings_within(s->object_kind, s->object_key,
					     arg);
		break;
	default: /* RF_EBT_COMPANY_IRREG */
		rc = booking(c);
		if (rc < 0)
			return -1;
		if (!rc || c->bk.company_id <= 0) {
			out->known = 0;
			return 0;
		}
		n = control_company_irregularities(c->bk.company_id, arg);
		break;
	}
	if (n < 0)
		return -1;
	out->known = 1;
	out->i = n;
	if (c->nmemo < RISK_MEMO) {
		c->memo[c->nmemo].field = field;
		c->memo[c->nmemo].arg = arg;
		c->memo[c->nmemo++].v = *out;
	}
	return 0;
}

static int get(void *ctx, int field, const long long *args, int nargs,
	       struct risk_value *out)
{
	struct risk_fact_ctx *c = ctx;
	const struct risk_subject *s = c->s;
	long long arg = nargs > 0 ? args[0] : 0;
	int rc;

	out->known = 1;
	switch (field) {
	case RF_EVENT_CROSSING:
		out->s = s->crossing;
		break;
	case RF_EVENT_LANE_KIND:
		out->s = s->lane_kind;
		break;
	case RF_EVENT_DIRECTION:
		out->s = s->dir;
		break;
	case RF_EVENT_OBJECT_KIND:
		out->s = s->object_kind;
		break;
	case RF_EVENT_PLATE_COUNTRY:
		out->s = is(s->object_kind, "plate") ? s->country : NULL;
		break;
	case RF_EVENT_NATIONALITY:
		out->s = is(s->object_kind, "document") ? s->country : NULL;
		break;
	case RF_EVENT_CONFIDENCE:
		out->known = s->confidence != NULL;
		out->d = c->confidence;
		return 0;
	case RF_EVENT_HOUR:
		out->i = c->tm.hour;
		return 0;
	case RF_EVENT_WEEKDAY:
		out->i = c->tm.wday;
		return 0;
	case RF_DOUBTFUL:
		out->i = s->doubtful;
		return 0;
	case RF_SIGHTINGS:
	case RF_FIRST_SIGHTING:
	case RF_CROSSINGS_WITHIN:
	case RF_EBT_COMPANY_IRREG:
		if (!s->object_key || !*s->object_key) {
			out->known = 0;
			return 0;
		}
		return counted(c, field, arg, out);
	case RF_EBT_BOOKED:
		if ((rc = booking(c)) < 0)
			return -1;
		out->i = rc;
		return 0;
	case RF_EBT_MRN:
	case RF_EBT_CHANGED:
	case RF_EBT_LATE:
		if ((rc = booking(c)) < 0)
			return -1;
		out->known = rc;
		out->i = field == RF_EBT_MRN	   ? c->bk.mrn
			 : field == RF_EBT_CHANGED ? c->bk.changed
						   : c->bk.late;
		return 0;
	case RF_EXTERNAL_LISTED:
	case RF_EXTERNAL_CATEGORY:
		if (!s->object_key || !*s->object_key) {
			out->known = 0;
			return 0;
		}
		if (external(c) < 0)
			return -1;
		if (field == RF_EXTERNAL_LISTED) {
			out->i = c->ext.listed;
			return 0;
		}
		/* No valid record: the category is unknown. */
		out->s = c->ext.listed ? c->ext.category : NULL;
		break;
	case RF_EBT_COMPANY_AGE_DAYS:
		if ((rc = booking(c)) < 0)
			return -1;
		return risk_facts_more(c, field, rc, out);
	default:
		/* the lane's other devices, a near watch-list match */
		return risk_facts_more(c, field, 0, out);
	}
	if (!out->s)
		out->known = 0;
	return 0;
}

void risk_facts_init(struct risk_fact_ctx *c, const struct risk_subject *s,
		     struct risk_facts *f)
{
	memset(c, 0, sizeof(*c));
	c->s = s;
	tzpl_from_utc(s->t_unix > 0 ? s->t_unix : now_unix(), &c->tm);
	c->day = (s->t_unix > 0 ? s->t_unix : now_unix()) / 86400;
	/* read by many rules: parsed once */
	c->confidence = s->confidence ? strtod(s->confidence, NULL) : 0;
	f->ctx = c;
	f->get = get;
}
