/* shared.c: what e-Customer's pages share: the signed-in person, the
 * company gate, history lines, status mails and the forms' lists */
#include "ecustomer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "outbox.h"
#include "registry.h"
#include "resp.h"
#include "route.h"
#include "view.h"

const char *const ec_voivodships[] = {
	"dolnoslaskie", "kujawsko_pomorskie", "lubelskie", "lubuskie",
	"lodzkie", "malopolskie", "mazowieckie", "opolskie", "podkarpackie",
	"podlaskie", "pomorskie", "slaskie", "swietokrzyskie",
	"warminsko_mazurskie", "wielkopolskie", "zachodniopomorskie", NULL,
};

const char *const ec_legal_forms[] = {
	"sp_zoo", "sa", "sj", "sk", "ska", "jdg", "coop", "foreign", NULL,
};

static const char *const doc_types[] = { "id_card", "passport", "residence",
					 NULL };

static struct sql q_my_person = SQL(
	"SELECT * FROM person WHERE account_id = ?");
static struct sql q_history = SQL(
	"INSERT INTO change_history (entity, entity_id, field, old_value,"
	" new_value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?,"
	" UTC_TIMESTAMP())");
/* The person's e-mail when the submitter registered one, else the
 * account's. */
static struct sql q_notify = SQL(
	"SELECT a.id, a.kind, a.status, a.reason,"
	" COALESCE(p.email, pa.email) AS email,"
	" CASE WHEN a.kind = 'person' THEN"
	"  (SELECT CONCAT(s.first_name, ' ', s.last_name) FROM person s"
	"   WHERE s.id = a.subject_id)"
	"  ELSE (SELECT c.name FROM company c WHERE c.id = a.subject_id)"
	" END AS subject"
	" FROM application a JOIN portal_account pa ON pa.id = a.submitted_by"
	" LEFT JOIN person p ON p.account_id = a.submitted_by"
	" WHERE a.id = ?");
static struct sql q_company_exists = SQL(
	"SELECT status FROM company WHERE id = ?");
static struct sql q_authz = SQL(
	"SELECT code, IF(? = 'en', name_en, name_pl) AS name FROM authorisation"
	" ORDER BY sort");
static struct sql q_company = SQL(
	"SELECT * FROM company WHERE id = ?");
static struct sql q_company_history = SQL(
	"SELECT field, old_value, new_value, changed_by, changed_at"
	" FROM change_history WHERE entity = 'company' AND entity_id = ?"
	" ORDER BY id DESC LIMIT 200");
/* Today's representatives, with the names of their authorisations. */
static struct sql q_reps_today = SQL(
	"SELECT r.id, r.valid_from, r.valid_to, r.rep_person_id, r.rep_company_id,"
	" COALESCE(CONCAT(p.first_name, ' ', p.last_name), g.name) AS who,"
	" COALESCE(p.id_sisc, g.id_sisc) AS who_sisc, g.eori AS who_eori,"
	" (SELECT GROUP_CONCAT(IF(? = 'en', au.name_en, au.name_pl)"
	"   ORDER BY au.sort SEPARATOR ', ')"
	"  FROM representation_authz ra JOIN authorisation au"
	"  ON au.code = ra.authz_code WHERE ra.representation_id = r.id)"
	" AS authz,"
	" (SELECT GROUP_CONCAT(ra.authz_code) FROM representation_authz ra"
	"  WHERE ra.representation_id = r.id) AS authz_codes"
	" FROM representation r LEFT JOIN person p ON p.id = r.rep_person_id"
	" LEFT JOIN company g ON g.id = r.rep_company_id"
	" WHERE r.company_id = ? AND r.valid_from <= UTC_DATE()"
	" AND (r.valid_to IS NULL OR r.valid_to > UTC_DATE())"
	" ORDER BY r.id");

long long ec_arg_id(struct req *r, int i)
{
	const char *s = i < r->nargs ? r->args[i] : NULL;
	char *end;
	long long v;

	if (!s || !*s || strlen(s) > 18 || *s < '0' || *s > '9')
		return 0;
	v = strtoll(s, &end, 10);
	return *end ? 0 : v;
}

int ec_my_person(struct req *r, struct row *p)
{
	return db_get(&r->arena, &q_my_person, p, "i", r->sess.account_id);
}

long long ec_office_for(const char *voivodship)
{
	/* The pilot's offices; everyone else goes to Olsztyn. */
	if (voivodship && strcmp(voivodship, "lubelskie") == 0)
		return 21;
	if (voivodship && strcmp(voivodship, "podlaskie") == 0)
		return 31;
	return 11;
}

int ec_history(struct req *r, const char *entity, long long id,
	       const char *field, const char *old_value,
	       const char *new_value)
{
	return db_exec(&q_history, "sissss", entity, id, field, old_value,
		       new_value, r->sess.name) < 0 ? -1 : 0;
}

int ec_notify(struct req *r, long long app_id)
{
	struct row row;

	if (db_get(&r->arena, &q_notify, &row, "i", app_id) != 1)
		return -1;
	hdf_set_value(r->hdf, "Mail.Id", row_get(&row, "id", ""));
	hdf_set_value(r->hdf, "Mail.Kind", row_get(&row, "kind", ""));
	hdf_set_value(r->hdf, "Mail.Status", row_get(&row, "status", ""));
	hdf_set_value(r->hdf, "Mail.Subject", row_get(&row, "subject", ""));
	hdf_set_value(r->hdf, "Mail.Reason", row_get(&row, "reason", ""));
	hdf_set_value(r->hdf, "Mail.Base", conf_get("Site.BaseUrl", ""));
	return outbox_put(r, row_get(&row, "email", ""),
			  "ecustomer.mail.subject", "mail/ecustomer_status.cs");
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

static struct sql q_app_person = SQL("SELECT * FROM person WHERE id = ?");
static struct sql q_app_company = SQL("SELECT * FROM company WHERE id = ?");
/* The office sees the subject's whole history; the applicant only what
 * happened since the application was made. */
static struct sql q_app_history_all = SQL(
	"SELECT entity, field, old_value, new_value, changed_by, changed_at"
	" FROM change_history WHERE (entity = 'application' AND entity_id = ?)"
	" OR (entity = ? AND entity_id = ?) ORDER BY id");
static struct sql q_app_history_since = SQL(
	"SELECT entity, field, old_value, new_value, changed_by, changed_at"
	" FROM change_history WHERE (entity = 'application' AND entity_id = ?)"
	" OR (entity = ? AND entity_id = ?"
	"  AND changed_at >= (SELECT created_at FROM application WHERE id = ?))"
	" ORDER BY id");

int ec_app_picture(struct req *r, const struct row *a, int since_application)
{
	long long id = row_int(a, "id", 0);
	long long subject = row_int(a, "subject_id", 0);
	const char *entity = strcmp(row_get(a, "kind", ""), "person") == 0
				     ? "person"
				     : "company";
	int rc;

	for (int i = 0; i < a->n; i++)
		if (a->v[i])
			hdf_set_valuef(r->hdf, "App.%s=%s", a->name[i], a->v[i]);
	if (db_select_hdf(strcmp(entity, "person") == 0 ? &q_app_person
							 : &q_app_company,
			  r->hdf, "Subject", "i", subject) < 0)
		return -1;
	rc = since_application
		     ? db_select_hdf(&q_app_history_since, r->hdf, "History",
				     "isii", id, entity, subject, id)
		     : db_select_hdf(&q_app_history_all, r->hdf, "History",
				     "isi", id, entity, subject);
	if (rc < 0)
		return -1;
	ec_show_payload(r, row_get(a, "payload", NULL));
	return 0;
}

void ec_show_payload(struct req *r, const char *payload)
{
	struct field *f = NULL;	/* the parser appends to f[0..n) */
	size_t n = 0, i;

	if (!payload || req_parse_urlencoded(&r->arena, payload,
					     strlen(payload), &f, &n))
		return;
	for (i = 0; i < n; i++) {
		hdf_set_valuef(r->hdf, "Changes.%zu.field=%s", i, f[i].name);
		hdf_set_valuef(r->hdf, "Changes.%zu.value=%s", i, f[i].value);
	}
}

void ec_options(struct req *r)
{
	list_options(r, "Voivodship", ec_voivodships, "ecustomer.voivodship");
	list_options(r, "LegalForm", ec_legal_forms, "ecustomer.legal_form");
	list_options(r, "DocType", doc_types, "ecustomer.doc_type");
	db_select_hdf(&q_authz, r->hdf, "Options.Authz", "s", r->lang);
}

int ec_in_list(const char *const *list, const char *v)
{
	for (; v && *list; list++)
		if (strcmp(*list, v) == 0)
			return 1;
	return 0;
}

int ec_company_gate(struct req *r, long long company, const char *const *codes,
		    long long *person)
{
	struct row row;
	int rc;

	*person = 0;
	rc = company ? db_get(&r->arena, &q_company_exists, &row, "i", company)
		     : 0;
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
	if (db_select_hdf(&q_company, r->hdf, "Company", "i", company) != 1 ||
	    db_select_hdf(&q_company_history, r->hdf, "Company.0.History", "i",
			  company) < 0 ||
	    db_select_hdf(&q_reps_today, r->hdf, "Company.0.Reps", "si",
			  r->lang, company) < 0)
		return -1;
	return 0;
}

void ec_urlencode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.')
			buf_add(b, s, 1);
		else
			buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
}

const char *ec_today(struct req *r)
{
	time_t t = time(NULL);
	struct tm tm;
	char *s = arena_alloc(&r->arena, 11);

	gmtime_r(&t, &tm);
	strftime(s, 11, "%Y-%m-%d", &tm);
	return s;
}
