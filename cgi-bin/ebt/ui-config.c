/* ui-config.c: a crossing's configuration by its own branch's officers:
 * horizon, deadlines, arrival window, lanes, opening hours and hourly
 * capacity per day of week, and closures; the slots are rewritten after
 * each change (places already taken are kept) */
#include "ebt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crossings.h"
#include "log.h"
#include "resp.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

static int page(struct req *r, long long crossing, int status)
{
	char today[11];

	tzpl_today(0, today);
	if (crossings_hdf(crossing, 1, r->hdf, "Crossing") < 0 ||
	    crossings_config_hdf(crossing, today, r->hdf) < 0)
		return -1;
	return view_render(r, status, "ebt/skr-config.cs");
}

int config_fn(struct req *r)
{
	long long crossing;
	int rc = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	return page(r, crossing, 200);
}

/* A whole number lo..hi from the form, else -1 with the field marked. */
static long long num(struct req *r, const char *name, long long lo,
		     long long hi, int *bad)
{
	const char *v = req_form(r, name);
	long long n;

	if (!v || !*v || strlen(v) > 6 || !valid_digits(v, strlen(v)) ||
	    (n = atoll(v)) < lo || n > hi) {
		hdf_set_value(r->hdf, arena_printf(&r->arena, "Form.%s", name),
			      v ? v : "");
		view_field_error(r, name, "err.ebt_range");
		(*bad)++;
		return -1;
	}
	return n;
}

int config_post_fn(struct req *r)
{
	long long crossing, v[CS__MAX], d[8][3];
	int rc = 0, bad = 0, i;
	char n[24];

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	for (i = 0; i < CS__MAX; i++)
		v[i] = num(r, crossings_settings[i].name,
			   crossings_settings[i].lo, crossings_settings[i].hi,
			   &bad);
	for (i = 1; i <= 7; i++) {
		snprintf(n, sizeof(n), "open_%d", i);
		d[i][0] = num(r, n, 0, 24, &bad);
		snprintf(n, sizeof(n), "close_%d", i);
		d[i][1] = num(r, n, 0, 24, &bad);
		snprintf(n, sizeof(n), "cap_%d", i);
		d[i][2] = num(r, n, 0, CROSSINGS_MAX_CAPACITY, &bad);
		/* The hours alone (capacity 0 always passes): the day may
		 * close before it opens. */
		if (d[i][0] >= 0 && d[i][1] >= 0 &&
		    !crossings_day_ok(d[i][0], d[i][1], 0)) {
			view_field_error(r, n, "err.ebt_hours");
			bad++;
		}
	}
	if (bad) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
		hdf_set_value(r->hdf, "Page.Refusal",
			      view_text(r, "form.has_errors"));
		return page(r, crossing, 422);
	}
	/* 1 would be the form's checks and the domain's disagreeing. */
	rc = crossings_configure(crossing, v, d);
	if (rc != 0 || booking_slots_rebuild(crossing) < 0)
		return -1;
	log_info("crossing %lld configured by staff %lld", crossing,
		 r->sess.account_id);
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/ebt/%lld/config", crossing));
}

int closure_post_fn(struct req *r)
{
	long long crossing, from, to;
	const char *day = req_form(r, "day"), *reason = req_form(r, "reason");
	int rc = 0, bad = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	hdf_set_value(r->hdf, "Form.day", day ? day : "");
	hdf_set_value(r->hdf, "Form.reason", reason ? reason : "");
	from = num(r, "from_hour", 0, 23, &bad);
	to = num(r, "to_hour", 1, 24, &bad);
	if (!day || !valid_date(day, NULL, NULL, NULL)) {
		view_field_error(r, "day", "err.date");
		bad++;
	}
	if (!reason || !valid_text(reason, 200)) {
		view_field_error(r, "reason", "err.required");
		bad++;
	}
	if (from >= 0 && to >= 0 && !crossings_closure_ok(from, to)) {
		view_field_error(r, "to_hour", "err.ebt_hours");
		bad++;
	}
	if (bad) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
		return page(r, crossing, 422);
	}
	/* Those hours take no bookings any more: asked first. */
	if (!view_confirmed(r)) {
		hdf_set_value(r->hdf, "Confirm.Arg.crossing",
			      hdf_get_value(r->hdf,
					    strcmp(r->lang, "en")
						    ? "Crossing.name_pl"
						    : "Crossing.name_en",
					    ""));
		hdf_set_value(r->hdf, "Confirm.Arg.day", day);
		hdf_set_int_value(r->hdf, "Confirm.Arg.from", (int)from);
		hdf_set_int_value(r->hdf, "Confirm.Arg.to", (int)to);
		hdf_set_value(r->hdf, "Confirm.Arg.reason", reason);
		return view_confirm(r, "ebt.cfg.confirm_close",
				    arena_printf(&r->arena,
						 "/skr/ebt/%lld/config",
						 crossing));
	}
	if (crossings_close(crossing, day, from, to, reason,
			    r->sess.account_id) != 0 ||
	    booking_slots_rebuild(crossing) < 0)
		return -1;
	log_info("crossing %lld closed %s %lld-%lld by staff %lld", crossing,
		 day, from, to, r->sess.account_id);
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/ebt/%lld/config", crossing));
}
