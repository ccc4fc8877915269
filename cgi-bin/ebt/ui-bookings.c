/* ui-bookings.c: the company's bookings (anyone's of its authorised
 * people), one booking with its history, change of hour and cancel */
#include "ebt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crossings.h"
#include "db.h"
#include "form.h"
#include "inbox.h"
#include "log.h"
#include "registry.h"
#include "resp.h"
#include "valid.h"
#include "view.h"

static int check_status(const char *v)
{
	static const char *const ok[] = { "booked", "arrived",	 "called",
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

/* Companies whose bookings the person sees (ebt_view or ebt_book), as
 * Companies.N.{Value,Label} for the select macro too. */
static int list_companies(struct req *r, long long person)
{
	HDF *n;
	int c = booking_companies(person, r->hdf, "Companies");

	for (n = hdf_get_obj(r->hdf, "Companies"),
	    n = n ? hdf_obj_child(n) : NULL;
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
	int rc = 0, n, nc;

	if (!ebt_person(r, &person, &rc))
		return rc;
	if ((nc = list_companies(r, person)) < 0 ||
	    crossings_ebt_options(r->lang, r->hdf, "Crossings") < 0)
		return -1;
	if (form_read(r, list_params, L__MAX, v))
		return view_render(r, 422, "ebt/list.cs");
	if (nc == 0)
		return view_render(r, 200, "ebt/list.cs");
	/* One company: it is the list. Several and none chosen: all of them
	 * (an agency's employee sees the bookings he made for a client right
	 * after booking), each row naming its company. */
	company = v[L_COMPANY] ? valid_id(v[L_COMPANY])
		  : nc == 1    ? hdf_get_int_value(r->hdf, "Companies.0.id", 0)
			       : 0;
	if (company)
		hdf_set_int_value(r->hdf, "Form.company", (int)company);
	else
		hdf_set_value(r->hdf, "Page.AllCompanies", "1");
	f.status = v[L_STATUS];
	f.crossing_id = v[L_CROSSING] ? valid_id(v[L_CROSSING]) : 0;
	f.day = v[L_DAY];
	f.plate = v[L_PLATE];
	n = booking_list(person, company, &f, r->hdf, "Bookings");
	if (n == -BK_FORBIDDEN)
		return resp_error(r, 403, "ebt_forbidden");
	if (n < 0) {
		log_err("booking list of company %lld: %s", company,
			db_error());
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

/* After a move or a cancel the page says it worked: ?done= names one of
 * a few fixed outcomes, shown in words (anything else shows nothing). */
static void done_notice(struct req *r)
{
	static const char *const done[] = { "moved", "cancelled" };
	const char *d = req_query(r, "done");

	for (size_t i = 0; d && i < sizeof(done) / sizeof(done[0]); i++)
		if (!strcmp(d, done[i]))
			hdf_set_value(
				r->hdf, "Page.Notice",
				view_text(r, arena_printf(&r->arena,
							  "ebt.booking.done_%s",
							  d)));
}

/* The change form's day (Form.day, else the booking's own) and its free
 * hours to pick (Hours, booking_pick_hours): the hour the booking holds
 * is shown but not offered. Only while the booking can still change. */
static int pick_hours(struct req *r)
{
	const char *day = hdf_get_value(r->hdf, "Form.day", NULL);
	const char *bday = hdf_get_value(r->hdf, "B.day", "");

	if (hdf_get_int_value(r->hdf, "B.can_change", 0) != 1)
		return 0;
	if (!day || !*day || hdf_get_value(r->hdf, "Form.day.Error", NULL)) {
		if (day && *day)
			return 0; /* a bad date: its message, no hours */
		day = bday;
		hdf_set_value(r->hdf, "Form.day", day);
	}
	hdf_set_value(r->hdf, "Pick.day", day);
	return booking_pick_hours(
		       hdf_get_int_value(r->hdf, "B.crossing_id", 0), day,
		       strcmp(day, bday)
			       ? -1
			       : hdf_get_int_value(r->hdf, "B.hour", -1),
		       r->hdf, "Hours") < 0
		       ? -1
		       : 0;
}

enum { D_DAY, D__MAX };
static const struct param day_params[D__MAX] = {
	{ "day", P_QUERY, 10, NULL, check_date, "date" }, /* D_DAY */
};

/* ?day= (the change form's first part, a GET that works without
 * JavaScript) chooses the day whose free hours are offered. */
int booking_fn(struct req *r)
{
	const char *v[D__MAX];
	long long person;
	int rc = 0, bad;

	if (!load(r, &person, &rc))
		return rc;
	if (req_query(r, "made"))
		hdf_set_value(r->hdf, "Page.Made", "1");
	done_notice(r);
	bad = form_read(r, day_params, D__MAX, v);
	if (pick_hours(r) < 0)
		return -1;
	return view_render(r, bad ? 422 : 200, "ebt/booking.cs");
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
	/* Required, with the picker's own message (below). */
	{ "hour", 0, 2, NULL, check_hour, "ebt_hour" },
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
	/* Filed in the person's inbox too (domain/inbox). */
	return inbox_mail(m->r, INBOX_ACCOUNT, m->r->sess.account_id, NULL, 0,
			  NULL, m->r->sess.email, m->subject, m->tpl) < 0
		       ? -1
		       : 0;
}

/* A refusal of change/cancel: the booking page again, reason on top; a
 * refusal of the hour picked (full meanwhile, begun, closed, beyond the
 * horizon, the same) beside the hour, with the day's hours as they are
 * now. */
static int refused(struct req *r, long long person, enum bk_status st,
		   const char *number, const char *bad_field)
{
	const char *key;

	if (st == BK_ERROR)
		return -1;
	if (st == BK_NOT_FOUND || st == BK_FORBIDDEN)
		return resp_error(r, st == BK_FORBIDDEN ? 403 : 404,
				  st == BK_FORBIDDEN ? "ebt_forbidden"
						     : "not_found");
	hdf_remove_tree(r->hdf, "B");
	if (booking_get(person, 0, number, r->hdf, "B") != BK_OK)
		return -1;
	key = arena_printf(&r->arena, "err.ebt_%s", booking_status_key(st));
	hdf_set_value(r->hdf, "Page.RefusalCode", booking_status_code(st));
	if (st == BK_FULL || st == BK_PAST || st == BK_CLOSED ||
	    st == BK_HORIZON || st == BK_SAME_SLOT ||
	    (st == BK_INVALID && bad_field && !strcmp(bad_field, "hour"))) {
		view_field_error(r, "hour", key);
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
	} else {
		hdf_set_value(r->hdf, "Page.Refusal", view_text(r, key));
	}
	if (pick_hours(r) < 0)
		return -1;
	return view_render(r, ebt_status_http(st), "ebt/booking.cs");
}

int booking_change_fn(struct req *r)
{
	const char *v[C__MAX];
	struct booking_ref ref;
	struct mail_ctx m = { r, "ebt.subject.changed", "mail/ebt_changed.cs" };
	enum bk_status st;
	long long person;
	int rc = 0, bad;

	if (!load(r, &person, &rc))
		return rc;
	bad = form_read(r, change_params, C__MAX, v);
	if (!v[C_HOUR] && !hdf_get_value(r->hdf, "Form.hour.Error", NULL)) {
		view_field_error(r, "hour", "err.ebt_hour");
		bad++;
	}
	if (bad) {
		if (pick_hours(r) < 0)
			return -1;
		return view_render(r, 422, "ebt/booking.cs");
	}
	st = booking_change(person, r->args[0], v[C_DAY], atoi(v[C_HOUR]),
			    v[C_REASON] ? v[C_REASON] : "", mail_cb, &m, &ref);
	if (st != BK_OK)
		return refused(r, person, st, r->args[0], ref.bad_field);
	log_info("booking %s moved by person %lld", ref.number, person);
	return resp_redirect(r, arena_printf(&r->arena,
					     "/ebt/bookings/%s?done=moved",
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
	/* Asked only while it can still be cancelled; otherwise the domain
	 * says why not. */
	if (!strcmp(hdf_get_value(r->hdf, "B.can_change", ""), "1") &&
	    !view_confirmed(r)) {
		hdf_set_value(r->hdf, "Confirm.Arg.number",
			      hdf_get_value(r->hdf, "B.number", ""));
		hdf_set_valuef(r->hdf, "Confirm.Arg.when=%s %s:00",
			       hdf_get_value(r->hdf, "B.day", ""),
			       hdf_get_value(r->hdf, "B.hour", ""));
		hdf_set_value(r->hdf, "Confirm.Arg.crossing",
			      hdf_get_value(r->hdf,
					    strcmp(r->lang, "en")
						    ? "B.crossing_pl"
						    : "B.crossing_en",
					    ""));
		return view_confirm(r, "ebt.booking.confirm_cancel",
				    arena_printf(&r->arena, "/ebt/bookings/%s",
						 r->args[0]));
	}
	st = booking_cancel(person, r->args[0], v[C_REASON] ? v[C_REASON] : "",
			    mail_cb, &m, &ref);
	if (st != BK_OK)
		return refused(r, person, st, r->args[0], ref.bad_field);
	log_info("booking %s cancelled by person %lld", ref.number, person);
	return resp_redirect(r, arena_printf(&r->arena,
					     "/ebt/bookings/%s?done=cancelled",
					     ref.number));
}
