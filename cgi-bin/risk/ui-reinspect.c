/* ui-reinspect.c: an analyst orders a re-inspection of an object (its next
 * sighting at any crossing is red and opens a control task there), or
 * withdraws one still active */
#include "risk_ui.h"

#include <string.h>

#include "audit.h"
#include "form.h"
#include "resp.h"
#include "risk.h"
#include "route.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

static int valid_value(const char *s)
{
	return valid_text(s, 120);
}

static int valid_reason(const char *s)
{
	return valid_text(s, 2000);
}

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

enum { O_SUBJECT, O_VALUE, O_REASON, O_FROM, O_TO, O__MAX };
static const struct param order_params[O__MAX] = {
	{ "subject", P_REQUIRED, 12, NULL, risk_order_subject_ok, "invalid" },
	{ "value", P_REQUIRED, 120, NULL, valid_value, "invalid" },
	{ "reason", P_REQUIRED | P_MULTILINE, 2000, NULL, valid_reason,
	  "invalid" },
	{ "valid_from", P_REQUIRED, 10, NULL, valid_day, "date" },
	{ "valid_to", P_REQUIRED, 10, NULL, valid_day, "date" },
};

int reinspect_new_fn(struct req *r)
{
	char today[11];

	tzpl_today(0, today);
	hdf_set_value(r->hdf, "Form.valid_from", today);
	tzpl_today(30, today);
	hdf_set_value(r->hdf, "Form.valid_to", today);
	return view_render(r, 200, "risk/reinspect-new.cs");
}

int reinspect_create_fn(struct req *r)
{
	const char *v[O__MAX];
	char key[144], today[11];
	struct risk_order o;
	long long id;
	int bad, rc;

	bad = form_read(r, order_params, O__MAX, v);
	tzpl_today(0, today);
	if (!bad &&
	    (strcmp(v[O_FROM], v[O_TO]) > 0 || strcmp(v[O_TO], today) < 0)) {
		view_field_error(r, "valid_to", "risk_period");
		bad++;
	}
	if (!bad) {
		rc = risk_order_key(&r->arena, v[O_SUBJECT], v[O_VALUE], key,
				    sizeof(key));
		if (rc < 0)
			return -1;
		if (rc == 0) {
			view_field_error(r, "value",
					 strcmp(v[O_SUBJECT], "company")
						 ? "risk_value"
						 : "risk_company");
			bad++;
		}
	}
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return view_render(r, 422, "risk/reinspect-new.cs");
	}
	o = (struct risk_order){
		.subject = v[O_SUBJECT],
		.value = v[O_VALUE],
		.key = key,
		.reason = v[O_REASON],
		.valid_from = v[O_FROM],
		.valid_to = v[O_TO],
		.by = r->sess.account_id,
	};
	if (db_begin() < 0)
		return -1;
	id = risk_order_create(&o);
	if (id < 0 ||
	    audit_log(r, "risk.reinspection",
		      arena_printf(&r->arena, "reinspection:%lld", id),
		      arena_printf(&r->arena, "%s %s", v[O_SUBJECT],
				   v[O_VALUE])) < 0 ||
	    db_commit() < 0) {
		db_rollback();
		return -1;
	}
	return resp_redirect(r, "/skr/risk");
}

int reinspect_withdraw_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), n;

	if (db_begin() < 0)
		return -1;
	n = risk_order_withdraw(id);
	if (n < 0 || (n > 0 && audit_log(r, "risk.reinspection.withdraw",
					 arena_printf(&r->arena,
						      "reinspection:%lld", id),
					 NULL) < 0)) {
		db_rollback();
		return -1;
	}
	if (n == 0) {
		db_rollback();
		return resp_error(r, 409, "risk_not_active");
	}
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, "/skr/risk");
}
