/* ui-crossing.c: the crossing officer's side: today's and tomorrow's
 * bookings by hour, the waiting zone in call order, check-in by number,
 * QR content or plate, call to lane, served, no-show */
#include "ebt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "crossings.h"
#include "log.h"
#include "resp.h"
#include "risk.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

int crossings_fn(struct req *r)
{
	if (crossings_ebt_of_unit(r->sess.unit_id, r->hdf, "Crossings") < 0)
		return -1;
	return view_render(r, 200, "ebt/skr-crossings.cs");
}

/* Today's and tomorrow's bookings and the waiting zone, each with the
 * buttons its status allows now (Bookings.N.can_no_show, Waiting.N.can_call
 * and can_serve: domain/booking.h decides). */
static int day_page(struct req *r, long long crossing, int status)
{
	struct crossing c;
	char today[11], tomorrow[11];

	tzpl_today(0, today);
	tzpl_today(1, tomorrow);
	hdf_set_value(r->hdf, "Day.today", today);
	hdf_set_value(r->hdf, "Day.tomorrow", tomorrow);
	if (crossings_get(crossing, &c) <= 0 ||
	    booking_day_hdf(&c, today, tomorrow, r->hdf, "Bookings",
			    "Waiting") < 0 ||
	    risk_decisions_of_bookings_hdf(r->hdf, "Waiting", "id") < 0)
		return -1;
	/* The check-in's control decision, in words; its page explains it. */
	if (r->sess.roles & ACC_DECISION)
		hdf_set_value(r->hdf, "Risk.DecisionLink", "1");
	return view_render(r, status, "ebt/skr-day.cs");
}

int crossing_day_fn(struct req *r)
{
	long long crossing;
	int rc = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	return day_page(r, crossing, 200);
}

/* Nothing to check in here: if the booking (by number, else the plate's)
 * is for another crossing, say which, its day and hour (local), and
 * answer 409 Conflict: the request is well formed and names a booking,
 * but that booking's crossing is not this one (the same request at the
 * right crossing succeeds). Else the "none" answer with status. */
static int not_here(struct req *r, long long crossing, const char *number,
		    const char *plate, int status)
{
	struct booking_where w;
	int rc = booking_elsewhere(crossing, number, plate, &w);

	if (rc < 0)
		return -1;
	if (rc == 0 ||
	    crossings_hdf(w.crossing_id, 0, r->hdf, "Checkin.Other") <= 0) {
		hdf_set_value(r->hdf, "Checkin.result", "none");
		return day_page(r, crossing, status);
	}
	hdf_set_value(r->hdf, "Checkin.result", "elsewhere");
	hdf_set_value(r->hdf, "Checkin.number", w.number);
	hdf_set_value(r->hdf, "Checkin.day", w.day);
	hdf_set_int_value(r->hdf, "Checkin.hour", w.hour);
	hdf_set_value(r->hdf, "Checkin.status", w.status);
	return day_page(r, crossing, 409);
}

int crossing_checkin_fn(struct req *r)
{
	struct booking_ref ref;
	struct checkin_result res;
	long long crossing;
	const char *q = req_form(r, "q");
	char number[17], up[64];
	size_t i;
	int rc = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	if (!q || !*q || strlen(q) > 60 || !valid_text(q, 60)) {
		view_field_error(r, "q", "err.ebt_checkin_q");
		hdf_set_value(r->hdf, "Form.q", q ? q : "");
		return day_page(r, crossing, 422);
	}
	for (i = 0; q[i] && i + 1 < sizeof(up); i++)
		up[i] = (q[i] >= 'a' && q[i] <= 'z') ? q[i] - 32 : q[i];
	up[i] = '\0';
	hdf_set_value(r->hdf, "Form.q", q);
	/* What was typed or scanned: a booking number, else a plate. */
	if (booking_number_like(up, number)) {
		enum bk_status st = booking_staff_set(
			crossing, r->sess.account_id, number, "arrived", 0,
			&ref);

		if (st == BK_ERROR)
			return -1;
		hdf_set_value(r->hdf, "Checkin.number", number);
		if (st == BK_NOT_FOUND)
			return not_here(r, crossing, number, NULL,
					ebt_status_http(st));
		hdf_set_value(r->hdf, "Checkin.result",
			      st == BK_OK ? "done"
			      : ref.bad_field &&
					      !strcmp(ref.bad_field, "window")
				      ? "outside"
				      : "already");
		return day_page(r, crossing,
				st == BK_OK ? 200 : ebt_status_http(st));
	}
	if (booking_checkin_plate(up, crossing, now_unix(), &res) < 0)
		return -1;
	if (res.outcome == CHECKIN_NONE)
		return not_here(r, crossing, NULL, up, 200);
	hdf_set_value(r->hdf, "Checkin.number", res.number);
	hdf_set_value(r->hdf, "Checkin.plate", res.plate);
	hdf_set_int_value(r->hdf, "Checkin.fuzzy", res.fuzzy);
	hdf_set_value(r->hdf, "Checkin.result",
		      res.outcome == CHECKIN_DONE      ? "done"
		      : res.outcome == CHECKIN_ALREADY ? "already"
		      : res.outcome == CHECKIN_OUTSIDE ? "outside"
						       : "none");
	return day_page(r, crossing, 200);
}

int crossing_action_fn(struct req *r)
{
	struct booking_ref ref;
	enum bk_status st;
	long long crossing;
	const char *lane = req_form(r, "lane");
	const char *act = r->args[2];
	int rc = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	if (strcmp(act, "called") && strcmp(act, "served") &&
	    strcmp(act, "no_show") && strcmp(act, "arrived"))
		return resp_error(r, 404, "not_found");
	/* A no-show ends the booking: asked first while it can be marked
	 * (otherwise the refusal below says why not). */
	if (!strcmp(act, "no_show") && !view_confirmed(r)) {
		st = booking_get(0, crossing, r->args[1], r->hdf, "B");
		if (st == BK_ERROR)
			return -1;
		if (st == BK_OK &&
		    hdf_get_int_value(r->hdf, "B.can_no_show", 0)) {
			hdf_set_value(r->hdf, "Confirm.Arg.number",
				      hdf_get_value(r->hdf, "B.number", ""));
			hdf_set_value(r->hdf, "Confirm.Arg.plate",
				      hdf_get_value(r->hdf, "B.plate", ""));
			hdf_set_valuef(r->hdf, "Confirm.Arg.when=%s %s:00",
				       hdf_get_value(r->hdf, "B.day", ""),
				       hdf_get_value(r->hdf, "B.hour", ""));
			return view_confirm(r, "ebt.skr.confirm_no_show",
					    arena_printf(&r->arena,
							 "/skr/ebt/%lld",
							 crossing));
		}
	}
	st = booking_staff_set(crossing, r->sess.account_id, r->args[1], act,
			       lane ? atoi(lane) : 0, &ref);
	if (st == BK_OK) {
		log_info("booking %s %s by staff %lld", ref.number, act,
			 r->sess.account_id);
		return resp_redirect(
			r, arena_printf(&r->arena, "/skr/ebt/%lld", crossing));
	}
	if (st == BK_INVALID && ref.bad_field &&
	    !strcmp(ref.bad_field, "lane")) {
		hdf_set_value(r->hdf, "Page.Refusal",
			      view_text(r, "err.ebt_lane"));
		return day_page(r, crossing, 422);
	}
	return ebt_refusal(r, st);
}

int crossing_booking_fn(struct req *r)
{
	long long crossing;
	enum bk_status st;
	int rc = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	st = booking_get(0, crossing, r->args[1], r->hdf, "B");
	if (st != BK_OK)
		return st == BK_ERROR ? -1 : resp_error(r, 404, "not_found");
	return view_render(r, 200, "ebt/skr-booking.cs");
}
