/* ui-book.c: the booking wizard: company and crossing → calendar of free
 * places → the form → review → confirm (booking_create) */
#include "ebt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "db.h"
#include "log.h"
#include "outbox.h"
#include "registry.h"
#include "resp.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

static struct sql q_crossings = SQL(
	"SELECT id, code, name_pl, name_en, horizon_days FROM crossing"
	" ORDER BY id");

/* The companies the person may book for, as Companies.N.{Value,Label}
 * for the select macro too. Returns the count or -1. */
static int companies(struct req *r, long long person)
{
	HDF *n;
	int c = registry_companies_for(person, AUTHZ_EBT_BOOK, r->hdf,
				       "Companies");

	for (n = hdf_get_obj(r->hdf, "Companies"), n = n ? hdf_obj_child(n)
							 : NULL;
	     n; n = hdf_obj_next(n)) {
		hdf_set_value(n, "Value", hdf_get_value(n, "id", ""));
		hdf_set_value(n, "Label", hdf_get_value(n, "name", ""));
	}
	return c;
}

int book_start_fn(struct req *r)
{
	long long person;
	int rc = 0;

	if (!ebt_person(r, &person, &rc))
		return rc;
	if (companies(r, person) < 0 ||
	    db_select_hdf(&q_crossings, r->hdf, "Crossings", "") < 0)
		return -1;
	return view_render(r, 200, "ebt/start.cs");
}

/* The company (?company= or form) the person may book for, else 0 after
 * answering 403. */
static long long company_arg(struct req *r, long long person,
			     const char *v, int *rc)
{
	long long company = ebt_id(v);
	int ok = company ? registry_may_act(person, company, AUTHZ_EBT_BOOK,
					    NULL) : 0;

	if (ok < 0) {
		*rc = -1;
		return 0;
	}
	if (!ok) {
		*rc = resp_error(r, 403, "ebt_forbidden");
		return 0;
	}
	hdf_set_int_value(r->hdf, "Book.company", (int)company);
	return company;
}

static long long crossing_arg(struct req *r, const char *v, int *rc)
{
	long long id = ebt_id(v);
	int found = id ? booking_crossing(id, r->hdf, "Crossing") : 0;

	if (found < 0) {
		*rc = -1;
		return 0;
	}
	if (!found) {
		*rc = resp_error(r, 404, "ebt_no_crossing");
		return 0;
	}
	return id;
}

/* The first day with free places, else the first day: the hours shown
 * when the link names no day. */
static const char *first_open_day(struct req *r)
{
	HDF *n = hdf_get_child(r->hdf, "Days");
	const char *first = n ? hdf_get_value(n, "d", NULL) : NULL;

	for (; n; n = hdf_obj_next(n))
		if (hdf_get_int_value(n, "f", 0) > 0)
			return hdf_get_value(n, "d", first);
	return first;
}

/* The days list of each crossing, kept by this worker for a second: under
 * load the aggregate (a month of slot rows, half the database time of the
 * page) then runs about once a second per worker instead of on every view.
 * The day totals are an overview at most a second old; the chosen day's
 * hours, which the links come from, and the booking itself stay live. */
#define DAYS_TTL_MS 1000
static struct {
	HDF *days;
	char from[11];
	long long at_ms;
} days_cache[16];

static long long mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int calendar_days(struct req *r, long long crossing, const char *from,
			 const char *to)
{
	long long now = mono_ms();
	NEOERR *err;
	HDF *src;

	if (crossing <= 0 || crossing >= 16)
		return booking_free_days(crossing, from, to, r->hdf, "Days");
	if (days_cache[crossing].days &&
	    now - days_cache[crossing].at_ms < DAYS_TTL_MS &&
	    !strcmp(days_cache[crossing].from, from)) {
		src = hdf_get_obj(days_cache[crossing].days, "D");
		if (!src)
			return 0;	/* no days: nothing to copy */
		err = hdf_copy(r->hdf, "Days", src);
		if (!err)
			return 0;
		nerr_ignore(&err);
		return -1;
	}
	if (booking_free_days(crossing, from, to, r->hdf, "Days") < 0)
		return -1;
	if (days_cache[crossing].days)
		hdf_destroy(&days_cache[crossing].days);
	src = hdf_get_obj(r->hdf, "Days");
	err = hdf_init(&days_cache[crossing].days);
	if (!err && src)
		err = hdf_copy(days_cache[crossing].days, "D", src);
	if (err) {
		/* Not kept this time: the page has its days anyway. */
		nerr_ignore(&err);
		if (days_cache[crossing].days)
			hdf_destroy(&days_cache[crossing].days);
		return 0;
	}
	snprintf(days_cache[crossing].from, sizeof(days_cache[crossing].from),
		 "%s", from);
	days_cache[crossing].at_ms = now;
	return 0;
}

/* Two levels, both cheap to render: the bookable days of the horizon (one
 * aggregate SELECT, <= 31 rows) and one chosen day's hours (<= 24 rows).
 * ?day= picks the day; the old ?week= is accepted and ignored. */
int book_calendar_fn(struct req *r)
{
	long long person, company, crossing;
	const char *day = req_query(r, "day");
	char from[11], to[11];
	int rc = 0, horizon;

	if (!ebt_person(r, &person, &rc))
		return rc;
	if (!(company = company_arg(r, person, req_query(r, "company"), &rc)) ||
	    !(crossing = crossing_arg(r, req_query(r, "crossing"), &rc)))
		return rc;
	horizon = hdf_get_int_value(r->hdf, "Crossing.horizon_days", 30);
	if (horizon < 0 || horizon > 366)
		horizon = 30;
	booking_maintain(crossing);
	ebt_day(0, from);
	ebt_day(horizon, to);
	if (calendar_days(r, crossing, from, to) < 0)
		return -1;
	/* Dates as YYYY-MM-DD compare as strings. */
	if (!day || !valid_date(day, NULL, NULL, NULL) ||
	    strcmp(day, from) < 0 || strcmp(day, to) > 0)
		day = first_open_day(r);
	if (day) {
		hdf_set_value(r->hdf, "Cal.day", day);
		if (booking_day_hours(crossing, day, r->hdf, "Hours") < 0)
			return -1;
	}
	hdf_set_valuef(r->hdf, "Cal.q=company=%lld&crossing=%lld", company,
		       crossing);
	return view_render(r, 200, "ebt/calendar.cs");
}

/* Day and hour of the wizard, checked for form only (the rules come in
 * booking_create). */
static int slot_args(struct req *r, const char *day, const char *hour)
{
	if (!day || !valid_date(day, NULL, NULL, NULL) || !hour ||
	    !valid_digits(hour, strlen(hour)) || strlen(hour) > 2 ||
	    atoi(hour) > 23)
		return 0;
	hdf_set_value(r->hdf, "Book.day", day);
	hdf_set_int_value(r->hdf, "Book.hour", atoi(hour));
	return 1;
}

int book_form_fn(struct req *r)
{
	long long person;
	char idem[33];
	int rc = 0;

	if (!ebt_person(r, &person, &rc))
		return rc;
	if (!company_arg(r, person, req_query(r, "company"), &rc) ||
	    !crossing_arg(r, req_query(r, "crossing"), &rc))
		return rc;
	if (!slot_args(r, req_query(r, "day"), req_query(r, "hour")))
		return resp_error(r, 404, "not_found");
	/* One token per form: a resent confirmation finds its booking. */
	rand_hex(idem, 16);
	hdf_set_value(r->hdf, "Book.idem", idem);
	hdf_set_value(r->hdf, "Form.plate_country", "PL");
	return view_render(r, 200, "ebt/form.cs");
}

struct mail_ctx {
	struct req *r;
};

/* Inside the booking's transaction: the confirmation mail goes with it. */
static int mail_cb(void *ctx, const struct booking_ref *b)
{
	struct mail_ctx *m = ctx;
	struct req *r = m->r;

	if (booking_get(0, b->crossing_id, b->number, r->hdf, "Mail") != BK_OK)
		return -1;
	hdf_set_value(r->hdf, "Mail.Base", conf_get("Site.BaseUrl", ""));
	hdf_set_value(r->hdf, "Mail.link",
		      arena_printf(&r->arena, "/ebt/bookings/%s", b->number));
	return outbox_put(r, r->sess.email, "ebt.subject.booked",
			  "mail/ebt_booked.cs") < 0 ? -1 : 0;
}

int book_post_fn(struct req *r)
{
	struct booking_form f = { 0 };
	struct booking_ref ref;
	struct mail_ctx m = { r };
	enum bk_status st;
	long long person;
	const char *idem = req_form(r, "idem");
	int rc = 0, status;

	if (!ebt_person(r, &person, &rc))
		return rc;
	if (!(f.company_id = company_arg(r, person, req_form(r, "company"),
					 &rc)) ||
	    !(f.crossing_id = crossing_arg(r, req_form(r, "crossing"), &rc)))
		return rc;
	if (!slot_args(r, req_form(r, "day"), req_form(r, "hour")))
		return resp_error(r, 400, "invalid");
	f.day = hdf_get_value(r->hdf, "Book.day", "");
	f.hour = hdf_get_int_value(r->hdf, "Book.hour", 0);
	if (!idem || strlen(idem) != 32)
		return resp_error(r, 400, "invalid");
	hdf_set_value(r->hdf, "Book.idem", idem);
	f.idem_key = idem;
	if (ebt_read_form(r, &f, 0))
		return view_render(r, 422, "ebt/form.cs");
	/* "Change" on the review goes back to the form as typed. */
	if (req_form(r, "edit"))
		return view_render(r, 200, "ebt/form.cs");
	if (!req_form(r, "confirm")) {
		for (int i = 0; i < f.nmrn; i++)
			hdf_set_valuef(r->hdf, "Review.Mrn.%d=%s", i, f.mrn[i]);
		return view_render(r, 200, "ebt/review.cs");
	}
	st = booking_create(person, &f, mail_cb, &m, &ref);
	if (st == BK_OK) {
		if (!ref.replayed)
			log_info("booking %s made by person %lld", ref.number,
				 person);
		return resp_redirect(r, arena_printf(&r->arena,
			"/ebt/bookings/%s?made=1", ref.number));
	}
	if (st == BK_ERROR)
		return -1;
	if (st == BK_FORBIDDEN || st == BK_NO_CROSSING)
		return ebt_refusal(r, st);
	if (st == BK_INVALID) {
		const char *fld = ref.bad_field ? ref.bad_field : "plate";

		if (!strcmp(fld, "mrn"))
			fld = "mrns";
		view_field_error(r, fld, "err.invalid");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return view_render(r, 422, "ebt/form.cs");
	}
	/* Full, past, closed, beyond the horizon, the truck already booked:
	 * the form stays as typed with the reason above it. */
	status = ebt_status_http(st);
	hdf_set_valuef(r->hdf, "Book.Refusal=%s",
		       view_text(r, arena_printf(&r->arena, "err.ebt_%s",
						 booking_status_key(st))));
	hdf_set_value(r->hdf, "Book.RefusalCode", booking_status_code(st));
	return view_render(r, status, "ebt/form.cs");
}
