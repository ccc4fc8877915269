/* fleet_trip_rules.c: the rules of reservations and trip cards that need
 * no database: spans, their overlap, the odometer, local time */
#include "fleet_trip.h"

#include <stdio.h>
#include <string.h>

#include "tzpl.h"
#include "valid.h"

/* FLEET_* → message key under L.err, and the field shown beside. */
static const struct {
	const char *key, *field;
	int status;
} refusals[FLEET__MAX] = {
	{ "", "", 200 },			     /* FLEET_OK */
	{ "fleet_span_reversed", "end", 422 },	     /* SPAN_REVERSED */
	{ "fleet_span_long", "end", 422 },	     /* SPAN_LONG */
	{ "fleet_span_past", "end", 422 },	     /* SPAN_PAST */
	{ "fleet_not_pool", "vehicle", 422 },	     /* NOT_POOL */
	{ "fleet_res_overlap", "start", 409 },	     /* RES_OVERLAP */
	{ "fleet_odo_back", "odo_out", 422 },	     /* ODO_BACK */
	{ "fleet_odo_in_low", "odo_in", 422 },	     /* ODO_IN_LOW */
	{ "fleet_odo_absurd", "odo_in", 422 },	     /* ODO_ABSURD */
	{ "fleet_end_before", "end", 422 },	     /* END_BEFORE */
	{ "fleet_vehicle_busy", "start", 409 },	     /* VEHICLE_BUSY */
	{ "fleet_driver_busy", "driver", 409 },	     /* DRIVER_BUSY */
	{ "fleet_reserved", "start", 409 },	     /* RESERVED */
	{ "fleet_blocked", "vehicle", 422 },	     /* BLOCKED */
	{ "fleet_not_driver", "driver", 422 },	     /* NOT_DRIVER */
	{ "fleet_trip_not_open", "end", 409 },	     /* NOT_OPEN */
	{ "fleet_trip_not_closed", "", 409 },	     /* NOT_CLOSED */
	{ "fleet_own_trip", "", 403 },		     /* OWN_TRIP */
	{ "fleet_res_not_active", "", 409 },	     /* NOT_ACTIVE */
	{ "fleet_trip_start_future", "start", 422 }, /* START_FUTURE */
};

const char *fleet_refusal_key(enum fleet_refusal why)
{
	return why < FLEET__MAX ? refusals[why].key : "";
}

const char *fleet_refusal_field(enum fleet_refusal why)
{
	return why < FLEET__MAX ? refusals[why].field : "";
}

int fleet_refusal_status(enum fleet_refusal why)
{
	return why < FLEET__MAX ? refusals[why].status : 500;
}

int fleet_local_parse(const char *s, long long *utc)
{
	char day[11];
	int y, m, d, h, mi;
	long long t;

	if (!s || strlen(s) != 16 || (s[10] != 'T' && s[10] != ' '))
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!valid_date(day, &y, &m, &d) || !valid_time_hm(s + 11, &h, &mi))
		return -1;
	t = tzpl_to_utc(y, m, d, h);
	if (t < 0)
		return -1; /* the hour skipped in spring */
	if (t < FLEET_TIME_MIN || t >= FLEET_TIME_MAX)
		return -1;
	*utc = t + mi * 60LL;
	return 0;
}

/* A Warsaw date's first moment in UTC, or def. */
static long long day_start(const char *day, int plus, long long def)
{
	char next[11];
	int y, m, d;

	if (!day || !*day || !valid_date(day, &y, &m, &d))
		return def;
	if (plus) {
		/* Noon of the day is safely inside it whatever the clock does;
		 * the next day's midnight from there. */
		tzpl_day(tzpl_to_utc(y, m, d, 12), plus, next);
		valid_date(next, &y, &m, &d);
	}
	return tzpl_to_utc(y, m, d, 0);
}

void fleet_day_span(const char *from, const char *to, long long *t0,
		    long long *t1)
{
	*t0 = day_start(from, 0, 0);
	*t1 = day_start(to, 1, FLEET_TIME_MAX);
	if (*t1 > FLEET_TIME_MAX)
		*t1 = FLEET_TIME_MAX;
}

void fleet_local_text(long long utc, char out[17])
{
	tzpl_text(utc, out);
	out[10] = 'T';
}

int fleet_span_overlap(long long a0, long long a1, long long b0, long long b1)
{
	return (a1 == 0 || b0 < a1) && (b1 == 0 || a0 < b1);
}

enum fleet_refusal fleet_reserve_span_rule(long long start, long long end,
					   long long now)
{
	if (end <= start)
		return FLEET_SPAN_REVERSED;
	if (end - start > FLEET_RES_MAX_DAYS * 86400LL)
		return FLEET_SPAN_LONG;
	if (end <= now)
		return FLEET_SPAN_PAST;
	return FLEET_OK;
}

enum fleet_refusal fleet_trip_open_rule(long long start, long long planned_end,
					long long odo_out,
					long long odo_vehicle)
{
	if (planned_end <= start)
		return FLEET_SPAN_REVERSED;
	if (odo_out < odo_vehicle)
		return FLEET_ODO_BACK;
	return FLEET_OK;
}

enum fleet_refusal fleet_trip_start_rule(long long start, long long now)
{
	return start > now + FLEET_TRIP_START_SKEW ? FLEET_START_FUTURE
						   : FLEET_OK;
}

enum fleet_refusal fleet_trip_close_rule(long long start, long long end,
					 long long odo_out, long long odo_in)
{
	if (end < start)
		return FLEET_END_BEFORE;
	if (odo_in < odo_out)
		return FLEET_ODO_IN_LOW;
	if (odo_in - odo_out > FLEET_TRIP_MAX_KM)
		return FLEET_ODO_ABSURD;
	return FLEET_OK;
}
