/* ui-reps.c: a company's representatives: who acts for it, with which
 * authorisations, from when until when */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "form.h"
#include "log.h"
#include "registry.h"
#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

/* The company by name, last: it may hold a '|' (domain/audit.h); the
 * codes without spaces, one parameter. */
const char *ec_rep_audit(struct req *r, const char *what, long long company,
			 const char *codes)
{
	struct row c;
	const char *name = registry_company_row(&r->arena, company, &c) == 1
				   ? row_get(&c, "name", "")
				   : arena_printf(&r->arena, "%lld", company);
	char *list = arena_strdup(&r->arena, codes ? codes : ""), *o = list;

	for (const char *p = list; p && *p; p++)
		if (*p != ' ')
			*o++ = *p;
	if (o)
		*o = '\0';
	return arena_printf(&r->arena, "@skr.audit.detail.rep_%s|%s|%s", what,
			    list, name);
}

#define MAX_AUTHZ 16

static const char *const view_authz[] = { "reps_view", "reps_manage", NULL };
static const char *const manage_authz[] = { "reps_manage", NULL };

enum { R_REP, R_FROM, R_TO, R__MAX };

static int check_date(const char *v)
{
	return valid_date(v, NULL, NULL, NULL);
}

static const struct param params[R__MAX] = {
	{ "rep", P_REQUIRED, 254, NULL, NULL, NULL },		    /* R_REP */
	{ "valid_from", P_REQUIRED, 10, NULL, check_date, "date" }, /* R_FROM */
	{ "valid_to", 0, 10, NULL, check_date, "date" },	    /* R_TO */
};

/* The field each refusal of registry_grant_verdict is shown beside, and
 * its message. */
static const struct {
	const char *field, *key;
} refusals[] = {
	[GRANT_SELF] = { "rep", "err.ec_grant_self" },
	[GRANT_NOT_HELD] = { "authz", "err.ec_grant_not_held" },
	[GRANT_ADMIN_ONLY] = { "authz", "err.ec_grant_admin_only" },
};

/* May the holder of h end (or give) a representation with the codes of
 * a comma-separated list? */
static int within(struct req *r, const struct registry_held *h,
		  long long person, const char *list)
{
	const char *codes[MAX_AUTHZ], *which;
	char *s = arena_strdup(&r->arena, list ? list : ""), *save = NULL, *t;
	int n = 0;

	for (t = strtok_r(s, ",", &save); t && n < MAX_AUTHZ;
	     t = strtok_r(NULL, ",", &save))
		codes[n++] = t;
	return registry_grant_verdict(h, person, 0, codes, n, &which) ==
	       GRANT_OK;
}

/* The form offers only what the person may grant, and an End button only
 * beside what she could have granted. */
static int mark_grantable(struct req *r, long long id, long long person)
{
	struct registry_held h;
	HDF *o;

	if (registry_held(person, id, NULL, &h) < 0)
		return -1;
	for (o = hdf_obj_child(hdf_get_obj(r->hdf, "Options.Authz")); o;
	     o = hdf_obj_next(o))
		if (within(r, &h, person, hdf_get_value(o, "code", "")))
			hdf_set_value(o, "may", "1");
	for (o = hdf_obj_child(hdf_get_obj(r->hdf, "Company.0.Reps")); o;
	     o = hdf_obj_next(o))
		if (within(r, &h, person, hdf_get_value(o, "authz_codes", "")))
			hdf_set_value(o, "can_end", "1");
	return 0;
}

static int render(struct req *r, long long id, long long person, int status)
{
	int manage;

	if (ec_company_picture(r, id) < 0)
		return -1;
	if (!hdf_get_value(r->hdf, "Form.valid_from", NULL)) {
		char today[11];

		tzpl_today(0, today);
		hdf_set_value(r->hdf, "Form.valid_from", today);
	}
	ec_options(r);
	ec_rep_type_options(r);
	manage = registry_may_act(person, id, "reps_manage", NULL);
	if (manage < 0)
		return -1;
	/* What waits: requests to answer, agents before the office. */
	if (registry_reps_pending_hdf(r->hdf, "Pending", id) < 0)
		return -1;
	if (manage) {
		hdf_set_value(r->hdf, "Can.Manage", "1");
		if (mark_grantable(r, id, person) < 0)
			return -1;
	}
	return view_render(r, status, "ecustomer/reps.cs");
}

/* A form refused with one message beside field: the list again, with
 * status (422 wrong input, 403 not the person's to give). */
static int refuse_field(struct req *r, long long id, long long person,
			const char *field, const char *key, int status)
{
	view_field_error(r, field, key);
	hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
	return render(r, id, person, status);
}

/* The end of every change made here (a grant, an end, an answer): the
 * caller's transaction committed, then back to the list. */
static int commit_to_list(struct req *r, long long id)
{
	if (db_commit() < 0)
		return -1;
	return resp_redirect(
		r, arena_printf(&r->arena, "/ecustomer/company/%lld/reps", id));
}

int reps_list_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), person;
	int rc = ec_company_gate(r, id, view_authz, &person);

	if (rc <= 0)
		return rc;
	return render(r, id, person, 200);
}

/* The ticked authorisations, each known to the catalogue. */
static int read_authz(struct req *r, const char **codes, int *n)
{
	size_t i;

	*n = 0;
	for (i = 0; i < r->nf; i++) {
		const char *v = r->ffields[i].value;

		if (strcmp(r->ffields[i].name, "authz") != 0)
			continue;
		if (*n >= MAX_AUTHZ || strlen(v) > 32 ||
		    registry_authz_known(v) != 1)
			return -1;
		hdf_set_valuef(r->hdf, "Form.authz.%s=1", v);
		codes[(*n)++] = v;
	}
	return 0;
}

int reps_add_fn(struct req *r)
{
	const char *v[R__MAX], *codes[MAX_AUTHZ], *name = NULL, *which, *list;
	long long id = route_arg_id(r, 0), person, rp = 0, rco = 0, rep, app;
	struct registry_actor me = ec_actor(r);
	struct registry_rep_decl decl;
	struct registry_held held;
	enum registry_grant verdict;
	int rc = ec_company_gate(r, id, manage_authz, &person), bad, n = 0;
	int agent;

	if (rc <= 0)
		return rc;
	bad = form_read(r, params, R__MAX, v);
	if (read_authz(r, codes, &n) < 0) {
		view_field_error(r, "authz", "err.invalid");
		bad++;
	} else if (n == 0) {
		view_field_error(r, "authz", "err.ec_authz_required");
		bad++;
	}
	if (v[R_FROM] && v[R_TO] && strcmp(v[R_TO], v[R_FROM]) <= 0) {
		view_field_error(r, "valid_to", "err.ec_date_order");
		bad++;
	}
	if (v[R_REP]) {
		rc = registry_rep_find(&r->arena, v[R_REP], &rp, &rco, &name);
		if (rc < 0)
			return -1;
		if (rc == 0 || rco == id) {
			view_field_error(r, "rep",
					 rco == id ? "err.ec_rep_self"
						   : "err.ec_rep_unknown");
			bad++;
		}
	}
	/* The type and an agent's power of attorney, kept only when all
	 * else is right. */
	rc = ec_rep_decl_read(r, rco, !bad, &decl);
	if (rc < 0)
		return -1;
	bad += rc;
	if (bad) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
		return render(r, id, person, 422);
	}
	/* Well-formed; now whether it is the person's to give: 403 with
	 * the reason beside the field, nothing stored. */
	if (registry_held(person, id, NULL, &held) < 0)
		return -1;
	verdict = registry_grant_verdict(&held, person, rp, codes, n, &which);
	if (verdict != GRANT_OK) {
		log_info(
			"grant refused: person %lld company %lld verdict %d %s",
			person, id, (int)verdict, which ? which : "");
		return refuse_field(r, id, person, refusals[verdict].field,
				    refusals[verdict].key, 403);
	}
	agent = registry_rep_type_is_agent(decl.type);
	if (db_begin() < 0)
		return -1;
	if (registry_rep_add(&r->arena, &me, person, id, rp, rco, v[R_FROM],
			     v[R_TO], codes, n, name, &decl, &rep, &list) < 0 ||
	    (agent && ec_poa_submit(r, id, rep, &app) < 0) ||
	    ec_rep_mail(r, rep, agent ? "poa_pending" : "granted", NULL) < 0 ||
	    audit_log(r, "ecustomer.rep.add",
		      arena_printf(&r->arena, "representation:%lld", rep),
		      /* The type is in the representation's history, in
		       * words; the audit names the company and the
		       * authorisations, which its page translates
		       * (test_audit_words.py). */
		      ec_rep_audit(r, "authz", id, list)))
		goto fail;
	return commit_to_list(r, id);
fail:
	db_rollback();
	return -1;
}

int reps_end_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), rid = route_arg_id(r, 1), person;
	const char *end = req_form(r, "valid_to");
	struct registry_actor me = ec_actor(r);
	struct registry_held held;
	char today[11];
	struct row rep;
	int rc = ec_company_gate(r, id, manage_authz, &person);

	if (rc <= 0)
		return rc;
	/* A representation of another company is not found here. */
	rc = registry_rep_get(&r->arena, rid, id, &rep);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	/* Only what one could have granted: a manager does not end the
	 * administrator who made her one. */
	if (registry_held(person, id, NULL, &held) < 0)
		return -1;
	if (!within(r, &held, person, row_get(&rep, "codes", "")))
		return resp_error(r, 403, "ec_end_beyond");
	/* Ended today as the registry counts days: its validity checks
	 * compare with UTC_DATE(), and a Warsaw date after midnight would
	 * leave the representation alive until the UTC day ends. */
	tzpl_today_utc(today);
	if (!end || !*end) {
		end = today;
	} else if (!valid_date(end, NULL, NULL, NULL)) {
		return refuse_field(r, id, person, "valid_to", "err.date", 422);
	}
	/* One still in force is ended once the manager has said yes (an
	 * ended one gets the registry's refusal below). */
	if (!view_confirmed(r) &&
	    (!row_get(&rep, "valid_to", NULL) ||
	     strcmp(row_get(&rep, "valid_to", ""), today) > 0)) {
		struct row c;

		if (registry_company_row(&r->arena, id, &c) != 1)
			return -1;
		hdf_set_value(r->hdf, "Confirm.Arg.who",
			      row_get(&rep, "who", ""));
		hdf_set_value(r->hdf, "Confirm.Arg.company",
			      row_get(&c, "name", ""));
		hdf_set_value(r->hdf, "Confirm.Arg.end", end);
		return view_confirm(r, "ecustomer.reps_page.confirm_end",
				    arena_printf(&r->arena,
						 "/ecustomer/company/%lld/reps",
						 id));
	}
	if (db_begin() < 0)
		return -1;
	rc = registry_rep_end(&me, rid, id, end, row_get(&rep, "who", ""));
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		db_rollback();
		return resp_error(r, 409, "ec_rep_ended");
	}
	if (audit_log(r, "ecustomer.rep.end",
		      arena_printf(&r->arena, "representation:%lld", rid), end))
		goto fail;
	return commit_to_list(r, id);
fail:
	db_rollback();
	return -1;
}

/* The request an answer form is about, for a manager of the company:
 * 1 with *person and *rep, or 0 after answering 403 (not a manager) or
 * 404 (none, another company's, or answered already). Either answer's
 * refusal shows the list with the request's form open again. */
static int request_of(struct req *r, long long id, long long rid,
		      long long *person, struct row *rep)
{
	int rc = ec_company_gate(r, id, manage_authz, person);

	if (rc <= 0)
		return rc;
	rc = registry_rep_row(&r->arena, rid, id, rep);
	if (rc < 0)
		return -1;
	if (rc == 0 || strcmp(row_get(rep, "state", ""), "requested") != 0) {
		resp_error(r, 404, "not_found");
		return 0;
	}
	hdf_set_value(r->hdf, "Form.answer", row_get(rep, "id", ""));
	return 1;
}

/* The answer, once judged: one transaction for the registry, the office's
 * application (an agent's), the mail and the audit line. */
static int answer(struct req *r, long long id, long long person, long long rid,
		  int accept, const char *const *codes, int n,
		  const char *reason)
{
	struct registry_actor me = ec_actor(r);
	const char *state;
	long long app;
	int rc;

	if (db_begin() < 0)
		return -1;
	rc = registry_rep_answer(&r->arena, &me, person, rid, id, accept, codes,
				 n, reason, &state);
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		db_rollback();
		return resp_error(r, 409, "ec_rep_answered");
	}
	if ((strcmp(state, "poa_pending") == 0 &&
	     ec_poa_submit(r, id, rid, &app) < 0) ||
	    ec_rep_mail(r, rid, accept ? "accepted" : "refused", reason) < 0 ||
	    audit_log(r,
		      accept ? "ecustomer.rep.accept" : "ecustomer.rep.refuse",
		      arena_printf(&r->arena, "representation:%lld", rid),
		      ec_rep_audit(r, "state", id, state)))
		goto fail;
	return commit_to_list(r, id);
fail:
	db_rollback();
	return -1;
}

int reps_accept_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), rid = route_arg_id(r, 1), person;
	const char *codes[MAX_AUTHZ], *which;
	struct registry_held held;
	enum registry_grant verdict;
	struct row rep;
	int rc = request_of(r, id, rid, &person, &rep), n = 0;

	if (rc <= 0)
		return rc;
	if (read_authz(r, codes, &n) < 0 || n == 0)
		return refuse_field(r, id, person, "answer_authz",
				    n ? "err.invalid" : "err.ec_authz_required",
				    422);
	/* What the manager gives is judged as any grant of hers. */
	if (registry_held(person, id, NULL, &held) < 0)
		return -1;
	verdict = registry_grant_verdict(&held, person,
					 row_int(&rep, "rep_person_id", 0),
					 codes, n, &which);
	if (verdict != GRANT_OK)
		return refuse_field(r, id, person, "answer_authz",
				    refusals[verdict].key, 403);
	return answer(r, id, person, rid, 1, codes, n, NULL);
}

int reps_refuse_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), rid = route_arg_id(r, 1), person;
	const char *reason = req_form(r, "reason");
	struct row rep;
	int rc = request_of(r, id, rid, &person, &rep);

	if (rc <= 0)
		return rc;
	while (reason && (*reason == ' ' || *reason == '\n' || *reason == '\r'))
		reason++;
	if (reason)
		hdf_set_value(r->hdf, "Form.reason", reason);
	if (!reason || !*reason)
		return refuse_field(r, id, person, "reason",
				    "err.ec_reason_required", 422);
	if (strlen(reason) > 1000) {
		view_field_error_max(r, "reason", 1000);
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return render(r, id, person, 422);
	}
	if (!valid_text(reason, 1000))
		return refuse_field(r, id, person, "reason", "err.invalid",
				    422);
	return answer(r, id, person, rid, 0, NULL, 0, reason);
}

/* The power of attorney: to the company's managers and to the
 * representative (a person, or a representing company's managers); the
 * office reads it through its own page. */
int reps_poa_fn(struct req *r)
{
	long long id = route_arg_id(r, 0), rid = route_arg_id(r, 1), person;
	long long agency;
	struct row c, rep;
	int rc = registry_company_row(&r->arena, id, &c), ok = 0;

	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	rc = registry_rep_row(&r->arena, rid, id, &rep);
	if (rc < 0)
		return -1;
	if (rc == 0 || !row_get(&rep, "poa_sha256", NULL))
		return resp_error(r, 404, "not_found");
	rc = registry_person_of_account(r->sess.account_id, &person);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		agency = row_int(&rep, "rep_company_id", 0);
		ok = row_int(&rep, "rep_person_id", 0) == person;
		if (!ok)
			ok = registry_may_act(person, id, "reps_manage", NULL);
		if (ok == 0 && agency)
			ok = registry_may_act(person, agency, "reps_manage",
					      NULL);
		if (ok < 0)
			return -1;
	}
	if (!ok)
		return resp_error(r, 403, "forbidden");
	return ec_poa_send(r, &rep);
}
