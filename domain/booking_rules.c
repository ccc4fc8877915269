/* booking_rules.c: eBT's rules that need no database: the form's fields,
 * plates and MRNs, which hours can be booked, the arrival window and which
 * status changes a booking allows (tests/unit/test-booking.c) */
#include "booking.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tzpl.h"
#include "valid.h"

static const struct {
	const char *key, *code;
} status_names[] = {
	[BK_OK] = { "ok", "OK" },
	[BK_INVALID] = { "invalid", "INVALID_FIELD" },
	[BK_FORBIDDEN] = { "forbidden", "NOT_AUTHORISED" },
	[BK_NOT_FOUND] = { "not_found", "NOT_FOUND" },
	[BK_NO_CROSSING] = { "no_crossing", "UNKNOWN_CROSSING" },
	[BK_PAST] = { "past", "SLOT_IN_PAST" },
	[BK_HORIZON] = { "horizon", "BEYOND_HORIZON" },
	[BK_CLOSED] = { "closed", "CROSSING_CLOSED" },
	[BK_FULL] = { "full", "SLOT_FULL" },
	[BK_PLATE_ACTIVE] = { "plate_active", "TRUCK_ALREADY_BOOKED" },
	[BK_DEADLINE] = { "deadline", "DEADLINE_PASSED" },
	[BK_STATE] = { "state", "WRONG_STATUS" },
	[BK_SAME_SLOT] = { "same_slot", "SAME_SLOT" },
	[BK_NO_PLACE] = { "no_place", "NO_FREE_PLACE" },
	[BK_AT_CROSSING] = { "at_crossing", "TRUCK_AT_CROSSING" },
	[BK_ERROR] = { "error", "INTERNAL" },
};

const char *booking_status_key(enum bk_status st)
{
	return st <= BK_ERROR ? status_names[st].key : "error";
}

const char *booking_status_code(enum bk_status st)
{
	return st <= BK_ERROR ? status_names[st].code : "INTERNAL";
}

size_t booking_plate_norm(const char *in, char *out, size_t outsz)
{
	return valid_plate_normalise(in, out, outsz);
}

void booking_plate_fold(const char *plate, char *out, size_t outsz)
{
	size_t i;

	if (!outsz)
		return;
	for (i = 0; plate[i] && i + 1 < outsz; i++)
		out[i] = plate[i] == 'O'   ? '0'
			 : plate[i] == 'I' ? '1'
					   : plate[i];
	out[i] = '\0';
}

int booking_number_like(const char *q, char out[17])
{
	size_t n = q ? strlen(q) : 0;

	/* bk_number(): three letters of the crossing, '-', eight more. */
	if (n != 12 || q[3] != '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = q[i];

		if (i != 3 &&
		    !((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return 0;
	}
	memcpy(out, q, 13);
	return 1;
}

/* A plate as stored: normalisation leaves it as it is. */
static int plate_ok(const char *p)
{
	char n[16];

	return p && booking_plate_norm(p, n, sizeof(n)) && strcmp(n, p) == 0;
}

const char *booking_check_form(const struct booking_form *f)
{
	int i, j;

	if (f->crossing_id <= 0)
		return "crossing";
	if (!f->day || !valid_date(f->day, NULL, NULL, NULL))
		return "day";
	if (f->hour < 0 || f->hour > 23)
		return "hour";
	if (!plate_ok(f->plate))
		return "plate";
	if (!f->plate_country || !valid_country(f->plate_country))
		return "plate_country";
	if (f->trailer_plate && *f->trailer_plate &&
	    !plate_ok(f->trailer_plate))
		return "trailer_plate";
	if (!f->driver_name || !valid_text(f->driver_name, 100))
		return "driver_name";
	if (!f->driver_doc || !valid_text(f->driver_doc, 40))
		return "driver_doc";
	if (!f->driver_phone || !valid_phone(f->driver_phone))
		return "driver_phone";
	if (f->nmrn < 1 || f->nmrn > BOOKING_MAX_MRN)
		return "mrn";
	for (i = 0; i < f->nmrn; i++) {
		if (!f->mrn[i] || !valid_mrn(f->mrn[i]))
			return "mrn";
		for (j = 0; j < i; j++)
			if (strcmp(f->mrn[i], f->mrn[j]) == 0)
				return "mrn";
	}
	if (!f->goods || !valid_text(f->goods, 500))
		return "goods";
	if (f->mass_kg < 1 || f->mass_kg > BOOKING_MAX_MASS)
		return "mass_kg";
	if (f->packages < 0 || f->packages > 999999)
		return "packages";
	if (f->idem_key && !valid_hex_lower(f->idem_key, 32))
		return "idem";
	return NULL;
}

int booking_split_mrns(char *s, struct booking_form *f)
{
	char *save = NULL, *t;

	f->nmrn = 0;
	for (t = strtok_r(s, " ,;\r\n\t", &save); t;
	     t = strtok_r(NULL, " ,;\r\n\t", &save)) {
		if (f->nmrn == BOOKING_MAX_MRN || !valid_mrn(t))
			return -1;
		for (int j = 0; j < f->nmrn; j++)
			if (!strcmp(f->mrn[j], t))
				return -1;
		f->mrn[f->nmrn++] = t;
	}
	return f->nmrn ? 0 : -1;
}

enum bk_status booking_day_rule(int horizon, const char *day, long long now)
{
	char today[11], last[11];

	tzpl_day(now, 0, today);
	tzpl_day(now, horizon, last);
	/* Dates as YYYY-MM-DD compare as strings. */
	if (strcmp(day, last) > 0)
		return BK_HORIZON;
	if (strcmp(day, today) < 0)
		return BK_PAST;
	return BK_OK;
}

enum bk_status booking_hour_rule(const char *day, int hour,
				 const struct bk_slot *s, long long now)
{
	if (!s) {
		/* No row: an hour skipped by summer time, or slots not made
		 * yet; either way nothing to book. */
		long long t = tzpl_to_utc(atoi(day), atoi(day + 5),
					  atoi(day + 8), hour);

		return t >= 0 && t <= now ? BK_PAST : BK_CLOSED;
	}
	if (s->start <= now)
		return BK_PAST;
	if (s->capacity == 0 || s->closed)
		return BK_CLOSED;
	return BK_OK;
}

int booking_in_window(const struct crossing *c, long long start, long long now)
{
	return now >= start - c->before * 60LL &&
	       now <= start + c->after * 60LL;
}

int booking_window_over(const struct crossing *c, long long start,
			long long now)
{
	return now > start + c->after * 60LL;
}

static int is(const char *status, const char *want)
{
	return status && strcmp(status, want) == 0;
}

int booking_can_change(const struct crossing *c, const char *status,
		       long long start, long long now)
{
	return is(status, "booked") && now < start - c->deadline * 60LL;
}

int booking_can_arrive(const struct crossing *c, const char *status,
		       long long start, long long now)
{
	return is(status, "booked") && booking_in_window(c, start, now);
}

/* A cancelled or missed booking has no ticket to show or print. */
int booking_can_print(const char *status)
{
	return !is(status, "cancelled") && !is(status, "no_show");
}

int booking_at_crossing(const char *status)
{
	return is(status, "arrived") || is(status, "called") ||
	       is(status, "served") || is(status, "no_show");
}

int booking_can_call(const char *status)
{
	return is(status, "arrived");
}

int booking_can_serve(const char *status)
{
	return is(status, "called");
}

int booking_can_mark_no_show(const struct crossing *c, const char *status,
			     long long start, long long now)
{
	return is(status, "booked") && booking_window_over(c, start, now);
}

int booking_lane_ok(const struct crossing *c, int lane)
{
	return lane >= 1 && lane <= c->lanes;
}
