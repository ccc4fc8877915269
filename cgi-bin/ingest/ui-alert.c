/* ui-alert.c: one alert and the suspect-object procedure: new ->
 * acknowledged -> inspection -> closed with an outcome; every step is a
 * new alert_step row (the table refuses UPDATE and DELETE) */
#include "ingest.h"

#include <stdio.h>
#include <string.h>

#include "access.h"
#include "audit.h"
#include "crossings.h"
#include "db.h"
#include "devices.h"
#include "form.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "valid.h"
#include "view.h"
#include "watch.h"

/* The alert of the route if the officer's scope covers its crossing, and
 * the branch that runs the crossing (its officers are assigned);
 * otherwise answers 404 itself and returns 0. */
int alert_load(struct req *r, struct row *row, long long *unit)
{
	long long id = route_arg_id(r, 0);
	struct crossing c;
	int rc;

	rc = watch_alert_get(&r->arena, id, row);
	if (rc == 1)
		rc = crossings_by_code(row_get(row, "crossing", ""), &c);
	if (rc < 0)
		return -1;
	if (rc == 0 || !scope_sees(r, row_get(row, "crossing", ""))) {
		resp_error(r, 404, "not_found");
		return 0;
	}
	*unit = c.unit_id;
	return 1;
}

static void row_hdf(struct req *r, const struct row *row, const char *prefix)
{
	for (int i = 0; i < row->n; i++)
		if (row->v[i])
			hdf_set_valuef(r->hdf, "%s.%s=%s", prefix, row->name[i],
				       row->v[i]);
}

static int show(struct req *r, const struct row *row, long long unit,
		int status)
{
	long long id = row_int(row, "id", 0);

	row_hdf(r, row, "Alert");
	/* The event's columns and the device from their owner; the alert's
	 * own device (device_down has no event) wins over the event's. */
	if (row_int(row, "event_id", 0) > 0) {
		struct row ev;
		int rc = devices_event_get(&r->arena,
					   row_int(row, "event_id", 0), &ev);

		if (rc < 0)
			return -1;
		if (rc == 1) {
			const char *ct;

			row_hdf(r, &ev, "Alert");
			/* The picture only when the store serves it (the
			 * template says plainly when there is none). */
			rc = devices_image_read(row_get(&ev, "device", ""),
						row_get(&ev, "image", ""), NULL,
						&ct);
			if (rc < 0)
				return -1;
			hdf_set_int_value(r->hdf, "Alert.image_ok", rc);
		}
	}
	if (row_int(row, "device_id", 0) > 0) {
		const char *code = devices_code(&r->arena,
						row_int(row, "device_id", 0));

		if (code)
			hdf_set_value(r->hdf, "Alert.device", code);
	}
	hdf_set_valuef(r->hdf, "Alert.unit_id=%lld", unit);
	/* The procedure's next step and whether this officer may take it
	 * (domain/watch): the template offers that form only. */
	hdf_set_int_value(
		r->hdf, "Alert.may_ack",
		alert_may_ack(row_get(row, "state", ""), r->sess.roles));
	hdf_set_int_value(
		r->hdf, "Alert.may_inspect",
		alert_may_inspect(row_get(row, "state", ""), r->sess.roles));
	hdf_set_int_value(
		r->hdf, "Alert.may_close",
		alert_may_close(row_get(row, "state", ""), r->sess.roles));
	if (watch_alert_steps_hdf(r->hdf, "Steps", id) < 0 ||
	    crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0 ||
	    staff_officers_options(r->hdf, "Officers", unit) < 0)
		return -1;
	if (!hdf_get_value(r->hdf, "Form.lane", NULL))
		hdf_set_value(r->hdf, "Form.lane", row_get(row, "lane", ""));
	/* The entry's page refuses other roles (an administrator sees the
	 * alert, not the watch list): a link only for those it opens to. */
	if (r->sess.roles & ACC_WATCHLIST)
		hdf_set_value(r->hdf, "Alert.EntryLink", "1");
	return view_render(r, status, "ingest/alert.cs");
}

int alert_fn(struct req *r)
{
	struct row row;
	long long unit;
	int rc = alert_load(r, &row, &unit);

	return rc <= 0 ? rc : show(r, &row, unit, 200);
}

/* Moves the alert from `from` to `to` and appends the step, in one
 * transaction; 409 when another officer moved it first. */
static int move(struct req *r, const struct row *row, const char *from,
		const char *to, long long assigned, const char *lane,
		const char *outcome, const char *notes)
{
	long long id = row_int(row, "id", 0);
	char asg[24];
	long long n;

	snprintf(asg, sizeof(asg), "%lld", assigned);
	if (db_begin() < 0)
		return -1;
	n = watch_alert_move(id, from, to, assigned ? asg : NULL, outcome);
	if (n < 0)
		goto fail;
	if (n == 0) {
		db_rollback();
		return resp_error(r, 409, "ingest_conflict");
	}
	if (watch_alert_step(id, to, r->sess.account_id, assigned ? asg : NULL,
			     lane, outcome, notes) < 0)
		goto fail;
	if (audit_log(r, arena_printf(&r->arena, "alert.%s", to),
		      arena_printf(&r->arena, "alert:%lld", id),
		      outcome ? outcome : lane) < 0)
		goto fail;
	if (db_commit() < 0)
		goto fail;
	return resp_redirect(r,
			     arena_printf(&r->arena, "/skr/alerts/%lld", id));
fail:
	db_rollback();
	return -1;
}

int alert_ack_fn(struct req *r)
{
	struct row row;
	long long unit;
	int rc = alert_load(r, &row, &unit);

	if (rc <= 0)
		return rc;
	return move(r, &row, "new", alert_next_step("new"), 0, NULL, NULL,
		    NULL);
}

static int valid_lane(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= 16 &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n;
}

static int valid_pos(const char *s)
{
	return valid_id(s) > 0;
}

enum { I_OFFICER, I_LANE, I__MAX };
static const struct param inspect_params[I__MAX] = {
	{ "officer", P_REQUIRED, 18, NULL, valid_pos, "ingest_officer" },
	{ "lane", P_REQUIRED, 16, NULL, valid_lane, "ingest_lane" },
};

int alert_inspect_fn(struct req *r)
{
	const char *v[I__MAX];
	struct row row;
	long long unit;
	int rc = alert_load(r, &row, &unit), bad;

	if (rc <= 0)
		return rc;
	bad = form_read(r, inspect_params, I__MAX, v);
	if (!bad) {
		rc = staff_is_officer(&r->arena, unit, valid_id(v[I_OFFICER]));
		if (rc < 0)
			return -1;
		if (rc == 0) {
			view_field_error(r, "officer", "ingest_officer");
			bad = 1;
		}
	}
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return show(r, &row, unit, 422);
	}
	return move(r, &row, "acknowledged", alert_next_step("acknowledged"),
		    valid_id(v[I_OFFICER]), v[I_LANE], NULL, NULL);
}

static int valid_notes(const char *s)
{
	return valid_text(s, 4000);
}

enum { C_OUTCOME, C_NOTES, C__MAX };
static const struct param close_params[C__MAX] = {
	{ "outcome", P_REQUIRED, 20, NULL, alert_outcome_ok, "ingest_outcome" },
	{ "notes", P_MULTILINE, 4000, NULL, valid_notes, "invalid" },
};

int alert_close_fn(struct req *r)
{
	const char *v[C__MAX];
	struct row row;
	long long unit;
	int rc = alert_load(r, &row, &unit);

	if (rc <= 0)
		return rc;
	/* No outcome, no closing: the form comes back with the reason. */
	if (form_read(r, close_params, C__MAX, v)) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return show(r, &row, unit, 422);
	}
	return move(r, &row, "inspection", alert_next_step("inspection"), 0,
		    NULL, v[C_OUTCOME],
		    v[C_NOTES] && *v[C_NOTES] ? v[C_NOTES] : NULL);
}
