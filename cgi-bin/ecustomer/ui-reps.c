/* ui-reps.c: a company's representatives: who acts for it, with which
 * authorisations, from when until when */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "form.h"
#include "log.h"
#include "registry.h"
#include "resp.h"
#include "valid.h"
#include "view.h"

#define MAX_AUTHZ 16

static const char *const view_authz[] = { "reps_view", "reps_manage", NULL };
static const char *const manage_authz[] = { "reps_manage", NULL };

enum { R_REP, R_FROM, R_TO, R__MAX };

static int check_date(const char *v)
{
	return valid_date(v, NULL, NULL, NULL);
}

static const struct param params[R__MAX] = {
	{ "rep", P_REQUIRED, 254, NULL, NULL, NULL },			/* R_REP */
	{ "valid_from", P_REQUIRED, 10, NULL, check_date, "date" },	/* R_FROM */
	{ "valid_to", 0, 10, NULL, check_date, "date" },		/* R_TO */
};

static struct sql q_person_by_email = SQL(
	"SELECT id, CONCAT(first_name, ' ', last_name) AS who FROM person"
	" WHERE email = ? AND status = 'approved' ORDER BY id LIMIT 1");
static struct sql q_person_by_sisc = SQL(
	"SELECT id, CONCAT(first_name, ' ', last_name) AS who FROM person"
	" WHERE id_sisc = ? AND status = 'approved'");
static struct sql q_company_by_id = SQL(
	"SELECT id, name AS who FROM company"
	" WHERE (id_sisc = ? OR eori = ?) AND status = 'approved'");
static struct sql q_authz_known = SQL(
	"SELECT code FROM authorisation WHERE code = ?");
static struct sql q_insert = SQL(
	"INSERT INTO representation (company_id, rep_person_id, rep_company_id,"
	" valid_from, valid_to, origin, granted_by, created_by, created_at)"
	" VALUES (?, ?, ?, ?, ?, 'grant', ?, ?, UTC_TIMESTAMP())");
static struct sql q_insert_authz = SQL(
	"INSERT INTO representation_authz (representation_id, authz_code)"
	" VALUES (?, ?)");
static struct sql q_rep = SQL(
	"SELECT r.id, r.valid_from, r.valid_to,"
	" COALESCE(CONCAT(p.first_name, ' ', p.last_name), g.name) AS who,"
	" (SELECT GROUP_CONCAT(a.authz_code) FROM representation_authz a"
	"  WHERE a.representation_id = r.id) AS codes"
	" FROM representation r LEFT JOIN person p ON p.id = r.rep_person_id"
	" LEFT JOIN company g ON g.id = r.rep_company_id"
	" WHERE r.id = ? AND r.company_id = ?");
/* Never earlier than its start: a representation ended before it began
 * simply never held. */
static struct sql q_end = SQL(
	"UPDATE representation SET valid_to = GREATEST(valid_from, ?)"
	" WHERE id = ? AND company_id = ?"
	" AND (valid_to IS NULL OR valid_to > GREATEST(valid_from, ?))");

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
	if (!hdf_get_value(r->hdf, "Form.valid_from", NULL))
		hdf_set_value(r->hdf, "Form.valid_from", ec_today(r));
	ec_options(r);
	manage = registry_may_act(person, id, "reps_manage", NULL);
	if (manage < 0)
		return -1;
	if (manage) {
		hdf_set_value(r->hdf, "Can.Manage", "1");
		if (mark_grantable(r, id, person) < 0)
			return -1;
	}
	return view_render(r, status, "ecustomer/reps.cs");
}

int reps_list_fn(struct req *r)
{
	long long id = ec_arg_id(r, 0), person;
	int rc = ec_company_gate(r, id, view_authz, &person);

	if (rc <= 0)
		return rc;
	return render(r, id, person, 200);
}

/* Whom the administrator named: a person by e-mail or ID SISC, or a
 * company (e.g. a customs agency) by EORI or ID SISC. 1 found, 0 not. */
static int find_rep(struct req *r, const char *who, long long *rp,
		    long long *rc_, const char **name)
{
	char id[64];
	struct row row;
	int rc;

	*rp = *rc_ = 0;
	if (strchr(who, '@')) {
		rc = db_get(&r->arena, &q_person_by_email, &row, "s", who);
		if (rc == 1)
			*rp = row_int(&row, "id", 0);
	} else {
		if (!valid_normalise_id(who, id, sizeof(id)))
			return 0;
		if (strncmp(id, "PLP", 3) == 0) {
			rc = db_get(&r->arena, &q_person_by_sisc, &row, "s", id);
			if (rc == 1)
				*rp = row_int(&row, "id", 0);
		} else {
			rc = db_get(&r->arena, &q_company_by_id, &row, "ss", id,
				    id);
			if (rc == 1)
				*rc_ = row_int(&row, "id", 0);
		}
	}
	if (rc == 1)
		*name = row_get(&row, "who", "");
	return rc;
}

/* The ticked authorisations, each known to the catalogue. */
static int read_authz(struct req *r, const char **codes, int *n)
{
	size_t i;
	struct row row;

	*n = 0;
	for (i = 0; i < r->nf; i++) {
		const char *v = r->ffields[i].value;

		if (strcmp(r->ffields[i].name, "authz") != 0)
			continue;
		if (*n >= MAX_AUTHZ || strlen(v) > 32 ||
		    db_get(&r->arena, &q_authz_known, &row, "s", v) != 1)
			return -1;
		hdf_set_valuef(r->hdf, "Form.authz.%s=1", v);
		codes[(*n)++] = v;
	}
	return 0;
}

int reps_add_fn(struct req *r)
{
	const char *v[R__MAX], *codes[MAX_AUTHZ], *name = NULL, *which;
	long long id = ec_arg_id(r, 0), person, rp = 0, rco = 0, rep;
	struct registry_held held;
	enum registry_grant verdict;
	struct buf list = { 0 };
	int rc = ec_company_gate(r, id, manage_authz, &person), bad, n = 0, i;

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
		rc = find_rep(r, v[R_REP], &rp, &rco, &name);
		if (rc < 0)
			return -1;
		if (rc == 0 || rco == id) {
			view_field_error(r, "rep", rco == id ? "err.ec_rep_self"
							     : "err.ec_rep_unknown");
			bad++;
		}
	}
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
		log_info("grant refused: person %lld company %lld verdict %d %s",
			 person, id, (int)verdict, which ? which : "");
		view_field_error(r, refusals[verdict].field,
				 refusals[verdict].key);
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return render(r, id, person, 403);
	}
	if (db_begin() < 0)
		return -1;
	if (db_exec(&q_insert, "issssis", id, rp ? arena_printf(&r->arena,
		    "%lld", rp) : NULL, rco ? arena_printf(&r->arena, "%lld",
		    rco) : NULL, v[R_FROM], v[R_TO], person,
		    r->sess.name) != 1)
		goto fail;
	rep = db_insert_id(&q_insert);
	for (i = 0; i < n; i++) {
		if (db_exec(&q_insert_authz, "is", rep, codes[i]) != 1) {
			if (db_duplicate())
				continue;	/* the same box sent twice */
			goto fail;
		}
		buf_printf(&list, "%s%s", i ? ", " : "", codes[i]);
	}
	if (ec_history(r, "company", id, "representation", NULL,
		       arena_printf(&r->arena, "%s: %s (%s – %s)", name,
				    list.p, v[R_FROM], v[R_TO] ? v[R_TO] : "…")) ||
	    audit_log(r, "ecustomer.rep.add",
		      arena_printf(&r->arena, "representation:%lld", rep),
		      arena_printf(&r->arena, "company:%lld %s", id, list.p)))
		goto fail;
	buf_free(&list);
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/ecustomer/company/%lld/reps", id));
fail:
	buf_free(&list);
	db_rollback();
	return -1;
}

int reps_end_fn(struct req *r)
{
	long long id = ec_arg_id(r, 0), rid = ec_arg_id(r, 1), person;
	const char *end = req_form(r, "valid_to");
	struct registry_held held;
	struct row rep;
	long long n;
	int rc = ec_company_gate(r, id, manage_authz, &person);

	if (rc <= 0)
		return rc;
	/* A representation of another company is not found here. */
	rc = db_get(&r->arena, &q_rep, &rep, "ii", rid, id);
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
	if (!end || !*end)
		end = ec_today(r);
	else if (!valid_date(end, NULL, NULL, NULL)) {
		view_field_error(r, "valid_to", "err.date");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return render(r, id, person, 422);
	}
	if (db_begin() < 0)
		return -1;
	n = db_exec(&q_end, "siis", end, rid, id, end);
	if (n < 0)
		goto fail;
	if (n == 0) {
		db_rollback();
		return resp_error(r, 409, "ec_rep_ended");
	}
	if (ec_history(r, "company", id, "representation",
		       row_get(&rep, "who", ""),
		       arena_printf(&r->arena, "%s → %s", row_get(&rep, "who", ""),
				    end)) ||
	    audit_log(r, "ecustomer.rep.end",
		      arena_printf(&r->arena, "representation:%lld", rid), end))
		goto fail;
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/ecustomer/company/%lld/reps", id));
fail:
	db_rollback();
	return -1;
}
