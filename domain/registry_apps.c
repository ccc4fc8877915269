/* registry_apps.c: applications: submitting, reading, the office's queue
 * and taking one (deciding is registry_decide.c) */
#include "registry_int.h"

#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "registry_records.h"

#define SUBJECT_NAME                                                      \
	" CASE WHEN a.kind IN ('person', 'person_update') THEN"           \
	"  (SELECT CONCAT(p.first_name, ' ', p.last_name) FROM person p"  \
	"   WHERE p.id = a.subject_id)"                                   \
	"  ELSE (SELECT c.name FROM company c WHERE c.id = a.subject_id)" \
	" END AS subject"

/* To the one-stop-shop as it is configured when the row is written
 * (registry_office.c): an application never looks at the applicant's
 * voivodship. */
static struct sql q_submit = SQL(
	"INSERT INTO application (kind, subject_id, submitted_by, status,"
	" payload, office_unit_id, created_at) SELECT ?, ?, ?, 'submitted',"
	" ?, o.unit_id, UTC_TIMESTAMP() FROM registry_office o WHERE o.id = 1");
/* The office sees everything about an application but the names of the
 * people (accounts, staff) and of the office, which their owners give. */
static struct sql q_office_row = SQL(
	"SELECT a.id, a.kind, a.subject_id, a.status, a.reason, a.payload,"
	" a.created_at, a.decided_at, a.assigned_to, a.decided_by,"
	" a.submitted_by, a.office_unit_id," SUBJECT_NAME
	" FROM application a WHERE a.id = ?");
/* Someone else's application is not found: 404, not 403, so ids tell
 * nothing. */
static struct sql q_own_row = SQL(
	"SELECT a.id, a.kind, a.subject_id, a.status, a.reason, a.payload,"
	" a.created_at, a.decided_at," SUBJECT_NAME
	" FROM application a WHERE a.id = ? AND a.submitted_by = ?");
static struct sql q_rules = SQL(
	"SELECT id, kind, subject_id, status, assigned_to, submitted_by, payload"
	" FROM application WHERE id = ?");
/* Only the application's row is locked: the decision's own statements
 * lock what they change. */
static struct sql q_lock = SQL(
	"SELECT id, kind, subject_id, status, assigned_to, submitted_by, payload"
	" FROM application WHERE id = ? FOR UPDATE");
static struct sql q_person_email = SQL(
	"SELECT email FROM person WHERE account_id = ?");
static struct sql q_mine = SQL(
	"SELECT a.id, a.kind, a.status, a.reason, a.created_at, a.decided_at," SUBJECT_NAME
	" FROM application a WHERE a.submitted_by = ? ORDER BY a.id DESC");
/* Oldest first: the office works in the order people asked. */
static struct sql q_queue = SQL(
	"SELECT a.id, a.kind, a.status, a.created_at, a.office_unit_id,"
	" a.assigned_to," SUBJECT_NAME " FROM application a"
	" WHERE (? = 'all' OR (? = 'open' AND a.status IN"
	"  ('submitted', 'under_review')) OR a.status = ?)"
	" AND (? IS NULL OR a.kind = ?)"
	" AND (? IS NULL OR a.created_at >= ?)"
	" AND (? IS NULL OR a.created_at < CAST(? AS DATE) + INTERVAL 1 DAY)"
	" AND (? IS NULL OR a.office_unit_id = ?)"
	" ORDER BY a.created_at, a.id LIMIT 500");
static struct sql q_person = SQL("SELECT * FROM person WHERE id = ?");
static struct sql q_company = SQL("SELECT * FROM company WHERE id = ?");
/* The office sees the subject's whole history; the applicant only what
 * happened since the application was made. A decision writes the same
 * status to the application and to its subject in one moment: the
 * subject's copy is left out, so "submitted" or "approved" shows once. */
#define NOT_THE_APPLICATIONS_OWN                                      \
	"  AND NOT EXISTS (SELECT 1 FROM change_history x"            \
	"   WHERE x.entity = 'application' AND x.entity_id = a_id.id" \
	"   AND x.field = h.field AND x.new_value <=> h.new_value"    \
	"   AND x.changed_at = h.changed_at)"
static struct sql q_history_all = SQL(
	"SELECT h.entity, h.field, h.old_value, h.new_value, h.changed_by,"
	" h.changed_at FROM (SELECT ? AS id) a_id JOIN change_history h"
	" WHERE (h.entity = 'application' AND h.entity_id = a_id.id)"
	" OR (h.entity = ? AND h.entity_id = ?" NOT_THE_APPLICATIONS_OWN ")"
	" ORDER BY h.id");
static struct sql q_history_since = SQL(
	"SELECT h.entity, h.field, h.old_value, h.new_value, h.changed_by,"
	" h.changed_at FROM (SELECT ? AS id) a_id JOIN change_history h"
	" WHERE (h.entity = 'application' AND h.entity_id = a_id.id)"
	" OR (h.entity = ? AND h.entity_id = ?" NOT_THE_APPLICATIONS_OWN
	"  AND h.changed_at >= (SELECT created_at FROM application"
	"   WHERE id = a_id.id))"
	" ORDER BY h.id");
static struct sql q_mail = SQL(
	"SELECT a.id, a.kind, a.status, a.reason, a.submitted_by, a.subject_id,"
	" p.email AS person_email," SUBJECT_NAME
	" FROM application a LEFT JOIN person p ON p.account_id = a.submitted_by"
	" WHERE a.id = ?");
static struct sql q_take = SQL(
	"UPDATE application SET assigned_to = ?, status = 'under_review'"
	" WHERE id = ?");
static struct sql q_review_person = SQL(
	"UPDATE person SET status = 'under_review' WHERE id = ?"
	" AND status = 'submitted'");
static struct sql q_review_company = SQL(
	"UPDATE company SET status = 'under_review' WHERE id = ?"
	" AND status = 'submitted'");

int registry_app_submit(const struct registry_actor *applicant,
			const char *kind, long long subject,
			const char *payload, long long *id)
{
	if (db_exec(&q_submit, "siis", kind, subject, applicant->id, payload) !=
	    1)
		return -1;
	*id = db_insert_id(&q_submit);
	return registry_history(applicant, "application", *id, "status", NULL,
				"submitted");
}

int registry_app_row(struct arena *ar, long long id, long long account,
		     struct row *row)
{
	if (account > 0)
		return db_get(ar, &q_own_row, row, "ii", id, account);
	return db_get(ar, &q_office_row, row, "i", id);
}

/* The application of q (q_rules or q_lock) into a. */
static int load(struct arena *ar, struct sql *q, long long id, struct app *a,
		const char **payload)
{
	struct row row, person, acc;
	int rc;

	memset(a, 0, sizeof(*a));
	rc = db_get(ar, q, &row, "i", id);
	if (rc <= 0)
		return rc;
	a->id = row_int(&row, "id", 0);
	a->subject_id = row_int(&row, "subject_id", 0);
	a->submitted_by = row_int(&row, "submitted_by", 0);
	a->assigned_to = row_int(&row, "assigned_to", 0);
	a->kind = row_get(&row, "kind", "");
	a->status = row_get(&row, "status", "");
	if (payload)
		*payload = row_get(&row, "payload", NULL);
	rc = db_get(ar, &q_person_email, &person, "i", a->submitted_by);
	if (rc == 1)
		a->person_email = row_get(&person, "email", NULL);
	if (rc >= 0)
		rc = accounts_contact(ar, a->submitted_by, &acc);
	if (rc < 0)
		return -1;
	if (rc == 1)
		a->account_email = row_get(&acc, "email", NULL);
	return 1;
}

int registry_app_get(struct arena *ar, long long id, struct app *a)
{
	return load(ar, &q_rules, id, a, NULL);
}

int registry_app_lock(struct arena *ar, long long id, struct app *a,
		      const char **payload)
{
	return load(ar, &q_lock, id, a, payload);
}

int registry_apps_of(HDF *hdf, const char *prefix, long long account)
{
	return db_select_hdf(&q_mine, hdf, prefix, "i", account);
}

int registry_app_queue(HDF *hdf, const char *prefix, const char *status,
		       const char *kind, const char *from, const char *to,
		       const char *office)
{
	return db_select_hdf(&q_queue, hdf, prefix, "sssssssssss", status,
			     status, status, kind, kind, from, from, to, to,
			     office, office);
}

int registry_app_picture(HDF *hdf, long long id, const char *kind,
			 long long subject, int since_application)
{
	const char *entity = app_subject_entity(kind);
	int rc;

	if (db_select_hdf(strcmp(entity, "person") == 0 ? &q_person
							: &q_company,
			  hdf, "Subject", "i", subject) < 0)
		return -1;
	rc = since_application ? db_select_hdf(&q_history_since, hdf, "History",
					       "isi", id, entity, subject)
			       : db_select_hdf(&q_history_all, hdf, "History",
					       "isi", id, entity, subject);
	return rc < 0 ? -1 : 0;
}

int registry_app_mail(struct arena *ar, long long id, struct app_mail *m)
{
	struct row row, acc;

	memset(m, 0, sizeof(*m));
	if (db_get(ar, &q_mail, &row, "i", id) != 1)
		return -1;
	m->id = row_get(&row, "id", "");
	m->kind = row_get(&row, "kind", "");
	m->status = row_get(&row, "status", "");
	m->reason = row_get(&row, "reason", "");
	m->subject = row_get(&row, "subject", "");
	m->account = row_int(&row, "submitted_by", 0);
	m->subject_id = row_int(&row, "subject_id", 0);
	/* The person's e-mail when the submitter registered one, else the
	 * account's; in the language the submitter's account reads. */
	if (accounts_contact(ar, row_int(&row, "submitted_by", 0), &acc) != 1)
		return -1;
	m->email = row_get(&row, "person_email", NULL);
	if (!m->email)
		m->email = row_get(&acc, "email", "");
	m->lang = row_get(&acc, "lang", NULL);
	return 0;
}

int registry_app_take(struct arena *ar, long long id,
		      const struct registry_actor *officer, struct app *a,
		      int *moved)
{
	enum app_verdict v;
	int rc = registry_app_lock(ar, id, a, NULL);

	*moved = 0;
	if (rc <= 0)
		return rc < 0 ? -1 : APP_NOT_FOUND;
	v = app_may_take(a, officer);
	if (v != APP_OK)
		return v;
	if (db_exec(&q_take, "ii", officer->id, id) < 0)
		return -1;
	if (strcmp(a->status, "submitted") != 0)
		return APP_OK; /* taken again: nothing moves */
	if ((strcmp(a->kind, "person") == 0 &&
	     db_exec(&q_review_person, "i", a->subject_id) < 0) ||
	    (strcmp(a->kind, "company") == 0 &&
	     db_exec(&q_review_company, "i", a->subject_id) < 0) ||
	    registry_history(officer, "application", id, "status", "submitted",
			     "under_review") < 0)
		return -1;
	*moved = 1;
	return APP_OK;
}
