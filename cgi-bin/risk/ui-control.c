/* ui-control.c: the crossing officers' control tasks: the open tasks of
 * their crossings, one task with why it was opened and its steps, the
 * outcome and notes (each an appended step) */
#include "risk_ui.h"

#include <string.h>

#include "audit.h"
#include "control.h"
#include "crossings.h"
#include "form.h"
#include "resp.h"
#include "risk.h"
#include "route.h"
#include "valid.h"
#include "view.h"

int control_fn(struct req *r)
{
	const char *scope = scope_crossings(r);
	const char *all = req_query(r, "all");
	int open_only = !(all && !strcmp(all, "1"));

	if (!scope)
		return -1;
	if (control_tasks_hdf(r->hdf, "Tasks", scope, open_only) < 0 ||
	    risk_decisions_hdf(r->hdf, "Tasks", "decision_id") < 0 ||
	    crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0)
		return -1;
	hdf_set_int_value(r->hdf, "OpenOnly", open_only);
	return view_render(r, 200, "risk/control.cs");
}

/* The task of the route if the officer's scope covers its crossing;
 * otherwise answers 404 itself and returns 0. */
static int load(struct req *r, struct row *row)
{
	int rc = control_task_get(&r->arena, route_arg_id(r, 0), row);

	if (rc < 0)
		return -1;
	if (rc == 0 || !scope_sees(r, row_get(row, "crossing", ""))) {
		resp_error(r, 404, "not_found");
		return 0;
	}
	return 1;
}

static int show(struct req *r, const struct row *row, int status)
{
	long long id = row_int(row, "id", 0);

	row_hdf(r, row, "Task");
	hdf_set_int_value(
		r->hdf, "Task.may_close",
		control_may_close(row_get(row, "state", ""), r->sess.roles));
	hdf_set_int_value(r->hdf, "Task.may_note",
			  control_may_act(r->sess.roles));
	if (decision_hdf(r, row_int(row, "decision_id", 0)) < 0 ||
	    control_steps_hdf(r->hdf, "Steps", id) < 0)
		return -1;
	return view_render(r, status, "risk/task.cs");
}

int control_task_fn(struct req *r)
{
	struct row row;
	int rc = load(r, &row);

	return rc <= 0 ? rc : show(r, &row, 200);
}

static int valid_notes(const char *s)
{
	return valid_text(s, 4000);
}

static int valid_word(const char *s)
{
	return strspn(s, "abcdefghijklmnopqrstuvwxyz_") == strlen(s);
}

enum { C_OUTCOME, C_CATEGORY, C_NOTES, C__MAX };
static const struct param close_params[C__MAX] = {
	{ "outcome", P_REQUIRED, 20, NULL, control_outcome_ok, "risk_outcome" },
	{ "category", 0, 32, NULL, valid_word, "invalid" },
	{ "notes", P_MULTILINE, 4000, NULL, valid_notes, "invalid" },
};

int control_close_fn(struct req *r)
{
	const char *v[C__MAX];
	struct row row;
	long long id, n;
	int rc = load(r, &row), bad;

	if (rc <= 0)
		return rc;
	bad = form_read(r, close_params, C__MAX, v);
	if (!bad && !control_category_ok(v[C_OUTCOME], v[C_CATEGORY])) {
		view_field_error(r, "category",
				 strcmp(v[C_OUTCOME], "no_irregularity")
					 ? "risk_category"
					 : "risk_no_category");
		bad++;
	}
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return show(r, &row, 422);
	}
	id = row_int(&row, "id", 0);
	if (db_begin() < 0)
		return -1;
	n = control_task_close(id, v[C_OUTCOME], v[C_CATEGORY], v[C_NOTES],
			       r->sess.account_id);
	if (n < 0)
		goto fail;
	if (n == 0) {
		db_rollback();
		return resp_error(r, 409, "risk_task_closed");
	}
	/* The outcome fed back to the decision (hit rates, risk.h). */
	if (risk_decision_outcome(row_int(&row, "decision_id", 0),
				  v[C_OUTCOME]) < 0 ||
	    audit_log(r, "control.close",
		      arena_printf(&r->arena, "control_task:%lld", id),
		      v[C_OUTCOME]) < 0 ||
	    db_commit() < 0)
		goto fail;
	return resp_redirect(r,
			     arena_printf(&r->arena, "/skr/control/%lld", id));
fail:
	db_rollback();
	return -1;
}

enum { N_NOTES, N__MAX };
static const struct param note_params[N__MAX] = {
	{ "notes", P_REQUIRED | P_MULTILINE, 4000, NULL, valid_notes,
	  "invalid" },
};

int control_note_fn(struct req *r)
{
	const char *v[N__MAX];
	struct row row;
	long long id;
	int rc = load(r, &row);

	if (rc <= 0)
		return rc;
	if (form_read(r, note_params, N__MAX, v)) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return show(r, &row, 422);
	}
	id = row_int(&row, "id", 0);
	if (db_begin() < 0)
		return -1;
	if (control_task_note(id, v[N_NOTES], r->sess.account_id) < 0 ||
	    audit_log(r, "control.note",
		      arena_printf(&r->arena, "control_task:%lld", id),
		      NULL) < 0 ||
	    db_commit() < 0) {
		db_rollback();
		return -1;
	}
	return resp_redirect(r,
			     arena_printf(&r->arena, "/skr/control/%lld", id));
}
