/* ui-bookings.c: the company's bookings (anyone's of its authorised
 * people), one booking with its history, change of hour and cancel */
#include "ebt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crossings.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "outbox.h"
#include "registry.h"
#include "resp.h"
#include "valid.h"
#include "view.h"

static int check_status(const char *v)
{
	static const char *const ok[] = { "booked", "arrived", "called",
					  "served", "cancelled", "no_show" };

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (!strcmp(v, ok[i]))
			return 1;
	return 0;
}

static int check_date(const char *v)
{
	return valid_date(v, NULL, NULL, NULL);
}

static int check_id(const char *v)
{
	return valid_id(v) > 0;
}

static size_t norm_plate(const char *in, char *out, size_t outsz)
{
	return valid_plate_normalise(in, out, outsz);
}

enum { L_COMPANY, L_STATUS, L_CROSSING, L_DAY, L_PLATE, L__MAX };
static const struct param list_params[L__MAX] = {
	{ "company", P_QUERY, 12, NULL, check_id, "invalid" },
	{ "status", P_QUERY, 12, NULL, check_status, "invalid" },
	{ "crossing", P_QUERY, 12, NULL, check_id, "invalid" },
	{ "day", P_QUERY, 10, NULL, check_date, "date" },
	{ "plate", P_QUERY, 20, norm_plate, NULL, "plate" },
};

/* Companies whose bookings the person sees: ebt_view or ebt_book. */
static int list_companies(struct req *r, long long person)
{
	HDF *n;
	int c = registry_companies_for(person, AUTHZ_EBT_VIEW, r->hdf, "Companies");

	if (c == 0)
		c = registry_companies_for(person, AUTHZ_EBT_BOOK, r->hdf,
					   "Companies");
	for (n = hdf_get_obj(r->hdf, "Companies"), n = n ? hdf_obj_child(n)
							 : NULL;
	     n; n = hdf_obj_next(n)) {
		hdf_set_value(n, "Value", hdf_get_value(n, "id", ""));
		hdf_set_value(n, "Label", hdf_get_value(n, "name", ""));
	}
	return c;
}

int bookings_fn(struct req *r)
{
	struct booking_filter f = { 0 };
	const char *v[L__MAX];
	long long person, company;
	int rc = 0, n;

	if (!ebt_person(r, &person, &rc))
		return rc;
	if (list_companies(r, person) < 0 ||
	    crossings_ebt_options(r->lang, r->hdf, "Crossings") < 0)
		return -1;
	if (form_read(r, list_params, L__MAX, v))
		return view_render(r, 422, "ebt/list.cs");
	company = v[L_COMPANY] ? valid_id(v[L_COMPANY])
			       : hdf_get_int_value(r->hdf, "Companies.0.id", 0);
	if (!company)
		return view_render(r, 200, "ebt/list.cs");
	hdf_set_int_value(r->hdf, "Form.company", (int)company);
	f.status = v[L_STATUS];
	f.crossing_id = v[L_CROSSING] ? valid_id(v[L_CROSSING]) : 0;
	f.day = v[L_DAY];
	f.plate = v[L_PLATE];
	n = booking_list(person, company, &f, r->hdf, "Bookings");
	if (n == -BK_FORBIDDEN)
		return resp_error(r, 403, "ebt_forbidden");
	if (n < 0) {
		log_err("booking list of company %lld: %s", company, db_error());
		return -1;
	}
	return view_render(r, 200, "ebt/list.cs");
}

/* Loads the route's booking into B, or answers 404 (also for a booking
 * of somebody else's company: a number reveals nothing). */
static int load(struct req *r, long long *person, int *rc)
{
	enum bk_status st;

	if (!ebt_person(r, person, rc))
		return 0;
	st = booking_get(*person, 0, r->args[0], r->hdf, "B");
	if (st != BK_OK) {
		*rc = st == BK_ERROR ? -1 : resp_error(r, 404, "not_found");
		return 0;
	}
	return 1;
}

int booking_fn(struct req *r)
{
	long long person;
	int rc = 0;

	if (!load(r, &person, &rc))
		return rc;
	if (req_query(r, "made"))
		hdf_set_value(r->hdf, "Page.Made", "1");
	if (!hdf_get_value(r->hdf, "Form.day", NULL))
		hdf_set_value(r->hdf, "Form.day",
			      hdf_get_value(r->hdf, "B.day", ""));
	if (!hdf_get_value(r->hdf, "Form.hour", NULL))
		hdf_set_value(r->hdf, "Form.hour",
			      hdf_get_value(r->hdf, "B.hour", ""));
	return view_render(r, 200, "ebt/booking.cs");
}

static int check_hour(const char *v)
{
	return valid_digits(v, strlen(v)) && strlen(v) <= 2 && atoi(v) < 24;
}

static int check_reason(const char *v)
{
	return valid_text(v, 500);
}

enum { C_DAY, C_HOUR, C_REASON, C__MAX };
static const struct param change_params[C__MAX] = {
	{ "day", P_REQUIRED, 10, NULL, check_date, "date" },
	{ "hour", P_REQUIRED, 2, NULL, check_hour, "ebt_hour" },
	{ "reason", 0, 500, NULL, check_reason, "invalid" },
};

struct mail_ctx {
	struct req *r;
	const char *subject, *tpl;
};

static int mail_cb(void *ctx, const struct booking_ref *b)
{
	struct mail_ctx *m = ctx;

	hdf_set_value(m->r->hdf, "Mail.number", b->number);
	hdf_set_value(m->r->hdf, "Mail.day", b->day);
	hdf_set_int_value(m->r->hdf, "Mail.hour", b->hour);
	return outbox_put(m->r, m->r->sess.email, m->subject, m->tpl) < 0
		       ? -1 : 0;
}

/* A refusal of change/cancel: the booking page again, reason on top. */
static int refused(struct req *r, long long person, enum bk_status st,
		   const char *number)
{
	if (st == BK_ERROR)
		return -1;
	if (st == BK_NOT_FOUND || st == BK_FORBIDDEN)
		return resp_error(r, st == BK_FORBIDDEN ? 403 : 404,
				  st == BK_FORBIDDEN ? "ebt_forbidden"
						     : "not_found");
	hdf_remove_tree(r->hdf, "B");
	if (booking_get(person, 0, number, r->hdf, "B") != BK_OK)
		return -1;
	hdf_set_value(r->hdf, "Page.Refusal",
		      view_text(r, arena_printf(&r->arena, "err.ebt_%s",
						booking_status_key(st))));
	hdf_set_value(r->hdf, "Page.RefusalCode", booking_status_code(st));
	return view_render(r, ebt_status_http(st), "ebt/booking.cs");
}

int booking_change_fn(struct req *r)
{
	const char *v[C__MAX];
	struct booking_ref ref;
	struct mail_ctx m = { r, "ebt.subject.changed", "mail/ebt_changed.cs" };
	enum bk_status st;
	long long person;
	int rc = 0;

	if (!load(r, &person, &rc))
		return rc;
	if (form_read(r, change_params, C__MAX, v))
		return view_render(r, 422, "ebt/booking.cs");
	st = booking_change(person, r->args[0], v[C_DAY], atoi(v[C_HOUR]),
			    v[C_REASON] ? v[C_REASON] : "", mail_cb, &m,
			    &ref);
	if (st != BK_OK)
		return refused(r, person, st, r->args[0]);
	log_info("booking %s moved by person %lld", ref.number, person);
	return resp_redirect(r, arena_printf(&r->arena, "/ebt/bookings/%s",
					     ref.number));
}

int booking_cancel_fn(struct req *r)
{
	const char *v[C__MAX];
	struct booking_ref ref;
	struct mail_ctx m = { r, "ebt.subject.cancelled",
			      "mail/ebt_cancelled.cs" };
	enum bk_status st;
	long long person;
	int rc = 0;

	if (!load(r, &person, &rc))
		return rc;
	if (form_read(r, change_params + C_REASON, 1, v + C_REASON))
		return view_render(r, 422, "ebt/booking.cs");
	st = booking_cancel(person, r->args[0],
			    v[C_REASON] ? v[C_REASON] : "", mail_cb, &m, &ref);
	if (st != BK_OK)
		return refused(r, person, st, r->args[0]);
	log_info("booking %s cancelled by person %lld", ref.number, person);
	return resp_redirect(r, arena_printf(&r->arena, "/ebt/bookings/%s",
					     ref.number));
}
