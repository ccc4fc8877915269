/* ui-config.c: a crossing's configuration by its own branch's officers:
 * horizon, deadlines, arrival window, lanes, opening hours and hourly
 * capacity per day of week, and closures; the slots are rewritten after
 * each change (places already taken are kept) */
#include "ebt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "log.h"
#include "resp.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

static struct sql q_days = SQL(
	"SELECT dow, open_hour, close_hour, capacity FROM crossing_day"
	" WHERE crossing_id = ? ORDER BY dow");
static struct sql q_closures = SQL(
	"SELECT id, DATE_FORMAT(day, '%Y-%m-%d') AS day, from_hour, to_hour,"
	" reason FROM crossing_closure WHERE crossing_id = ? AND day >= ?"
	" ORDER BY day, from_hour");
static struct sql q_update = SQL(
	"UPDATE crossing SET horizon_days = ?, change_deadline_min = ?,"
	" arrive_before_min = ?, arrive_after_min = ?, noshow_delay_min = ?,"
	" lanes = ? WHERE id = ?");
static struct sql q_day = SQL(
	"UPDATE crossing_day SET open_hour = ?, close_hour = ?, capacity = ?"
	" WHERE crossing_id = ? AND dow = ?");
static struct sql q_closure = SQL(
	"INSERT INTO crossing_closure (crossing_id, day, from_hour, to_hour,"
	" reason, created_at, created_by) VALUES (?, ?, ?, ?, ?,"
	" UTC_TIMESTAMP(), ?)");

static int page(struct req *r, long long crossing, int status)
{
	char today[11];

	tzpl_today(0, today);
	if (booking_crossing(crossing, r->hdf, "Crossing") < 0 ||
	    db_select_hdf(&q_days, r->hdf, "Days", "i", crossing) < 0 ||
	    db_select_hdf(&q_closures, r->hdf, "Closures", "is", crossing,
			  today) < 0)
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
	long long crossing, v[6], d[8][3];
	static const char *const names[6] = {
		"horizon_days", "change_deadline_min", "arrive_before_min",
		"arrive_after_min", "noshow_delay_min", "lanes" };
	static const long long lo[6] = { 1, 0, 0, 0, 0, 1 };
	static const long long hi[6] = { 365, 1440, 1440, 1440, 1440, 20 };
	int rc = 0, bad = 0, i;
	char n[24];

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	for (i = 0; i < 6; i++)
		v[i] = num(r, names[i], lo[i], hi[i], &bad);
	for (i = 1; i <= 7; i++) {
		snprintf(n, sizeof(n), "open_%d", i);
		d[i][0] = num(r, n, 0, 24, &bad);
		snprintf(n, sizeof(n), "close_%d", i);
		d[i][1] = num(r, n, 0, 24, &bad);
		snprintf(n, sizeof(n), "cap_%d", i);
		d[i][2] = num(r, n, 0, 500, &bad);
		if (d[i][0] >= 0 && d[i][1] >= 0 && d[i][0] > d[i][1]) {
			view_field_error(r, n, "err.ebt_hours");
			bad++;
		}
	}
	if (bad) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
		hdf_set_value(r->hdf, "Page.Refusal", view_text(r, "form.has_errors"));
		return page(r, crossing, 422);
	}
	if (db_begin() < 0)
		return -1;
	if (db_exec(&q_update, "iiiiiii", v[0], v[1], v[2], v[3], v[4], v[5],
		    crossing) < 0)
		goto fail;
	for (i = 1; i <= 7; i++)
		if (db_exec(&q_day, "iiiii", d[i][0], d[i][1], d[i][2],
			    crossing, (long long)i) < 0)
			goto fail;
	if (db_commit() < 0)
		goto fail;
	if (booking_slots_rebuild(crossing) < 0)
		return -1;
	log_info("crossing %lld configured by staff %lld", crossing,
		 r->sess.account_id);
	return resp_redirect(r, arena_printf(&r->arena, "/skr/ebt/%lld/config",
					     crossing));
fail:
	db_rollback();
	return -1;
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
	if (from >= 0 && to >= 0 && from >= to) {
		view_field_error(r, "to_hour", "err.ebt_hours");
		bad++;
	}
	if (bad) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
		return page(r, crossing, 422);
	}
	if (db_exec(&q_closure, "isiisi", crossing, day, from, to, reason,
		    r->sess.account_id) < 0 ||
	    booking_slots_rebuild(crossing) < 0)
		return -1;
	log_info("crossing %lld closed %s %lld-%lld by staff %lld", crossing,
		 day, from, to, r->sess.account_id);
	return resp_redirect(r, arena_printf(&r->arena, "/skr/ebt/%lld/config",
					     crossing));
}
