/* shared.c: what e-Customer's pages share: the signed-in person, the
 * company gate, history lines, status mails and the forms' lists */
#include "ecustomer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "conf.h"
#include "inbox.h"
#include "registry.h"
#include "registry_apps.h"
#include "registry_akcr.h"
#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "view.h"

const char *const ec_voivodships[] = {
	"dolnoslaskie",
	"kujawsko_pomorskie",
	"lubelskie",
	"lubuskie",
	"lodzkie",
	"malopolskie",
	"mazowieckie",
	"opolskie",
	"podkarpackie",
	"podlaskie",
	"pomorskie",
	"slaskie",
	"swietokrzyskie",
	"warminsko_mazurskie",
	"wielkopolskie",
	"zachodniopomorskie",
	NULL,
};

const char *const ec_legal_forms[] = {
	"sp_zoo", "sa", "sj", "sk", "ska", "jdg", "coop", "foreign", NULL,
};

static const char *const doc_types[] = { "id_card", "passport", "residence",
					 NULL };

int ec_my_person(struct req *r, struct row *p)
{
	return registry_person_of(&r->arena, r->sess.account_id, p);
}

struct registry_actor ec_actor(struct req *r)
{
	struct registry_actor a = { r->sess.account_id, r->sess.name,
				    r->sess.email };

	return a;
}

int ec_notify(struct req *r, long long app_id)
{
	struct app_mail m;

	if (registry_app_mail(&r->arena, app_id, &m) < 0)
		return -1;
	hdf_set_value(r->hdf, "Mail.Id", m.id);
	hdf_set_value(r->hdf, "Mail.Kind", m.kind);
	hdf_set_value(r->hdf, "Mail.Status", m.status);
	hdf_set_value(r->hdf, "Mail.Subject", m.subject);
	hdf_set_value(r->hdf, "Mail.Reason", m.reason);
	hdf_set_value(r->hdf, "Mail.Base", conf_get("Site.BaseUrl", ""));
	/* Filed in the inbox too: the company's when the application is
	 * about one already approved, else the submitter's; a decision as
	 * such (its reason is in the mail). */
	return inbox_mail(
		r, app_for_company(m.kind) ? INBOX_COMPANY : INBOX_ACCOUNT,
		app_for_company(m.kind) ? m.subject_id : m.account,
		(!strcmp(m.status, "approved") || !strcmp(m.status, "rejected"))
			? "decision"
			: "application",
		app_id, m.lang, m.email, "ecustomer.mail.subject",
		"mail/ecustomer_status.cs");
}

int ec_notify_akcr(struct req *r, long long app_id)
{
	struct akcr_notice n;
	struct app_mail m;
	int rc = registry_akcr_notice(&r->arena, app_id, &n);

	if (rc <= 0)
		return rc;
	/* The company reads what its submitter reads: it has no language of
	 * its own. */
	if (registry_app_mail(&r->arena, app_id, &m) < 0)
		return -1;
	hdf_set_value(r->hdf, "Mail.Id", m.id);
	hdf_set_value(r->hdf, "Mail.Status", m.status);
	hdf_set_value(r->hdf, "Mail.Reason", m.reason);
	hdf_set_value(r->hdf, "Mail.Company", n.company);
	if (n.number && strcmp(m.status, "approved") == 0)
		hdf_set_value(r->hdf, "Mail.Number", n.number);
	hdf_set_value(r->hdf, "Mail.Base", conf_get("Site.BaseUrl", ""));
	/* The company's mail is filed in the company's inbox. */
	return inbox_mail(r, INBOX_COMPANY, n.company_id, "decision", app_id,
			  m.lang, n.email, "ecustomer.akcr.mail_subject",
			  "mail/ecustomer_akcr.cs");
}

int ec_app_refused(struct req *r, enum app_verdict v)
{
	static const int status[APP__MAX] = {
		[APP_NOT_FOUND] = 404,	[APP_OWN] = 403,
		[APP_NOT_OPEN] = 409,	[APP_TAKEN] = 409,
		[APP_EORI_TAKEN] = 409, [APP_NOT_ACTIVE] = 409,
		[APP_PENDING] = 409,
	};

	if (v <= APP_OK || v >= APP__MAX)
		return -1;
	return resp_error(r, status[v], app_verdict_key(v));
}

static void list_options(struct req *r, const char *node,
			 const char *const *list, const char *labels)
{
	char key[128];
	int i;

	for (i = 0; list[i]; i++) {
		snprintf(key, sizeof(key), "%s.%s", labels, list[i]);
		hdf_set_valuef(r->hdf, "Options.%s.%d.Value=%s", node, i,
			       list[i]);
		hdf_set_valuef(r->hdf, "Options.%s.%d.Label=%s", node, i,
			       view_text(r, key));
	}
}

/* A representation's history line keeps the authorisations, its type and
 * its state as codes ("Agencja: ebt_book, declare (2026-01-10 – …)",
 * "Jan: agent_direct, poa_pending; ebt_book", whoever reads it);
 * the page names them in the reader's language. Only what follows the
 * last ": " is looked at, so a name that happens to be a code stays. */
static const char *authz_words(struct req *r, const char *v)
{
	const char *tail = NULL, *p;
	struct buf b = { 0 };
	char key[64];
	const char *out;

	for (p = v; (p = strstr(p, ": ")); p += 2)
		tail = p + 2;
	if (!tail)
		return v;
	buf_add(&b, v, (size_t)(tail - v));
	for (p = tail; *p;) {
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz_");

		if (n && n < 40) {
			static const char *const kinds[] = { "authz",
							     "rep_type",
							     "rep_state" };
			int hit = 0;

			for (size_t k = 0; k < 3 && !hit; k++) {
				snprintf(key, sizeof(key), "ecustomer.%s.%.*s",
					 kinds[k], (int)n, p);
				hit = view_has_text(r->lang, key);
			}
			if (hit) {
				buf_puts(&b, view_text(r, key));
				p += n;
				continue;
			}
		}
		if (!n)
			n = 1;
		buf_add(&b, p, n);
		p += n;
	}
	out = arena_strndup(&r->arena, b.p ? b.p : "", b.len);
	buf_free(&b);
	return out;
}

static void history_words(struct req *r, const char *node)
{
	HDF *h;

	for (h = hdf_get_child(r->hdf, node); h; h = hdf_obj_next(h)) {
		const char *v;

		if (strcmp(hdf_get_value(h, "field", ""), "representation"))
			continue;
		static const char *const cols[] = { "new_value", "old_value" };

		for (int i = 0; i < 2; i++) {
			const char *w;

			v = hdf_get_value(h, cols[i], NULL);
			if (v && (w = authz_words(r, v)) != v)
				hdf_set_value(h, cols[i], w);
		}
	}
}

int ec_app_picture(struct req *r, const struct row *a, int since_application)
{
	struct akcr_request req;
	const char *kind;

	for (int i = 0; i < a->n; i++)
		if (a->v[i])
			hdf_set_valuef(r->hdf, "App.%s=%s", a->name[i],
				       a->v[i]);
	if (registry_app_picture(
		    r->hdf, row_int(a, "id", 0), row_get(a, "kind", ""),
		    row_int(a, "subject_id", 0), since_application) < 0)
		return -1;
	history_words(r, "History");
	hdf_set_value(r->hdf, "App.entity",
		      app_subject_entity(row_get(a, "kind", "")));
	kind = row_get(a, "kind", "");
	/* A company's registration carries only its AKC-R request; an akcr
	 * application nothing else: shown as the request, not as changes.
	 * A power of attorney's payload only names its representation,
	 * which the office's page shows as Rep. */
	if (strcmp(kind, "company") == 0 || strcmp(kind, "akcr") == 0) {
		if (registry_akcr_parse(&r->arena, row_get(a, "payload", NULL),
					&req) == 1)
			registry_akcr_request_hdf(r->hdf, "AkcrReq", &req);
	} else if (strcmp(kind, "representation_poa") != 0) {
		ec_show_payload(r, row_get(a, "payload", NULL));
	}
	return 0;
}

/* Change i's field as the subject holds it now (Subject.0). */
static void old_value(struct req *r, size_t i, const char *field)
{
	const char *v = hdf_get_valuef(r->hdf, "Subject.0.%s", field);

	hdf_set_valuef(r->hdf, "Changes.%zu.old=%s", i, v ? v : "");
}

void ec_show_payload(struct req *r, const char *payload)
{
	struct field *f = NULL; /* the parser appends to f[0..n) */
	size_t n = 0, i;
	int open;

	if (!payload ||
	    req_parse_urlencoded(&r->arena, payload, strlen(payload), &f, &n))
		return;
	/* While the application waits, the subject still holds the old
	 * values: old -> new. Once decided, the history tells it. */
	open = strcmp(hdf_get_value(r->hdf, "App.status", ""), "submitted") ==
		       0 ||
	       strcmp(hdf_get_value(r->hdf, "App.status", ""),
		      "under_review") == 0;
	for (i = 0; i < n; i++) {
		hdf_set_valuef(r->hdf, "Changes.%zu.field=%s", i, f[i].name);
		hdf_set_valuef(r->hdf, "Changes.%zu.value=%s", i, f[i].value);
		if (open)
			old_value(r, i, f[i].name);
	}
}

void ec_rep_type_options(struct req *r)
{
	list_options(r, "RepType", registry_rep_types, "ecustomer.rep_type");
}

void ec_options(struct req *r)
{
	list_options(r, "Voivodship", ec_voivodships, "ecustomer.voivodship");
	list_options(r, "LegalForm", ec_legal_forms, "ecustomer.legal_form");
	list_options(r, "DocType", doc_types, "ecustomer.doc_type");
	registry_authz_options(r->hdf, "Options.Authz", r->lang);
}

int ec_in_list(const char *const *list, const char *v)
{
	for (; v && *list; list++)
		if (strcmp(*list, v) == 0)
			return 1;
	return 0;
}

int ec_office_gate(struct req *r)
{
	int rc = registry_office_is(r->sess.unit_id);

	if (rc < 0)
		return -1;
	if (rc == 0) {
		resp_error(r, 403, "ec_not_office");
		return 0;
	}
	return 1;
}

int ec_company_gate(struct req *r, long long company, const char *const *codes,
		    long long *person)
{
	struct row row;
	int rc;

	*person = 0;
	rc = company ? registry_company_row(&r->arena, company, &row) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0) {
		resp_error(r, 404, "not_found");
		return 0;
	}
	rc = registry_person_of_account(r->sess.account_id, person);
	if (rc < 0)
		return -1;
	for (; rc == 1 && *codes; codes++) {
		int ok = registry_may_act(*person, company, *codes, NULL);

		if (ok < 0)
			return -1;
		if (ok)
			return 1;
	}
	resp_error(r, 403, "forbidden");
	return 0;
}

int ec_company_picture(struct req *r, long long company)
{
	if (registry_company_picture(r->hdf, "Company", company, r->lang) < 0 ||
	    registry_akcr_picture(r->hdf, "Company.0.Akcr", company) < 0)
		return -1;
	history_words(r, "Company.0.History");
	return 0;
}

void ec_urlencode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')
			buf_add(b, s, 1);
		else
			buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
}

int ec_change_submit(struct req *r, const char *kind, long long id,
		     const char *payload)
{
	struct registry_actor me = ec_actor(r);
	long long app;
	int rc;

	if (db_begin() < 0)
		return -1;
	/* One change of a subject at a time: a second one is refused with
	 * the reason, and nothing is stored. */
	rc = registry_change_submit(&me, kind, id, payload, &app);
	if (rc > APP_OK) {
		db_rollback();
		return ec_app_refused(r, rc);
	}
	if (rc < 0) {
		db_rollback();
		return -1;
	}
	return ec_app_submitted(
		r, app, arena_printf(&r->arena, "ecustomer.%s.submit", kind));
}

int ec_app_submitted(struct req *r, long long app, const char *action)
{
	if (ec_notify(r, app) ||
	    audit_log(r, action,
		      arena_printf(&r->arena, "application:%lld", app), NULL)) {
		db_rollback();
		return -1;
	}
	if (db_commit() < 0)
		return -1;
	return resp_redirect(
		r,
		arena_printf(&r->arena, "/ecustomer/applications/%lld", app));
}
