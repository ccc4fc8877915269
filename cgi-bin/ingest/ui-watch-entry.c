/* ui-watch-entry.c: one watch-list entry and its decisions: a second
 * officer approves (it takes effect and is matched against the last hours
 * at the crossings) or rejects it; an active entry can be withdrawn */
#include "ingest.h"

#include <string.h>

#include "audit.h"
#include "crossings.h"
#include "db.h"
#include "epochs.h"
#include "form.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "units.h"
#include "view.h"
#include "watch.h"

static int load(struct req *r, struct row *row)
{
	int rc = watch_entry_get(&r->arena, route_arg_id(r, 0), row);

	if (rc == 0)
		resp_error(r, 404, "not_found");
	return rc;
}

int watch_entry_fn(struct req *r)
{
	struct row row;
	const char *name;
	int rc, mine;

	rc = load(r, &row);
	if (rc <= 0)
		return rc;
	for (int i = 0; i < row.n; i++)
		if (row.v[i])
			hdf_set_valuef(r->hdf, "Entry.%s=%s", row.name[i],
				       row.v[i]);
	/* The unit's code and the officers' names from their owners. */
	name = units_code(&r->arena, row_int(&row, "unit_id", 0));
	if (name)
		hdf_set_value(r->hdf, "Entry.unit", name);
	name = staff_name(&r->arena, row_int(&row, "created_by", 0));
	if (name)
		hdf_set_value(r->hdf, "Entry.creator", name);
	name = staff_name(&r->arena, row_int(&row, "decided_by", 0));
	if (name)
		hdf_set_value(r->hdf, "Entry.decider", name);
	mine = row_int(&row, "created_by", 0) == r->sess.account_id;
	if (mine)
		hdf_set_value(r->hdf, "Entry.Mine", "1");
	/* Which form the page offers (domain/watch): four eyes. */
	hdf_set_int_value(r->hdf, "Entry.may_decide",
			  watch_may_decide(row_get(&row, "status", ""),
					   r->sess.roles, mine));
	/* Its writer is told it waits for a second officer. */
	hdf_set_int_value(r->hdf, "Entry.awaits_second",
			  mine && watch_may_decide(row_get(&row, "status", ""),
						   r->sess.roles, 0));
	hdf_set_int_value(
		r->hdf, "Entry.may_withdraw",
		watch_may_withdraw(row_get(&row, "status", ""), r->sess.roles));
	if (watch_entry_alerts_hdf(r->hdf, "Alerts", row_int(&row, "id", 0)) <
		    0 ||
	    crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0)
		return -1;
	return view_render(r, 200, "ingest/watch-entry.cs");
}

static int valid_decision(const char *s)
{
	return !strcmp(s, "approve") || !strcmp(s, "reject") ||
	       !strcmp(s, "withdraw");
}

enum { D_DECISION, D__MAX };
static const struct param decide_params[D__MAX] = {
	{ "decision", P_REQUIRED, 10, NULL, valid_decision, "invalid" },
};

int watch_decide_fn(struct req *r)
{
	const char *v[D__MAX], *from, *to;
	struct row row;
	long long id, n;
	int rc, raised = 0;

	rc = load(r, &row);
	if (rc <= 0)
		return rc;
	id = row_int(&row, "id", 0);
	if (form_read(r, decide_params, D__MAX, v))
		return resp_error(r, 422, "invalid");
	if (!strcmp(v[D_DECISION], "withdraw")) {
		from = "active";
		to = "withdrawn";
	} else {
		/* Two people: the one who wrote it cannot approve it. */
		if (row_int(&row, "created_by", 0) == r->sess.account_id)
			return resp_error(r, 403, "ingest_own_entry");
		from = "pending";
		to = !strcmp(v[D_DECISION], "approve") ? "active" : "rejected";
	}
	/* Lanes stop (or never start) looking for it: a rejection or a
	 * withdrawal is asked first while the entry can still take it. */
	if (strcmp(to, "active") && !view_confirmed(r) &&
	    !strcmp(row_get(&row, "status", ""), from)) {
		hdf_set_int_value(r->hdf, "Confirm.Arg.number", (int)id);
		hdf_set_value(
			r->hdf, "Confirm.Arg.subject",
			view_text(r,
				  arena_printf(&r->arena, "ingest.subject.%s",
					       row_get(&row, "subject", ""))));
		hdf_set_value(r->hdf, "Confirm.Arg.value",
			      row_get(&row, "value", ""));
		return view_confirm(
			r,
			arena_printf(&r->arena, "ingest.watch.confirm_%s",
				     v[D_DECISION]),
			arena_printf(&r->arena, "/skr/watchlist/%lld", id));
	}
	if (db_begin() < 0)
		return -1;
	n = watch_entry_decide(id, from, to, r->sess.account_id);
	if (n < 0)
		goto fail;
	if (n == 0) {
		db_rollback();
		return resp_error(r, 409, "ingest_conflict");
	}
	/* Workers' copies of device rows carry the version: dropped when
	 * this commits (auth.c). */
	if (strcmp(to, "rejected"))
		epoch_bump(EPOCH_WATCH);
	if (!strcmp(to, "active")) {
		raised = watch_match_entry(r, id);
		if (raised < 0)
			goto fail;
	}
	if (audit_log(r, arena_printf(&r->arena, "watch.%s", v[D_DECISION]),
		      arena_printf(&r->arena, "watch:%lld", id),
		      arena_printf(&r->arena,
				   "@skr.audit.detail.alerts_raised|%d",
				   raised)) < 0 ||
	    db_commit() < 0)
		goto fail;
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/watchlist/%lld", id));
fail:
	db_rollback();
	return -1;
}
