/* registry_company.c: companies: their registration, data, history and
 * possible duplicates for the office */
#include "registry_records.h"

#include <stdio.h>

const char *const registry_company_columns[CO__MAX] = {
	"name",		 "legal_form",	  "nip",
	"regon",	 "country",	  "voivodship",
	"town",		 "postcode",	  "street",
	"house_no",	 "iban",	  "main_activity",
	"contact_email", "contact_phone", "publish_eori_data",
};

static struct sql q_row = SQL("SELECT * FROM company WHERE id = ?");
static struct sql q_insert = SQL(
	"INSERT INTO company (name, legal_form, nip, regon, country, voivodship,"
	" town, postcode, street, house_no, iban, main_activity, contact_email,"
	" contact_phone, publish_eori_data, eori_requested, status, created_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted',"
	" UTC_TIMESTAMP())");
static struct sql q_history = SQL(
	"SELECT field, old_value, new_value, changed_by, changed_at"
	" FROM change_history WHERE entity = 'company' AND entity_id = ?"
	" ORDER BY id DESC LIMIT 200");
static struct sql q_dups = SQL(
	"SELECT id, name, id_sisc, eori, status,"
	" nip = ? AS m_nip, regon = ? AS m_regon,"
	" contact_email = ? AS m_contact_email"
	" FROM company WHERE id <> ? AND (nip = ? OR regon = ?"
	" OR contact_email = ?) ORDER BY id LIMIT 20");

int registry_company_row(struct arena *ar, long long id, struct row *c)
{
	return db_get(ar, &q_row, c, "i", id);
}

int registry_company_submit(const struct registry_actor *applicant,
			    const char *const v[CO__MAX], int eori_requested,
			    const char *akcr, long long *app)
{
	long long id;

	if (db_exec(&q_insert, "ssssssssssssssii", v[CO_NAME], v[CO_FORM],
		    v[CO_NIP], v[CO_REGON], v[CO_COUNTRY], v[CO_VOIV],
		    v[CO_TOWN], v[CO_POSTCODE], v[CO_STREET], v[CO_HOUSE],
		    v[CO_IBAN], v[CO_ACTIVITY], v[CO_EMAIL], v[CO_PHONE],
		    (long long)(v[CO_PUBLISH] != NULL),
		    (long long)(eori_requested != 0)) != 1)
		return -1;
	id = db_insert_id(&q_insert);
	if (registry_app_submit(applicant, "company", id, akcr, app) < 0)
		return -1;
	return registry_history(applicant, "company", id, "status", NULL,
				"submitted");
}

int registry_company_picture(HDF *hdf, const char *prefix, long long id,
			     const char *lang)
{
	char at[96];

	if (db_select_hdf(&q_row, hdf, prefix, "i", id) != 1)
		return -1;
	snprintf(at, sizeof(at), "%s.0.History", prefix);
	if (db_select_hdf(&q_history, hdf, at, "i", id) < 0)
		return -1;
	snprintf(at, sizeof(at), "%s.0.Reps", prefix);
	return registry_reps_hdf(hdf, at, id, lang, 0) < 0 ? -1 : 0;
}

int registry_company_dups(HDF *hdf, const char *prefix, long long company,
			  const char *nip, const char *regon, const char *email)
{
	return db_select_hdf(&q_dups, hdf, prefix, "sssisss", nip, regon, email,
			     company, nip, regon, email);
}

/* Registered: approved in e-Customer (when its EORI became valid). */
static struct sql q_age = SQL(
	"SELECT TIMESTAMPDIFF(DAY, approved_at, UTC_TIMESTAMP()) AS d"
	" FROM company WHERE id = ? AND approved_at IS NOT NULL");

int registry_company_age(long long id, long long *days)
{
	struct arena ar = { 0 };
	struct row row;
	int rc = db_get(&ar, &q_age, &row, "i", id);

	if (rc == 1)
		*days = row_int(&row, "d", 0);
	arena_reset(&ar);
	return rc;
}
