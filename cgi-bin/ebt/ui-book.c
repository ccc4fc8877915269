/* ui-book.c: the booking wizard: company and crossing → calendar of free
 * places → the form → review → confirm (booking_create) */
#include "ebt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "crossings.h"
#include "db.h"
#include "epochs.h"
#include "hdfcache.h"
#include "inbox.h"
#include "log.h"
#include "pagecache.h"
#include "registry.h"
#include "resp.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

/* The companies the person may book for, as Companies.N.{Value,Label}
 * for the select macro too. Returns the count or -1. */
static int companies(struct req *r, long long person)
{
	HDF *n;
	int c = registry_companies_for(person, AUTHZ_EBT_BOOK, r->hdf,
				       "Companies");

	for (n = hdf_get_obj(r->hdf, "Companies"),
	    n = n ? hdf_obj_child(n) : NULL;
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
	    crossings_ebt_list(r->hdf, "Crossings") < 0)
		return -1;
	return view_render(r, 200, "ebt/start.cs");
}

/* The calendar's data (the crossing, the horizon's days, the chosen day's
 * hours), kept by this worker for a second and only while EPOCH_SLOTS is
 * unchanged: every taken or released place, new slots and every change of
 * a crossing's settings bump it (epoch.h), so what a user sees is never
 * older than the last booking, and at most a second older than the clock
 * (an hour that began drops out of the list within a second; booking it
 * is refused anyway). Under load the three SELECTs then run about twice a
 * second per worker instead of on every view (docs/performance.md). The
 * rendered page is kept too (calendar_page): each for half a second, so
 * what the clock changes still shows within a second. */
#define CALENDAR_TTL_MS 500

static int cached(struct req *r, const char *key, const char *name,
		  int (*load)(struct req *r, long long id, const char *arg,
			      const char *name),
		  long long id, const char *arg)
{
	struct kept_stamp s;
	int rc = hdfcache_get(key, r->hdf, name);

	if (rc)
		return rc;
	s = kept_note(EPOCH_BIT(EPOCH_SLOTS));
	rc = load(r, id, arg, name);
	if (rc >= 0)
		hdfcache_put(key, &s, CALENDAR_TTL_MS, r->hdf, name);
	return rc;
}

static int load_crossing(struct req *r, long long id, const char *arg,
			 const char *name)
{
	/* A crossing that is not there is not kept: its 0 must come from
	 * the database each time, and nothing is copied for it. */
	int rc = crossings_hdf(id, 1, r->hdf, name);

	return rc == 0 ? -2 : rc;
}

static int load_days(struct req *r, long long id, const char *from,
		     const char *name)
{
	char to[11];
	int horizon = hdf_get_int_value(r->hdf, "Crossing.horizon_days", 30);

	if (horizon < 0 || horizon > 366)
		horizon = 30;
	tzpl_today(horizon, to);
	return booking_free_days(id, from, to, r->hdf, name);
}

static int load_hours(struct req *r, long long id, const char *day,
		      const char *name)
{
	return booking_day_hours(id, day, r->hdf, name);
}

/* The company (?company= or form) the person may book for, else 0 after
 * answering 403. */
static long long company_arg(struct req *r, long long person, const char *v,
			     int *rc)
{
	long long company = valid_id(v);
	int ok = company ? registry_may_act(person, company, AUTHZ_EBT_BOOK,
					    NULL)
			 : 0;

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
	long long id = valid_id(v);
	char key[48];
	int found = 0;

	if (id) {
		snprintf(key, sizeof(key), "crossing:%lld", id);
		found = cached(r, key, "Crossing", load_crossing, id, NULL);
		if (found == -2)
			found = 0;
	}
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

/* The rendered calendar (its content, not the reader's frame) kept by
 * this worker under the path, the query (company, crossing, day), the
 * language and today's date (the horizon and the default day move with
 * it), while EPOCH_SLOTS is at the value noted before its data was read
 * (the crossing's settings too: noted before crossing_arg) and for
 * CALENDAR_TTL_MS: under load a view then renders the frame only,
 * not the 31 days and 24 hours (docs/performance.md). Nothing of the
 * reader is in the content: the company is in the key and access to it is
 * checked at every request before a kept page is sent. */
struct calendar_page {
	const char *key;
	struct kept_stamp stamp; /* noted before any of the page's reads */
};

static int calendar_kept(struct req *r, struct calendar_page *c,
			 const char *today)
{
	struct pagecache_answer a;

	c->key = pagecache_key(r, arena_printf(&r->arena, "today=%s", today));
	if (!c->key || pagecache_get(c->key, &a) != 1)
		return 0;
	return view_send_kept(r, &a) < 0 ? -1 : 1;
}

/* Two levels, both cheap to render: the bookable days of the horizon (one
 * aggregate SELECT, <= 31 rows) and one chosen day's hours (<= 24 rows).
 * ?day= picks the day; the old ?week= is accepted and ignored. */
int book_calendar_fn(struct req *r)
{
	long long person, company, crossing;
	const char *day = req_query(r, "day");
	char from[11], to[11], key[64];
	struct calendar_page page = { NULL, kept_note(EPOCH_BIT(EPOCH_SLOTS)) };
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
	tzpl_today(0, from);
	tzpl_today(horizon, to);
	if ((rc = calendar_kept(r, &page, from)) != 0)
		return rc;
	snprintf(key, sizeof(key), "days:%lld:%s", crossing, from);
	if (cached(r, key, "Days", load_days, crossing, from) < 0)
		return -1;
	/* Dates as YYYY-MM-DD compare as strings. */
	if (!day || !valid_date(day, NULL, NULL, NULL) ||
	    strcmp(day, from) < 0 || strcmp(day, to) > 0)
		day = first_open_day(r);
	if (day) {
		hdf_set_value(r->hdf, "Cal.day", day);
		snprintf(key, sizeof(key), "hours:%lld:%s", crossing, day);
		if (cached(r, key, "Hours", load_hours, crossing, day) < 0)
			return -1;
	}
	hdf_set_valuef(r->hdf, "Cal.q=company=%lld&crossing=%lld", company,
		       crossing);
	return view_render_kept(r, "ebt/calendar.cs", page.key, &page.stamp,
				CALENDAR_TTL_MS);
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
	enum bk_status st;

	/* A run again (db_tx) starts from nothing the last one read. */
	hdf_remove_tree(r->hdf, "Mail");
	st = booking_get(0, b->crossing_id, b->number, r->hdf, "Mail");

	/* The booking was written a moment ago in this transaction: not
	 * finding it is a fault worth a line (the Galera race: an abort, run
	 * again by db_tx; docs/architecture.md, "What a run that failed
	 * guarantees"). */
	if (st != BK_OK) {
		log_err("booking %s not read back in its transaction (%s; "
			"database %u %s)",
			b->number, booking_status_code(st), db_errno(),
			db_error());
		return -1;
	}
	hdf_set_value(r->hdf, "Mail.Base", conf_get("Site.BaseUrl", ""));
	hdf_set_value(r->hdf, "Mail.link",
		      arena_printf(&r->arena, "/ebt/bookings/%s", b->number));
	/* Filed in the booker's inbox too (domain/inbox). */
	return inbox_mail(r, INBOX_ACCOUNT, r->sess.account_id, NULL, 0, NULL,
			  r->sess.email, "ebt.subject.booked",
			  "mail/ebt_booked.cs") < 0
		       ? -1
		       : 0;
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
						     "/ebt/bookings/%s?made=1",
						     ref.number));
	}
	if (st == BK_ERROR) {
		/* The last database error, if any, says which statement. */
		log_err("booking not made: database %u %s", db_errno(),
			db_error());
		return -1;
	}
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
