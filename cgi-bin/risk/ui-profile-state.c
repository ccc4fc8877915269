/* ui-profile-state.c: a profile's life cycle: draft <-> testing, active ->
 * retired, and testing -> active when a second analyst approves (the
 * writer of the version is refused with 403, nothing changed) */
#include "risk_ui.h"

#include <string.h>

#include "audit.h"
#include "form.h"
#include "resp.h"
#include "risk_profile.h"
#include "route.h"
#include "view.h"

static int valid_target(const char *s)
{
	return !strcmp(s, "testing") || !strcmp(s, "draft") ||
	       !strcmp(s, "retired");
}

enum { S_FROM, S_TO, S__MAX };
static const struct param state_params[S__MAX] = {
	{ "from", P_REQUIRED, 8, NULL, NULL, NULL },		/* S_FROM */
	{ "to", P_REQUIRED, 8, NULL, valid_target, "invalid" }, /* S_TO */
};

/* 404 for none, 409 for a profile no longer in the state the page showed */
static int refused(struct req *r, long long id, const char *msg)
{
	struct arena a = { 0 };
	struct row row;
	int found = risk_profile_get(&a, id, &row);

	arena_reset(&a);
	if (found < 0)
		return -1;
	return found ? resp_error(r, 409, msg)
		     : resp_error(r, 404, "not_found");
}

int profile_state_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	const char *v[S__MAX];
	int rc;

	if (form_read(r, state_params, S__MAX, v))
		return resp_error(r, 422, "invalid");
	if ((rc = risk_profile_move(id, v[S_FROM], v[S_TO])) < 0)
		return -1;
	if (rc == 0)
		return refused(r, id, "risk_profile_state");
	/* the states as codes: /skr/audit shows them as words */
	if (audit_log(r, "risk.profile.state",
		      arena_printf(&r->arena, "risk_profile:%lld", id),
		      arena_printf(&r->arena, "%s → %s", v[S_FROM], v[S_TO])) <
	    0)
		return -1;
	return resp_redirect(
		r,
		arena_printf(&r->arena, "/skr/risk/profiles/%lld?saved=1", id));
}

int profile_approve_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	int rc = risk_profile_approve(id, r->sess.account_id);

	if (rc == -2)
		return resp_error(r, 403, "risk_profile_own");
	if (rc < 0)
		return -1;
	if (rc == 0)
		return refused(r, id, "risk_profile_state");
	if (audit_log(r, "risk.profile.approve",
		      arena_printf(&r->arena, "risk_profile:%lld", id),
		      "testing → active") < 0)
		return -1;
	return resp_redirect(
		r,
		arena_printf(&r->arena, "/skr/risk/profiles/%lld?saved=1", id));
}
