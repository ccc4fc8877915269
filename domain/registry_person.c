/* registry_person.c: natural persons: their registration, look-ups by
 * account, id and ID SISC, possible duplicates for the office */
#include "registry_records.h"

#include <string.h>

#include "db_join.h"

const char *const registry_person_columns[PE__MAX] = {
	"first_name", "last_name",    "birth_date",    "country",
	"pesel",      "id_doc_type",  "id_doc_number", "voivodship",
	"county",     "municipality", "town",	       "postcode",
	"street",     "house_no",     "phone",	       "email",
	"scope",
};

static struct sql q_of_account = SQL(
	"SELECT * FROM person WHERE account_id = ?");
static struct sql q_get = SQL(
	"SELECT id, account_id, first_name, last_name, email, id_sisc, status"
	" FROM person"
	" WHERE id = ?");
/* One person per account (uq_person_account). */
static struct sql q_registration = SQL(
	"SELECT p.id, p.status, p.status = 'approved' AS approved, p.id_sisc,"
	" p.scope,"
	" (SELECT MAX(a.created_at) FROM application a"
	"  WHERE a.kind = 'person' AND a.subject_id = p.id) AS since"
	" FROM person p WHERE p.account_id = ?");
static struct sql q_insert = SQL(
	"INSERT INTO person (account_id, first_name, last_name, birth_date,"
	" country, pesel, id_doc_type, id_doc_number, voivodship, county,"
	" municipality, town, postcode, street, house_no, phone, email, scope,"
	" status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, 'submitted', UTC_TIMESTAMP())");
/* A rejected registration may be corrected and sent again; the ID SISC
 * is given only on approval, so nothing issued is touched. */
static struct sql q_resubmit = SQL(
	"UPDATE person SET first_name = ?, last_name = ?, birth_date = ?,"
	" country = ?, pesel = ?, id_doc_type = ?, id_doc_number = ?,"
	" voivodship = ?, county = ?, municipality = ?, town = ?, postcode = ?,"
	" street = ?, house_no = ?, phone = ?, email = ?, scope = ?,"
	" status = 'submitted' WHERE id = ? AND status = 'rejected'");
static struct sql q_by_sisc = SQL("SELECT id FROM person WHERE id_sisc = ?");
static struct sql q_names = SQL(
	"SELECT p.id, p.id_sisc, p.first_name, p.last_name"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN person p ON p.id = j.id");
static struct sql q_dups = SQL(
	"SELECT id, CONCAT(first_name, ' ', last_name) AS name, id_sisc, status,"
	" pesel = ? AS m_pesel, email = ? AS m_email,"
	" id_doc_number = ? AS m_id_doc_number"
	" FROM person WHERE id <> ? AND (pesel = ? OR email = ?"
	" OR id_doc_number = ?) ORDER BY id LIMIT 20");

int registry_person_of(struct arena *ar, long long account, struct row *p)
{
	return db_get(ar, &q_of_account, p, "i", account);
}

int registry_registration_of(struct arena *a, long long account_id,
			     struct row *out)
{
	return db_get(a, &q_registration, out, "i", account_id);
}

int registry_person_get(struct arena *ar, long long id, struct row *p)
{
	return db_get(ar, &q_get, p, "i", id);
}

int registry_person_submit(const struct registry_actor *applicant,
			   const char *const v[PE__MAX], long long resubmit,
			   long long *app)
{
	long long id = resubmit;

	if (resubmit) {
		if (db_exec(&q_resubmit, "sssssssssssssssssi", v[PE_FIRST],
			    v[PE_LAST], v[PE_BIRTH], v[PE_COUNTRY], v[PE_PESEL],
			    v[PE_DOCTYPE], v[PE_DOCNO], v[PE_VOIV],
			    v[PE_COUNTY], v[PE_MUNI], v[PE_TOWN],
			    v[PE_POSTCODE], v[PE_STREET], v[PE_HOUSE],
			    v[PE_PHONE], v[PE_EMAIL], v[PE_SCOPE], id) != 1)
			return -1;
	} else {
		if (db_exec(&q_insert, "isssssssssssssssss", applicant->id,
			    v[PE_FIRST], v[PE_LAST], v[PE_BIRTH], v[PE_COUNTRY],
			    v[PE_PESEL], v[PE_DOCTYPE], v[PE_DOCNO], v[PE_VOIV],
			    v[PE_COUNTY], v[PE_MUNI], v[PE_TOWN],
			    v[PE_POSTCODE], v[PE_STREET], v[PE_HOUSE],
			    v[PE_PHONE], v[PE_EMAIL], v[PE_SCOPE]) != 1)
			return -1;
		id = db_insert_id(&q_insert);
	}
	if (registry_app_submit(applicant, "person", id, NULL, app) < 0)
		return -1;
	return registry_history(applicant, "person", id, "status",
				resubmit ? "rejected" : NULL, "submitted");
}

int registry_person_by_sisc(const char *sisc, long long *id)
{
	struct arena a = { 0 };
	struct row row;
	int rc = db_get(&a, &q_by_sisc, &row, "s", sisc);

	if (rc == 1)
		*id = row_int(&row, "id", 0);
	arena_reset(&a);
	return rc;
}

int registry_person_names_hdf(HDF *hdf, const char *prefix, const char *key)
{
	return db_join_hdf(&q_names, hdf, prefix, key, NULL) < 0 ? -1 : 0;
}

int registry_person_dups(HDF *hdf, const char *prefix, long long person,
			 const char *pesel, const char *email, const char *doc)
{
	return db_select_hdf(&q_dups, hdf, prefix, "sssisss", pesel, email, doc,
			     person, pesel, email, doc);
}
