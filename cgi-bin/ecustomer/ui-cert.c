/* ui-cert.c: certificates for signing messages: request from a PKCS#10
 * CSR, download, revoke (owner or registration office), the public CRL */
#define _GNU_SOURCE
#include "cert.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audit.h"
#include "ca.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "outbox.h"
#include "resp.h"
#include "view.h"

static struct sql q_person = SQL(
	"SELECT id, id_sisc, first_name, last_name, scope, status, email"
	" FROM person WHERE account_id = ?");
static struct sql q_mine = SQL(
	"SELECT id, serial_hex, subject_dn, not_before, not_after, created_at,"
	" revoked_at, revoke_reason, revoked_by_kind,"
	" not_after < UTC_TIMESTAMP() AS expired"
	" FROM certificate WHERE person_id = ? ORDER BY id DESC");
static struct sql q_insert = SQL(
	"INSERT INTO certificate (serial_hex, person_id, subject_dn, pem,"
	" not_before, not_after, created_at) VALUES (?, ?, ?, ?,"
	" FROM_UNIXTIME(?), FROM_UNIXTIME(?), UTC_TIMESTAMP())");
/* Ownership is part of the key: another account's id finds nothing. */
static struct sql q_owned = SQL(
	"SELECT c.id, c.serial_hex, c.pem, c.revoked_at FROM certificate c"
	" JOIN person p ON p.id = c.person_id"
	" WHERE c.id = ? AND p.account_id = ?");
static struct sql q_one = SQL(
	"SELECT c.id, c.serial_hex, c.subject_dn, c.not_after, c.revoked_at,"
	" p.email, p.first_name, p.last_name, p.id_sisc"
	" FROM certificate c JOIN person p ON p.id = c.person_id"
	" WHERE c.id = ?");
static struct sql q_revoke = SQL(
	"UPDATE certificate SET revoked_at = UTC_TIMESTAMP(),"
	" revoke_reason = ?, revoked_by_kind = ?, revoked_by_id = ?"
	" WHERE id = ? AND revoked_at IS NULL");
/* Expired certificates leave the CRL (RFC 5280 3.3). */
static struct sql q_revoked = SQL(
	"SELECT serial_hex, UNIX_TIMESTAMP(revoked_at) AS at, revoke_reason"
	" FROM certificate WHERE revoked_at IS NOT NULL"
	" AND not_after > UTC_TIMESTAMP() ORDER BY id");
static struct sql q_last_revoked = SQL(
	"SELECT COALESCE(UNIX_TIMESTAMP(MAX(revoked_at)), 0) AS at"
	" FROM certificate");
static struct sql q_staff_find = SQL(
	"SELECT c.id, c.serial_hex, c.subject_dn, c.not_before, c.not_after,"
	" c.created_at, c.revoked_at, c.revoke_reason, c.revoked_by_kind,"
	" c.not_after < UTC_TIMESTAMP() AS expired,"
	" p.id_sisc, p.first_name, p.last_name"
	" FROM certificate c JOIN person p ON p.id = c.person_id"
	" WHERE p.id_sisc = ? OR c.serial_hex = ? ORDER BY c.id DESC LIMIT 100");
static struct sql q_staff_recent = SQL(
	"SELECT c.id, c.serial_hex, c.subject_dn, c.not_before, c.not_after,"
	" c.created_at, c.revoked_at, c.revoke_reason, c.revoked_by_kind,"
	" c.not_after < UTC_TIMESTAMP() AS expired,"
	" p.id_sisc, p.first_name, p.last_name"
	" FROM certificate c JOIN person p ON p.id = c.person_id"
	" ORDER BY c.id DESC LIMIT 50");

static const char *const reason_names[] = {
	"keyCompromise", "affiliationChanged", "superseded",
	"cessationOfOperation", "unspecified", NULL,
};

/* ---- the CA, loaded on first use in each worker ---- */

static int crl_write(void);

static int ca_ready(void)
{
	static int tried;

	if (ca_loaded())
		return 1;
	/* A missing key stays missing until the stack makes it: retry on
	 * every 100th request only, not to log the same failure each time. */
	if (tried++ && tried % 100)
		return 0;
	if (ca_init(conf_get("CA.Key", NULL), conf_get("CA.Cert", NULL)) < 0)
		return 0;
	/* "At start": the CRL always reflects the database once a worker
	 * has the key. */
	crl_write();
	return 1;
}

struct crl_list {
	struct arena *a;
	struct ca_revoked *v;
	size_t n, cap;
};

static int crl_row_cb(const struct row *row, void *ctx)
{
	struct crl_list *l = ctx;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct ca_revoked *v = arena_alloc(l->a, cap * sizeof(*v));

		if (!v)
			return -1;
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].serial_hex = arena_strdup(l->a, row_get(row, "serial_hex", ""));
	l->v[l->n].revoked_at = (time_t)row_int(row, "at", 0);
	l->v[l->n].reason = ca_reason_code(row_get(row, "revoke_reason", ""));
	if (l->v[l->n].reason < 0)
		l->v[l->n].reason = 0;
	l->n++;
	return 0;
}

/* Rebuilds the CRL from the database; the database is the truth, so any
 * worker may do it at any time and the last writer is right. */
static int crl_write(void)
{
	struct arena a = { 0 };
	struct crl_list l = { &a, NULL, 0, 0 };
	int rc = -1;

	if (db_each(&q_revoked, crl_row_cb, &l, "") >= 0)
		rc = ca_write_crl(conf_get("CA.CrlFile", "var/ca/crl.pem"),
				  l.v, l.n, conf_int("CA.CrlDays", 7));
	arena_reset(&a);
	if (rc < 0)
		log_err("CRL not written");
	return rc;
}

/* ---- shared pieces ---- */

static long long arg_id(struct req *r)
{
	const char *s = r->nargs ? r->args[0] : NULL;
	char *end;
	long long v;

	if (!s || !*s || strlen(s) > 18 || !isdigit((unsigned char)*s))
		return 0;
	v = strtoll(s, &end, 10);
	return *end ? 0 : v;
}

static int check_reason(const char *v)
{
	for (size_t i = 0; reason_names[i]; i++)
		if (strcmp(reason_names[i], v) == 0)
			return 1;
	return 0;
}

/* Not P_REQUIRED: an unchosen select gets the same message as a wrong
 * value ("choose the reason"), not the generic "required". */
static const struct param reason_param[] = {
	{ "reason", 0, 32, NULL, check_reason, "cert_reason" },
};

/* The chosen reason, or NULL with the message beside the select. */
static const char *read_reason(struct req *r)
{
	const char *v[1];

	if (form_read(r, reason_param, 1, v) == 0 && v[0])
		return v[0];
	view_field_error(r, "reason", "err.cert_reason");
	return NULL;
}

static void reason_options(struct req *r)
{
	for (int i = 0; reason_names[i]; i++) {
		hdf_set_valuef(r->hdf, "Options.Reason.%d.Value=%s", i,
			       reason_names[i]);
		hdf_set_valuef(r->hdf, "Options.Reason.%d.Label=%s", i,
			       view_text(r, arena_printf(&r->arena,
					 "cert.reason.%s", reason_names[i])));
	}
}

static void notice(struct req *r)
{
	const char *done = req_query(r, "done");

	if (done && (strcmp(done, "issued") == 0 ||
		     strcmp(done, "revoked") == 0))
		hdf_set_value(r->hdf, "Page.Notice",
			      view_text(r, arena_printf(&r->arena,
					"cert.notice.%s", done)));
}

/* The signed-in account's person into Person.* and p (1 found, 0 none,
 * -1); whether it may request a certificate into Certs.May or, if not,
 * why into Certs.Why. */
static int load_person(struct req *r, struct row *p, int *may)
{
	int rc = db_get(&r->arena, &q_person, p, "i", r->sess.account_id);
	const char *why = NULL;

	*may = 0;
	if (rc < 0)
		return -1;
	if (rc == 0) {
		why = "no_person";
	} else {
		for (int i = 0; i < p->n; i++)
			if (p->v[i])
				hdf_set_valuef(r->hdf, "Person.%s=%s",
					       p->name[i], p->v[i]);
		if (strcmp(row_get(p, "status", ""), "approved") != 0 ||
		    !row_get(p, "id_sisc", NULL))
			why = "not_approved";
		else if (strcmp(row_get(p, "scope", ""), "extended") != 0)
			why = "basic_scope";
	}
	if (why)
		hdf_set_value(r->hdf, "Certs.Why",
			      view_text(r, arena_printf(&r->arena,
					"cert.why.%s", why)));
	else
		*may = 1;
	hdf_set_int_value(r->hdf, "Certs.May", *may);
	return rc;
}

static int render_mine(struct req *r, int status)
{
	struct row p;
	int may, rc = load_person(r, &p, &may);

	if (rc < 0)
		return -1;
	/* Certificates outlive a change of scope: list them whatever it is. */
	if (rc == 1 && db_select_hdf(&q_mine, r->hdf, "Certs.List", "i",
				     row_int(&p, "id", 0)) < 0)
		return -1;
	reason_options(r);
	notice(r);
	hdf_set_value(r->hdf, "Certs.CrlUrl", "/ecustomer/ca/crl.pem");
	return view_render(r, status, "ecustomer/certs.cs");
}

/* ---- portal ---- */

int cert_list_fn(struct req *r)
{
	return render_mine(r, 200);
}

/* The request comes from the textarea or, in a multipart form, from a
 * file part; both are called "csr" and the first that is not blank
 * wins. */
static const struct field *csr_field(struct req *r)
{
	for (size_t i = 0; i < r->nf; i++) {
		const struct field *f = &r->ffields[i];

		if (strcmp(f->name, "csr") != 0)
			continue;
		for (size_t k = 0; k < f->len; k++)
			if (!isspace((unsigned char)f->value[k]))
				return f;
	}
	return NULL;
}

static int refuse(struct req *r, int status, const char *key)
{
	view_field_error(r, "csr", key);
	hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
	return render_mine(r, status);
}

static const char *utc_text(struct req *r, time_t t)
{
	char *s = arena_alloc(&r->arena, 32);
	struct tm tm;

	if (!s || !gmtime_r(&t, &tm) ||
	    !strftime(s, 32, "%Y-%m-%d %H:%M", &tm))
		return "";
	return s;
}

static int mail_person(struct req *r, const char *email, const char *subject,
		       const char *tpl)
{
	hdf_set_value(r->hdf, "Mail.BaseUrl", conf_get("Site.BaseUrl", ""));
	return outbox_put(r, email, subject, tpl);
}

int cert_request_fn(struct req *r)
{
	const struct field *f = csr_field(r);
	struct ca_subject subj;
	struct ca_issued out;
	enum ca_err e;
	struct row p;
	char *crl_url;
	long long id;
	int may, days = conf_int("CA.ValidDays", 365);

	if (load_person(r, &p, &may) < 0)
		return -1;
	if (!may)
		return resp_error(r, 403, "cert_not_allowed");
	if (!f)
		return refuse(r, 422, "err.required");
	/* Show the request back, never a key pasted by mistake. */
	if (!f->filename && f->len <= CA_MAX_CSR &&
	    !memmem(f->value, f->len, "PRIVATE KEY", 11))
		hdf_set_value(r->hdf, "Form.csr", f->value);
	if (!ca_ready())
		return resp_error(r, 503, "unavailable");
	subj.first_name = row_get(&p, "first_name", "");
	subj.last_name = row_get(&p, "last_name", "");
	subj.id_sisc = row_get(&p, "id_sisc", "");
	crl_url = arena_printf(&r->arena, "%s/ecustomer/ca/crl.pem",
			       conf_get("Site.BaseUrl", ""));
	if (days < 1 || days > 3650)
		days = 365;
	e = ca_issue(f->value, f->len, &subj, days, crl_url, &out);
	if (e == CA_ERR_INTERNAL)
		return -1;
	if (e != CA_OK) {
		log_info("certificate request refused: %s", ca_err_name(e));
		return refuse(r, e == CA_ERR_TOO_LARGE ? 413 : 422,
			      arena_printf(&r->arena, "cert.err.%s",
					   ca_err_name(e)));
	}

	if (db_begin() < 0)
		goto fail;
	if (db_exec(&q_insert, "sissii", out.serial_hex, row_int(&p, "id", 0),
		    out.subject_dn, out.pem, (long long)out.not_before,
		    (long long)out.not_after) < 0)
		goto fail;
	id = db_insert_id(&q_insert);
	hdf_set_value(r->hdf, "Mail.Name", arena_printf(&r->arena, "%s %s",
		      subj.first_name, subj.last_name));
	hdf_set_value(r->hdf, "Mail.Serial", out.serial_hex);
	hdf_set_value(r->hdf, "Mail.Subject", out.subject_dn);
	hdf_set_value(r->hdf, "Mail.NotAfter", utc_text(r, out.not_after));
	if (audit_log(r, "cert.issue", arena_printf(&r->arena,
		      "certificate:%lld", id), out.serial_hex) < 0 ||
	    mail_person(r, row_get(&p, "email", ""), "cert.mail.issued_subject",
			"mail/cert_issued.cs") < 0 ||
	    db_commit() < 0)
		goto fail;
	free(out.pem);
	return resp_redirect(r, "/ecustomer/certificates?done=issued");
fail:
	db_rollback();
	free(out.pem);
	return -1;
}

int cert_download_fn(struct req *r)
{
	long long id = arg_id(r);
	struct row c;
	const char *pem;
	int rc;

	rc = id ? db_get(&r->arena, &q_owned, &c, "ii", id, r->sess.account_id)
		: 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	pem = row_get(&c, "pem", "");
	resp_header(r, "Content-Disposition", arena_printf(&r->arena,
		    "attachment; filename=\"zsog-%s.pem\"",
		    row_get(&c, "serial_hex", "cert")));
	return resp_send(r, 200, "application/x-pem-file", pem, strlen(pem));
}

/* Revokes certificate id for whoever is signed in; the caller has checked
 * who may. 1 done, 0 it was already revoked, -1 error. */
static int revoke(struct req *r, long long id, const char *reason)
{
	struct row c;
	long long n;

	if (db_begin() < 0)
		return -1;
	if (db_get(&r->arena, &q_one, &c, "i", id) != 1)
		goto fail;
	n = db_exec(&q_revoke, "ssii", reason,
		    r->sess.kind == SESS_STAFF ? "staff" : "portal",
		    r->sess.account_id, id);
	if (n < 0)
		goto fail;
	if (n == 0) {
		db_rollback();
		return 0;
	}
	hdf_set_value(r->hdf, "Mail.Name", arena_printf(&r->arena, "%s %s",
		      row_get(&c, "first_name", ""), row_get(&c, "last_name", "")));
	hdf_set_value(r->hdf, "Mail.Serial", row_get(&c, "serial_hex", ""));
	hdf_set_value(r->hdf, "Mail.Reason", view_text(r,
		      arena_printf(&r->arena, "cert.reason.%s", reason)));
	hdf_set_int_value(r->hdf, "Mail.ByStaff", r->sess.kind == SESS_STAFF);
	if (audit_log(r, "cert.revoke", arena_printf(&r->arena,
		      "certificate:%lld", id), arena_printf(&r->arena,
		      "%s %s", row_get(&c, "serial_hex", ""), reason)) < 0 ||
	    mail_person(r, row_get(&c, "email", ""), "cert.mail.revoked_subject",
			"mail/cert_revoked.cs") < 0 ||
	    db_commit() < 0)
		goto fail;
	/* After the commit: the CRL is rebuilt from what is committed. If
	 * this fails, crl_fn rebuilds it on the next fetch. */
	if (ca_ready())
		crl_write();
	return 1;
fail:
	db_rollback();
	return -1;
}

int cert_revoke_fn(struct req *r)
{
	long long id = arg_id(r);
	const char *reason;
	struct row c;
	int rc;

	rc = id ? db_get(&r->arena, &q_owned, &c, "ii", id, r->sess.account_id)
		: 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	reason = read_reason(r);
	if (!reason) {
		hdf_set_int_value(r->hdf, "Form.Id", id);
		return render_mine(r, 422);
	}
	rc = revoke(r, id, reason);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 409, "cert_already_revoked");
	return resp_redirect(r, "/ecustomer/certificates?done=revoked");
}

/* ---- public ---- */

int crl_fn(struct req *r)
{
	const char *path = conf_get("CA.CrlFile", "var/ca/crl.pem");
	struct row last;
	struct stat st;
	FILE *f;
	char *body;
	size_t n;
	int rc;

	if (!ca_ready())
		return resp_error(r, 503, "unavailable");
	/* Rebuilt when missing, older than the newest revocation (a write
	 * that failed after its commit) or past half its validity. */
	if (db_get(&r->arena, &q_last_revoked, &last, "") < 0)
		return -1;
	if (stat(path, &st) < 0 ||
	    (long long)st.st_mtime < row_int(&last, "at", 0) ||
	    (long long)st.st_mtime < now_unix() -
		    conf_int("CA.CrlDays", 7) * 86400LL / 2)
		if (crl_write() < 0)
			return -1;
	f = fopen(path, "r");
	if (!f)
		return -1;
	body = arena_alloc(&r->arena, 1 << 22);
	n = body ? fread(body, 1, 1 << 22, f) : 0;
	fclose(f);
	if (!n)
		return -1;
	/* Caches may keep it a little; relying parties re-fetch by
	 * nextUpdate anyway. */
	resp_header(r, "Cache-Control", "public, max-age=60");
	rc = resp_send(r, 200, "application/x-pem-file", body, n);
	return rc;
}

int ca_cert_fn(struct req *r)
{
	const char *pem;
	size_t n;

	if (!ca_ready())
		return resp_error(r, 503, "unavailable");
	pem = ca_cert_pem(&n);
	resp_header(r, "Cache-Control", "public, max-age=3600");
	return resp_send(r, 200, "application/x-pem-file", pem, n);
}

/* ---- registration office ---- */

/* ID SISC or a serial as openssl prints it (with or without colons):
 * letters and digits kept, upper-cased. */
static size_t norm_query(const char *in, char *out, size_t outsz)
{
	size_t n = 0;

	for (; *in; in++) {
		if (*in == ':' || *in == ' ')
			continue;
		if (!isalnum((unsigned char)*in) || n + 1 >= outsz)
			return 0;
		out[n++] = (char)toupper((unsigned char)*in);
	}
	out[n] = '\0';
	return n;
}

static const struct param search_param[] = {
	{ "q", P_QUERY, 64, norm_query, NULL, "cert_query" },
};

/* The list for the query in the URL, or for forced_q (a form posted
 * back with an error shows the certificate it was about). */
static int render_staff(struct req *r, int status, const char *forced_q)
{
	const char *v[1];
	int n;

	if (forced_q) {
		v[0] = forced_q;
		hdf_set_value(r->hdf, "Form.q", forced_q);
	} else if (form_read(r, search_param, 1, v) && status == 200) {
		status = 422;
	}
	if (v[0]) {
		hdf_set_value(r->hdf, "Search.Q", v[0]);
		n = db_select_hdf(&q_staff_find, r->hdf, "Certs.List", "ss",
				  v[0], v[0]);
	} else {
		n = db_select_hdf(&q_staff_recent, r->hdf, "Certs.List", "");
	}
	if (n < 0)
		return -1;
	hdf_set_int_value(r->hdf, "Certs.Count", n);
	reason_options(r);
	notice(r);
	return view_render(r, status, "ecustomer/skr_certs.cs");
}

int cert_staff_list_fn(struct req *r)
{
	return render_staff(r, 200, NULL);
}

int cert_staff_revoke_fn(struct req *r)
{
	long long id = arg_id(r);
	const char *reason;
	struct row c;
	int rc;

	rc = id ? db_get(&r->arena, &q_one, &c, "i", id) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	reason = read_reason(r);
	if (!reason) {
		hdf_set_int_value(r->hdf, "Form.Id", id);
		return render_staff(r, 422, row_get(&c, "serial_hex", ""));
	}
	rc = revoke(r, id, reason);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 409, "cert_already_revoked");
	return resp_redirect(r, arena_printf(&r->arena,
			     "/skr/ecustomer/certificates?q=%s&done=revoked",
			     row_get(&c, "serial_hex", "")));
}
