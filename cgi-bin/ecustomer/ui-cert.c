/* ui-cert.c: certificates for signing messages: request from a PKCS#10
 * CSR, download, revoke (owner or registration office), the public CRL */
#define _GNU_SOURCE
#include "cert.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "accounts.h"
#include "audit.h"
#include "ca.h"
#include "ca_store.h"
#include "conf.h"
#include "db.h"
#include "ecustomer.h"
#include "form.h"
#include "log.h"
#include "inbox.h"
#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "view.h"

static const char *const reason_names[] = {
	"keyCompromise",	"affiliationChanged", "superseded",
	"cessationOfOperation", "unspecified",	      NULL,
};

/* ---- the CA, loaded on first use in each worker ---- */

/* Rebuilds the CRL from the database; the database is the truth, so any
 * worker may do it at any time and the last writer is right. */
static int crl_write(void)
{
	return ca_store_write_crl(conf_get("CA.CrlFile", "var/ca/crl.pem"),
				  conf_int("CA.CrlDays", 7));
}

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

/* ---- shared pieces ---- */

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
		hdf_set_valuef(
			r->hdf, "Options.Reason.%d.Label=%s", i,
			view_text(r, arena_printf(&r->arena, "cert.reason.%s",
						  reason_names[i])));
	}
}

static void notice(struct req *r)
{
	const char *done = req_query(r, "done");

	if (done &&
	    (strcmp(done, "issued") == 0 || strcmp(done, "revoked") == 0))
		hdf_set_value(
			r->hdf, "Page.Notice",
			view_text(r, arena_printf(&r->arena, "cert.notice.%s",
						  done)));
}

/* The signed-in account's person into Person.* and p (1 found, 0 none,
 * -1); whether it may request a certificate into Certs.May or, if not,
 * why into Certs.Why. */
static int load_person(struct req *r, struct row *p, int *may)
{
	static const char *const shown[] = { "id",	   "id_sisc",
					     "first_name", "last_name",
					     "scope",	   "status",
					     "email",	   NULL };
	int rc = ec_my_person(r, p);
	const char *why;

	*may = 0;
	if (rc < 0)
		return -1;
	for (int i = 0; rc == 1 && shown[i]; i++)
		if (row_get(p, shown[i], NULL))
			hdf_set_valuef(r->hdf, "Person.%s=%s", shown[i],
				       row_get(p, shown[i], ""));
	why = rc == 1 ? registry_cert_refusal(row_get(p, "status", ""),
					      row_get(p, "id_sisc", NULL),
					      row_get(p, "scope", ""))
		      : registry_cert_refusal(NULL, NULL, NULL);
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
	if (rc == 1 &&
	    ca_store_list(r->hdf, "Certs.List", row_int(&p, "id", 0)) < 0)
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

	if (!s || !gmtime_r(&t, &tm) || !strftime(s, 32, "%Y-%m-%d %H:%M", &tm))
		return "";
	return s;
}

/* To the certificate's person: in the page's language when she acts
 * herself, else (an officer revoking) in the one her account reads. */
static int mail_person(struct req *r, const struct row *p, const char *subject,
		       const char *tpl)
{
	long long account = row_int(p, "account_id", 0);
	struct row acc = { 0 };

	if ((r->sess.kind != &portal_session ||
	     account != r->sess.account_id) &&
	    accounts_contact(&r->arena, account, &acc) < 0)
		return -1;
	hdf_set_value(r->hdf, "Mail.BaseUrl", conf_get("Site.BaseUrl", ""));
	return inbox_mail(r, INBOX_ACCOUNT, account, NULL, 0,
			  row_get(&acc, "lang", NULL), row_get(p, "email", ""),
			  subject, tpl);
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
		return refuse(
			r, e == CA_ERR_TOO_LARGE ? 413 : 422,
			arena_printf(&r->arena, "cert.err.%s", ca_err_name(e)));
	}

	if (db_begin() < 0)
		goto fail;
	if (ca_store_insert(&out, row_int(&p, "id", 0), &id) < 0)
		goto fail;
	hdf_set_value(r->hdf, "Mail.Name",
		      arena_printf(&r->arena, "%s %s", subj.first_name,
				   subj.last_name));
	hdf_set_value(r->hdf, "Mail.Serial", out.serial_hex);
	hdf_set_value(r->hdf, "Mail.Subject", out.subject_dn);
	hdf_set_value(r->hdf, "Mail.NotAfter", utc_text(r, out.not_after));
	if (audit_log(r, "cert.issue",
		      arena_printf(&r->arena, "certificate:%lld", id),
		      out.serial_hex) < 0 ||
	    mail_person(r, &p, "cert.mail.issued_subject",
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

/* Certificate id of the signed-in account's person into c: 1, 0 (none,
 * or someone else's), -1. */
static int owned(struct req *r, long long id, struct row *c)
{
	struct row p;
	int rc = id ? ec_my_person(r, &p) : 0;

	if (rc == 1)
		rc = ca_store_get(&r->arena, id, c);
	/* Ownership is part of the key: another account's id finds nothing. */
	if (rc == 1 && row_int(c, "person_id", 0) != row_int(&p, "id", -1))
		rc = 0;
	return rc;
}

int cert_download_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct row c;
	const char *pem;
	int rc;

	rc = owned(r, id, &c);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	pem = row_get(&c, "pem", "");
	resp_header(r, "Content-Disposition",
		    arena_printf(&r->arena,
				 "attachment; filename=\"zsog-%s.pem\"",
				 row_get(&c, "serial_hex", "cert")));
	return resp_send(r, 200, "application/x-pem-file", pem, strlen(pem));
}

/* A certificate still in force is revoked only once its holder or the
 * office has said yes: the step names it and the reason. */
static int ask(struct req *r, const struct row *c, const char *reason,
	       const char *back)
{
	hdf_set_value(r->hdf, "Confirm.Arg.serial",
		      row_get(c, "serial_hex", ""));
	hdf_set_value(r->hdf, "Confirm.Arg.reason",
		      view_text(r, arena_printf(&r->arena, "cert.reason.%s",
						reason)));
	return view_confirm(r, "cert.confirm_revoke", back);
}

/* Revokes certificate id for whoever is signed in; the caller has checked
 * who may. 1 done, 0 it was already revoked, -1 error. */
static int revoke(struct req *r, long long id, const char *reason)
{
	struct row c, p;
	int n;

	if (db_begin() < 0)
		return -1;
	if (ca_store_get(&r->arena, id, &c) != 1 ||
	    registry_person_get(&r->arena, row_int(&c, "person_id", 0), &p) !=
		    1)
		goto fail;
	n = ca_store_revoke(id, reason, r->sess.kind->name, r->sess.account_id);
	if (n < 0)
		goto fail;
	if (n == 0) {
		db_rollback();
		return 0;
	}
	hdf_set_value(r->hdf, "Mail.Name",
		      arena_printf(&r->arena, "%s %s",
				   row_get(&p, "first_name", ""),
				   row_get(&p, "last_name", "")));
	hdf_set_value(r->hdf, "Mail.Serial", row_get(&c, "serial_hex", ""));
	hdf_set_value(r->hdf, "Mail.Reason",
		      view_text(r, arena_printf(&r->arena, "cert.reason.%s",
						reason)));
	hdf_set_int_value(r->hdf, "Mail.ByStaff",
			  r->sess.kind == &staff_session);
	if (audit_log(r, "cert.revoke",
		      arena_printf(&r->arena, "certificate:%lld", id),
		      /* The reason's code, which the audit page shows as
		       * words ("keyCompromise" on screen before). */
		      arena_printf(
			      &r->arena, "@skr.audit.detail.cert_revoke|%s|%s",
			      reason, row_get(&c, "serial_hex", ""))) < 0 ||
	    mail_person(r, &p, "cert.mail.revoked_subject",
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
	long long id = route_arg_id(r, 0);
	const char *reason;
	struct row c;
	int rc;

	rc = owned(r, id, &c);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	reason = read_reason(r);
	if (!reason) {
		hdf_set_int_value(r->hdf, "Form.Id", id);
		return render_mine(r, 422);
	}
	if (!row_get(&c, "revoked_at", NULL) && !view_confirmed(r))
		return ask(r, &c, reason, "/ecustomer/certificates");
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
	long long last;
	struct stat st;
	FILE *f;
	char *body;
	size_t n;
	int rc;

	if (!ca_ready())
		return resp_error(r, 503, "unavailable");
	/* Rebuilt when missing, older than the newest revocation (a write
	 * that failed after its commit) or past half its validity. */
	if (ca_store_last_revoked(&last) < 0)
		return -1;
	if (stat(path, &st) < 0 || (long long)st.st_mtime < last ||
	    (long long)st.st_mtime <
		    now_unix() - conf_int("CA.CrlDays", 7) * 86400LL / 2)
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
	long long person = 0;
	int n;

	if (forced_q) {
		v[0] = forced_q;
		hdf_set_value(r->hdf, "Form.q", forced_q);
	} else if (form_read(r, search_param, 1, v) && status == 200) {
		status = 422;
	}
	/* The query is an ID SISC or a serial. */
	if (v[0]) {
		hdf_set_value(r->hdf, "Search.Q", v[0]);
		if (registry_person_by_sisc(v[0], &person) < 0)
			return -1;
	}
	n = ca_store_find(r->hdf, "Certs.List", person, v[0]);
	if (n < 0 ||
	    registry_person_names_hdf(r->hdf, "Certs.List", "person_id") < 0)
		return -1;
	hdf_set_int_value(r->hdf, "Certs.Count", n);
	reason_options(r);
	notice(r);
	return view_render(r, status, "ecustomer/skr_certs.cs");
}

/* The office's certificate pages are the one-stop-shop's, as its queue
 * (docs/ecustomer.md): a registration officer of another unit gets 403. */
int cert_staff_list_fn(struct req *r)
{
	int rc = ec_office_gate(r);

	if (rc <= 0)
		return rc;
	return render_staff(r, 200, NULL);
}

int cert_staff_revoke_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	const char *reason;
	struct row c;
	int rc = ec_office_gate(r);

	if (rc <= 0)
		return rc;
	rc = id ? ca_store_get(&r->arena, id, &c) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	reason = read_reason(r);
	if (!reason) {
		hdf_set_int_value(r->hdf, "Form.Id", id);
		return render_staff(r, 422, row_get(&c, "serial_hex", ""));
	}
	if (!row_get(&c, "revoked_at", NULL) && !view_confirmed(r))
		return ask(r, &c, reason,
			   arena_printf(&r->arena,
					"/skr/ecustomer/certificates?q=%s",
					row_get(&c, "serial_hex", "")));
	rc = revoke(r, id, reason);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 409, "cert_already_revoked");
	return resp_redirect(
		r, arena_printf(&r->arena,
				"/skr/ecustomer/certificates?q=%s&done=revoked",
				row_get(&c, "serial_hex", "")));
}
