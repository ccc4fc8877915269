/* crossings_rules.c: the crossings' pure rules: the ranges of eBT's
 * settings, a day's hours, closures, the places of an hour by the
 * schedule, a code in a scope (no database: tests/unit/test-crossings.c) */
#include "crossings.h"

#include <string.h>

/* CS_* order. Minutes up to a day; a horizon up to a year. */
const struct crossing_setting_def crossings_settings[CS__MAX] = {
	{ "horizon_days", 1, 365 },	    /* CS_HORIZON */
	{ "change_deadline_min", 0, 1440 }, /* CS_DEADLINE */
	{ "arrive_before_min", 0, 1440 },   /* CS_BEFORE */
	{ "arrive_after_min", 0, 1440 },    /* CS_AFTER */
	{ "noshow_delay_min", 0, 1440 },    /* CS_NOSHOW */
	{ "lanes", 1, 20 },		    /* CS_LANES */
};

int crossings_setting_ok(enum crossing_setting s, long long v)
{
	return s >= 0 && s < CS__MAX && v >= crossings_settings[s].lo &&
	       v <= crossings_settings[s].hi;
}

int crossings_day_ok(long long open, long long close, long long cap)
{
	return open >= 0 && open <= 24 && close >= 0 && close <= 24 &&
	       open <= close && cap >= 0 && cap <= CROSSINGS_MAX_CAPACITY;
}

int crossings_closure_ok(long long from, long long to)
{
	return from >= 0 && from <= 23 && to >= 1 && to <= 24 && from < to;
}

int crossings_hour_capacity(const struct crossing_schedule *s, int dow,
			    int hour)
{
	if (dow < 1 || dow > 7)
		return 0;
	return hour >= s->open[dow] && hour < s->close[dow] ? s->cap[dow] : 0;
}

int crossings_hour_closed(const struct crossing_schedule *s, const char *day,
			  int hour)
{
	for (int i = 0; i < s->nclosures; i++)
		if (strcmp(s->closures[i].day, day) == 0 &&
		    hour >= s->closures[i].from && hour < s->closures[i].to)
			return 1;
	return 0;
}

int crossings_code_in(const char *codes, const char *code)
{
	size_t n = code ? strlen(code) : 0;
	const char *p;

	if (!codes || !n)
		return 0;
	for (p = codes; (p = strstr(p, code)); p += n)
		if ((p == codes || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return 1;
	return 0;
}
