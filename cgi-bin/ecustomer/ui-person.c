/* ui-person.c: registering the account holder as a natural person */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "form.h"
#include "resp.h"
#include "valid.h"
#include "view.h"

enum {
	P_FIRST, P_LAST, P_BIRTH, P_COUNTRY, P_PESEL, P_DOCTYPE, P_DOCNO,
	P_VOIV, P_COUNTY, P_MUNI, P_TOWN, P_POSTCODE, P_STREET, P_HOUSE,
	P_PHONE, P_EMAIL, P_SCOPE, P__MAX
};

static int check_date(const char *v)
{
	return valid_date(v, NULL, NULL, NULL);
}

static int check_text(const char *v)
{
	return valid_text(v, 200);
}

/* Letters and digits: what identity documents carry. */
static int check_docno(const char *v)
{
	size_t n = strlen(v), i;

	for (i = 0; i < n; i++)
		if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= '0' && v[i] <= '9')))
			return 0;
	return n >= 5 && n <= 20;
}

static int check_voiv(const char *v)
{
	return ec_in_list(ec_voivodships, v);
}

static int check_doctype(const char *v)
{
	return strcmp(v, "id_card") == 0 || strcmp(v, "passport") == 0 ||
	       strcmp(v, "residence") == 0;
}

static int check_scope(const char *v)
{
	return strcmp(v, "basic") == 0 || strcmp(v, "extended") == 0;
}

static const struct param params[P__MAX] = {
	{ "first_name", P_REQUIRED, 100, NULL, check_text, NULL },	/* P_FIRST */
	{ "last_name", P_REQUIRED, 100, NULL, check_text, NULL },	/* P_LAST */
	{ "birth_date", P_REQUIRED, 10, NULL, check_date, "date" },	/* P_BIRTH */
	{ "country", P_REQUIRED, 2, valid_normalise_id, valid_country, "country" }, /* P_COUNTRY */
	{ "pesel", 0, 11, valid_normalise_id, valid_pesel, "pesel" },	/* P_PESEL */
	{ "id_doc_type", 0, 16, NULL, check_doctype, NULL },		/* P_DOCTYPE */
	{ "id_doc_number", 0, 20, valid_normalise_id, check_docno, "ec_doc_number" }, /* P_DOCNO */
	{ "voivodship", 0, 32, NULL, check_voiv, NULL },		/* P_VOIV */
	{ "county", 0, 100, NULL, check_text, NULL },			/* P_COUNTY */
	{ "municipality", 0, 100, NULL, check_text, NULL },		/* P_MUNI */
	{ "town", P_REQUIRED, 100, NULL, check_text, NULL },		/* P_TOWN */
	{ "postcode", P_REQUIRED, 12, NULL, check_text, NULL },		/* P_POSTCODE */
	{ "street", 0, 150, NULL, check_text, NULL },			/* P_STREET */
	{ "house_no", P_REQUIRED, 20, NULL, check_text, NULL },		/* P_HOUSE */
	{ "phone", P_REQUIRED, 20, NULL, valid_phone, "phone" },	/* P_PHONE */
	{ "email", P_REQUIRED, 254, NULL, valid_email, "email" },	/* P_EMAIL */
	{ "scope", P_REQUIRED, 8, NULL, check_scope, NULL },		/* P_SCOPE */
};

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
static struct sql q_app = SQL(
	"INSERT INTO application (kind, subject_id, submitted_by, status,"
	" office_unit_id, created_at) VALUES ('person', ?, ?, 'submitted', ?,"
	" UTC_TIMESTAMP())");
static struct sql q_account = SQL(
	"SELECT first_name, last_name, country, phone, email"
	" FROM portal_account WHERE id = ?");

static void show_person(struct req *r, const struct row *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		if (p->v[i])
			hdf_set_valuef(r->hdf, "Person.%s=%s", p->name[i],
				       p->v[i]);
}

static int render(struct req *r, int status)
{
	ec_options(r);
	return view_render(r, status, "ecustomer/person.cs");
}

int person_form_fn(struct req *r)
{
	struct row p, a;
	int rc = ec_my_person(r, &p);

	if (rc < 0)
		return -1;
	if (rc == 1) {
		show_person(r, &p);
		if (strcmp(row_get(&p, "status", ""), "rejected") != 0)
			return render(r, 200);
		/* Offer the rejected data again for correction. */
		for (int i = 0; i < P__MAX; i++) {
			const char *v = row_get(&p, params[i].name, NULL);

			if (v)
				hdf_set_valuef(r->hdf, "Form.%s=%s",
					       params[i].name, v);
		}
		return render(r, 200);
	}
	/* Start from what the account already says. */
	if (db_get(&r->arena, &q_account, &a, "i", r->sess.account_id) == 1)
		for (int i = 0; i < a.n; i++)
			if (a.v[i])
				hdf_set_valuef(r->hdf, "Form.%s=%s", a.name[i],
					       a.v[i]);
	hdf_set_value(r->hdf, "Form.scope", "basic");
	return render(r, 200);
}

/* The rules between fields: a Polish resident gives a PESEL that agrees
 * with the birth date and a voivodship; anyone else an identity
 * document. */
static int cross_check(struct req *r, const char **v)
{
	int errors = 0;

	if (!v[P_COUNTRY] || !v[P_BIRTH])
		return 0;
	if (strcmp(v[P_COUNTRY], "PL") == 0) {
		int y, m, d, by, bm, bd;

		if (!v[P_PESEL] && !hdf_get_value(r->hdf, "Form.pesel.Error",
						  NULL)) {
			view_field_error(r, "pesel", "err.ec_pesel_required");
			errors++;
		} else if (v[P_PESEL] &&
			   valid_pesel_birthdate(v[P_PESEL], &y, &m, &d) &&
			   valid_date(v[P_BIRTH], &by, &bm, &bd) &&
			   (y != by || m != bm || d != bd)) {
			view_field_error(r, "pesel", "err.ec_pesel_birth");
			errors++;
		}
		if (!v[P_VOIV] && !hdf_get_value(r->hdf, "Form.voivodship.Error",
						 NULL)) {
			view_field_error(r, "voivodship", "err.required");
			errors++;
		}
		if (!valid_postcode_pl(v[P_POSTCODE] ? v[P_POSTCODE] : "") &&
		    !hdf_get_value(r->hdf, "Form.postcode.Error", NULL)) {
			view_field_error(r, "postcode", "err.postcode");
			errors++;
		}
	} else {
		if (!v[P_DOCTYPE] && !hdf_get_value(r->hdf,
						    "Form.id_doc_type.Error", NULL)) {
			view_field_error(r, "id_doc_type", "err.ec_doc_required");
			errors++;
		}
		if (!v[P_DOCNO] && !hdf_get_value(r->hdf,
						  "Form.id_doc_number.Error", NULL)) {
			view_field_error(r, "id_doc_number", "err.ec_doc_required");
			errors++;
		}
	}
	if (errors)
		hdf_set_int_value(r->hdf, "Page.FormErrors", errors);
	return errors;
}

int person_submit_fn(struct req *r)
{
	const char *v[P__MAX];
	struct row p;
	long long id, app;
	int rc, bad;

	rc = ec_my_person(r, &p);
	if (rc < 0)
		return -1;
	if (rc == 1 && strcmp(row_get(&p, "status", ""), "rejected") != 0) {
		show_person(r, &p);
		hdf_set_value(r->hdf, "Page.Error",
			      view_text(r, "err.ec_person_exists"));
		return render(r, 409);
	}
	bad = form_read(r, params, P__MAX, v);
	bad += cross_check(r, v);
	if (bad)
		return render(r, 422);
	/* Only what fits the person's case is kept. */
	if (strcmp(v[P_COUNTRY], "PL") == 0)
		v[P_DOCTYPE] = v[P_DOCNO] = NULL;
	else
		v[P_PESEL] = NULL;

	if (db_begin() < 0)
		return -1;
	if (rc == 1) {
		id = row_int(&p, "id", 0);
		if (db_exec(&q_resubmit, "sssssssssssssssssi", v[P_FIRST],
			    v[P_LAST], v[P_BIRTH], v[P_COUNTRY], v[P_PESEL],
			    v[P_DOCTYPE], v[P_DOCNO], v[P_VOIV], v[P_COUNTY],
			    v[P_MUNI], v[P_TOWN], v[P_POSTCODE], v[P_STREET],
			    v[P_HOUSE], v[P_PHONE], v[P_EMAIL], v[P_SCOPE],
			    id) != 1)
			goto fail;
	} else {
		if (db_exec(&q_insert, "isssssssssssssssss",
			    r->sess.account_id, v[P_FIRST], v[P_LAST],
			    v[P_BIRTH], v[P_COUNTRY], v[P_PESEL], v[P_DOCTYPE],
			    v[P_DOCNO], v[P_VOIV], v[P_COUNTY], v[P_MUNI],
			    v[P_TOWN], v[P_POSTCODE], v[P_STREET], v[P_HOUSE],
			    v[P_PHONE], v[P_EMAIL], v[P_SCOPE]) != 1)
			goto fail;
		id = db_insert_id(&q_insert);
	}
	if (db_exec(&q_app, "iii", id, r->sess.account_id,
		    ec_office_for(v[P_VOIV])) != 1)
		goto fail;
	app = db_insert_id(&q_app);
	if (ec_history(r, "application", app, "status", NULL, "submitted") ||
	    ec_history(r, "person", id, "status", rc == 1 ? "rejected" : NULL,
		       "submitted") ||
	    ec_notify(r, app) ||
	    audit_log(r, "ecustomer.person.submit",
		      arena_printf(&r->arena, "application:%lld", app), NULL))
		goto fail;
	if (db_commit() < 0)
		return -1;
	return resp_redirect(r, arena_printf(&r->arena,
					     "/ecustomer/applications/%lld", app));
fail:
	db_rollback();
	return -1;
}
