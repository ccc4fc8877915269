/* ui-book.c: the booking wizard: company and crossing → calendar of free
 * places → the form → review → confirm (booking_create) */
#include "ebt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int book_calendar_fn(struct req *r)
{
	long long person, company, crossing;
	const char *w = req_query(r, "week");
	char from[11], to[11];
	int rc = 0, week = w ? atoi(w) : 0, horizon;

	if (!ebt_person(r, &person, &rc))
		return rc;
	if (!(company = company_arg(r, person, req_query(r, "company"), &rc)) ||
	    !(crossing = crossing_arg(r, req_query(r, "crossing"), &rc)))
		return rc;
	horizon = hdf_get_int_value(r->hdf, "Crossing.horizon_days", 30);
	if (week < 0 || week * 7 > horizon)
		week = 0;
	booking_maintain(crossing);
	ebt_day(week * 7, from);
	ebt_day(week * 7 + 6 > horizon ? horizon : week * 7 + 6, to);
	if (booking_free_slots(crossing, from, to, r->hdf, "Slots") < 0)
		return -1;
	hdf_set_valuef(r->hdf, "Cal.q=company=%lld&crossing=%lld", company,
		       crossing);
	hdf_set_value(r->hdf, "Cal.from", from);
	hdf_set_value(r->hdf, "Cal.to", to);
	if (week > 0)
		hdf_set_int_value(r->hdf, "Cal.prev", week - 1);
	if ((week + 1) * 7 <= horizon)
		hdf_set_int_value(r->hdf, "Cal.next", week + 1);
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
