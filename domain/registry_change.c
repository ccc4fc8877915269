/* registry_change.c: keeping approved data current (issue 18): a person's
 * or a company's change of data is an application the office approves;
 * nothing changes before, and one change of a subject waits at a time */
#include "registry_int.h"

#include <string.h>

#include "registry_records.h"
#include "req.h"

/* What an approved person may change through the office: the address and
 * the contacts. Name, birth date, PESEL and document stay as registered. */
static const enum person_field person_fields[] = {
	PE_VOIV,   PE_COUNTY, PE_MUNI,	PE_TOWN,  PE_POSTCODE,
	PE_STREET, PE_HOUSE,  PE_PHONE, PE_EMAIL,
};
#define NPERSON (sizeof(person_fields) / sizeof(person_fields[0]))

/* The subject's row, locked: two submissions of one subject queue up
 * here, so the second sees the first one's application. */
static struct sql q_lock_person = SQL(
	"SELECT status FROM person WHERE id = ? FOR UPDATE");
static struct sql q_lock_company = SQL(
	"SELECT status FROM company WHERE id = ? FOR UPDATE");
/* The kinds that change one subject's data: a person's, or a company's
 * (its change and its deactivation exclude each other too). */
static struct sql q_pending_person = SQL(
	"SELECT id FROM application WHERE kind = 'person_update'"
	" AND subject_id = ? AND status IN ('submitted', 'under_review')"
	" ORDER BY id LIMIT 1");
static struct sql q_pending_company = SQL(
	"SELECT id FROM application"
	" WHERE kind IN ('company_update', 'company_deactivation')"
	" AND subject_id = ? AND status IN ('submitted', 'under_review')"
	" ORDER BY id LIMIT 1");
static struct sql q_person_row = SQL(
	"SELECT * FROM person WHERE id = ? FOR UPDATE");
/* Every column is given twice: NULL keeps it, "" clears an optional one. */
static struct sql q_person_update = SQL(
	"UPDATE person SET"
	" voivodship = IF(? IS NULL, voivodship, NULLIF(?, '')),"
	" county = IF(? IS NULL, county, NULLIF(?, '')),"
	" municipality = IF(? IS NULL, municipality, NULLIF(?, '')),"
	" town = IF(? IS NULL, town, ?),"
	" postcode = IF(? IS NULL, postcode, ?),"
	" street = IF(? IS NULL, street, NULLIF(?, '')),"
	" house_no = IF(? IS NULL, house_no, ?),"
	" phone = IF(? IS NULL, phone, ?),"
	" email = IF(? IS NULL, email, ?)"
	" WHERE id = ? AND status = 'approved'");

static struct sql q_person_history = SQL(
	"SELECT field, old_value, new_value, changed_by, changed_at"
	" FROM change_history WHERE entity = 'person' AND entity_id = ?"
	" ORDER BY id");

int registry_person_history(HDF *hdf, const char *prefix, long long id)
{
	return db_select_hdf(&q_person_history, hdf, prefix, "i", id);
}

static int is_person(const char *kind)
{
	return strcmp(kind, "person_update") == 0;
}

long long registry_change_pending(const char *kind, long long subject)
{
	struct arena a = { 0 };
	struct row row;
	long long id;
	int rc;

	rc = db_get(&a,
		    is_person(kind) ? &q_pending_person : &q_pending_company,
		    &row, "i", subject);
	id = rc == 1 ? row_int(&row, "id", 0) : rc;
	arena_reset(&a);
	return id;
}

int registry_change_submit(const struct registry_actor *applicant,
			   const char *kind, long long subject,
			   const char *payload, long long *id)
{
	struct arena a = { 0 };
	struct row row;
	long long pending;
	int rc = -1;

	if (db_get(&a, is_person(kind) ? &q_lock_person : &q_lock_company, &row,
		   "i", subject) != 1)
		goto out;
	/* Only approved data is kept current: a registration still waiting
	 * is corrected by its own application. */
	if (strcmp(row_get(&row, "status", ""), "approved") != 0) {
		rc = APP_NOT_ACTIVE;
		goto out;
	}
	pending = registry_change_pending(kind, subject);
	if (pending < 0)
		goto out;
	if (pending > 0) {
		*id = pending;
		rc = APP_PENDING;
		goto out;
	}
	rc = registry_app_submit(applicant, kind, subject, payload, id) < 0
		     ? -1
		     : APP_OK;
out:
	arena_reset(&a);
	return rc;
}

int registry_person_apply(struct arena *ar, const struct registry_actor *by,
			  long long id, const char *payload)
{
	const char *nv[PE__MAX] = { 0 };
	struct field *f = NULL; /* the parser appends to f[0..n) */
	struct row p;
	size_t n = 0, i, k;

	if (!payload ||
	    req_parse_urlencoded(ar, payload, strlen(payload), &f, &n) ||
	    db_get(ar, &q_person_row, &p, "i", id) != 1)
		return -1;
	if (!registry_person_is_approved(row_get(&p, "status", NULL)))
		return APP_NOT_ACTIVE;
	for (i = 0; i < n; i++)
		for (k = 0; k < NPERSON; k++)
			if (!strcmp(f[i].name,
				    registry_person_columns[person_fields[k]]))
				nv[person_fields[k]] = f[i].value;
	if (db_exec(&q_person_update, "ssssssssssssssssssi", nv[PE_VOIV],
		    nv[PE_VOIV], nv[PE_COUNTY], nv[PE_COUNTY], nv[PE_MUNI],
		    nv[PE_MUNI], nv[PE_TOWN], nv[PE_TOWN], nv[PE_POSTCODE],
		    nv[PE_POSTCODE], nv[PE_STREET], nv[PE_STREET], nv[PE_HOUSE],
		    nv[PE_HOUSE], nv[PE_PHONE], nv[PE_PHONE], nv[PE_EMAIL],
		    nv[PE_EMAIL], id) < 0)
		return -1;
	for (k = 0; k < NPERSON; k++) {
		const char *col = registry_person_columns[person_fields[k]];
		const char *old = row_get(&p, col, NULL);
		const char *v = nv[person_fields[k]];

		if (v && strcmp(old ? old : "", v) != 0 &&
		    registry_history(by, "person", id, col, old, v))
			return -1;
	}
	return APP_OK;
}
