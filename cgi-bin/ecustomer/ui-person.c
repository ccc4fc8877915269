/* ui-person.c: registering the account holder as a natural person */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "audit.h"
#include "form.h"
#include "registry_records.h"
#include "resp.h"
#include "valid.h"
#include "view.h"

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
		if (!((v[i] >= 'A' && v[i] <= 'Z') ||
		      (v[i] >= '0' && v[i] <= '9')))
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

/* Named as the registry's columns (registry_person_columns); the change
 * of an approved person's data (ui-person-change.c) reads its part. */
const struct param ec_person_params[PE__MAX] = {
	{ "first_name", P_REQUIRED, 100, NULL, check_text,
	  NULL },						  /* PE_FIRST */
	{ "last_name", P_REQUIRED, 100, NULL, check_text, NULL }, /* PE_LAST */
	{ "birth_date", P_REQUIRED, 10, NULL, check_date,
	  "date" }, /* PE_BIRTH */
	{ "country", P_REQUIRED, 2, valid_normalise_id, valid_country,
	  "country" }, /* PE_COUNTRY */
	{ "pesel", 0, 11, valid_normalise_id, valid_pesel,
	  "pesel" },					     /* PE_PESEL */
	{ "id_doc_type", 0, 16, NULL, check_doctype, NULL }, /* PE_DOCTYPE */
	{ "id_doc_number", 0, 20, valid_normalise_id, check_docno,
	  "ec_doc_number" },				     /* PE_DOCNO */
	{ "voivodship", 0, 32, NULL, check_voiv, NULL },     /* PE_VOIV */
	{ "county", 0, 100, NULL, check_text, NULL },	     /* PE_COUNTY */
	{ "municipality", 0, 100, NULL, check_text, NULL },  /* PE_MUNI */
	{ "town", P_REQUIRED, 100, NULL, check_text, NULL }, /* PE_TOWN */
	{ "postcode", P_REQUIRED, 12, NULL, check_text,
	  NULL },				      /* PE_POSTCODE */
	{ "street", 0, 150, NULL, check_text, NULL }, /* PE_STREET */
	{ "house_no", P_REQUIRED, 20, NULL, check_text, NULL },	  /* PE_HOUSE */
	{ "phone", P_REQUIRED, 20, NULL, valid_phone, "phone" },  /* PE_PHONE */
	{ "email", P_REQUIRED, 254, NULL, valid_email, "email" }, /* PE_EMAIL */
	{ "scope", P_REQUIRED, 8, NULL, check_scope, NULL },	  /* PE_SCOPE */
};

static void show_person(struct req *r, const struct row *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		if (p->v[i])
			hdf_set_valuef(r->hdf, "Person.%s=%s", p->name[i],
				       p->v[i]);
}

/* The form, or the registration's state when there is one that may not
 * be sent again (person_status: NULL when none). */
static int render(struct req *r, int status, const char *person_status)
{
	/* An approved person keeps the address and contacts current through
	 * the office (ui-person-change.c). */
	if (registry_person_is_approved(person_status))
		hdf_set_value(r->hdf, "Person.may_change", "1");
	if (registry_person_may_submit(person_status)) {
		hdf_set_value(r->hdf, "Person.may_submit", "1");
		if (person_status)
			hdf_set_value(r->hdf, "Person.resubmit", "1");
	}
	ec_options(r);
	return view_render(r, status, "ecustomer/person.cs");
}

int person_form_fn(struct req *r)
{
	struct row p, a;
	const char *st;
	int rc = ec_my_person(r, &p);

	if (rc < 0)
		return -1;
	if (rc == 1) {
		show_person(r, &p);
		st = row_get(&p, "status", "");
		if (!registry_person_may_submit(st))
			return render(r, 200, st);
		/* Offer the rejected data again for correction. */
		for (int i = 0; i < PE__MAX; i++) {
			const char *v = row_get(&p, ec_person_params[i].name,
						NULL);

			if (v)
				hdf_set_valuef(r->hdf, "Form.%s=%s",
					       ec_person_params[i].name, v);
		}
		return render(r, 200, st);
	}
	/* Start from what the account already says. */
	if (accounts_contact(&r->arena, r->sess.account_id, &a) == 1)
		for (int i = 0; i < a.n; i++)
			if (a.v[i])
				hdf_set_valuef(r->hdf, "Form.%s=%s", a.name[i],
					       a.v[i]);
	hdf_set_value(r->hdf, "Form.scope", "basic");
	return render(r, 200, NULL);
}

/* The rules between fields: a Polish resident gives a PESEL that agrees
 * with the birth date and a voivodship; anyone else an identity
 * document. */
static int cross_check(struct req *r, const char **v)
{
	int errors = 0;

	if (!v[PE_COUNTRY] || !v[PE_BIRTH])
		return 0;
	if (strcmp(v[PE_COUNTRY], "PL") == 0) {
		int y, m, d, by, bm, bd;

		if (!v[PE_PESEL] &&
		    !hdf_get_value(r->hdf, "Form.pesel.Error", NULL)) {
			view_field_error(r, "pesel", "err.ec_pesel_required");
			errors++;
		} else if (v[PE_PESEL] &&
			   valid_pesel_birthdate(v[PE_PESEL], &y, &m, &d) &&
			   valid_date(v[PE_BIRTH], &by, &bm, &bd) &&
			   (y != by || m != bm || d != bd)) {
			view_field_error(r, "pesel", "err.ec_pesel_birth");
			errors++;
		}
		if (!v[PE_VOIV] &&
		    !hdf_get_value(r->hdf, "Form.voivodship.Error", NULL)) {
			view_field_error(r, "voivodship", "err.required");
			errors++;
		}
		if (!valid_postcode_pl(v[PE_POSTCODE] ? v[PE_POSTCODE] : "") &&
		    !hdf_get_value(r->hdf, "Form.postcode.Error", NULL)) {
			view_field_error(r, "postcode", "err.postcode");
			errors++;
		}
	} else {
		if (!v[PE_DOCTYPE] &&
		    !hdf_get_value(r->hdf, "Form.id_doc_type.Error", NULL)) {
			view_field_error(r, "id_doc_type",
					 "err.ec_doc_required");
			errors++;
		}
		if (!v[PE_DOCNO] &&
		    !hdf_get_value(r->hdf, "Form.id_doc_number.Error", NULL)) {
			view_field_error(r, "id_doc_number",
					 "err.ec_doc_required");
			errors++;
		}
	}
	if (errors)
		hdf_set_int_value(r->hdf, "Page.FormErrors", errors);
	return errors;
}

int person_submit_fn(struct req *r)
{
	const char *v[PE__MAX], *st = NULL;
	struct registry_actor me = ec_actor(r);
	struct row p;
	long long app;
	int rc, bad;

	rc = ec_my_person(r, &p);
	if (rc < 0)
		return -1;
	if (rc == 1)
		st = row_get(&p, "status", "");
	if (!registry_person_may_submit(st)) {
		show_person(r, &p);
		hdf_set_value(r->hdf, "Page.Error",
			      view_text(r, "err.ec_person_exists"));
		return render(r, 409, st);
	}
	bad = form_read(r, ec_person_params, PE__MAX, v);
	bad += cross_check(r, v);
	if (bad)
		return render(r, 422, NULL); /* the form, with its errors */
	/* Only what fits the person's case is kept. */
	if (strcmp(v[PE_COUNTRY], "PL") == 0)
		v[PE_DOCTYPE] = v[PE_DOCNO] = NULL;
	else
		v[PE_PESEL] = NULL;

	if (db_begin() < 0)
		return -1;
	if (registry_person_submit(&me, v, rc == 1 ? row_int(&p, "id", 0) : 0,
				   &app) < 0) {
		db_rollback();
		return -1;
	}
	return ec_app_submitted(r, app, "ecustomer.person.submit");
}
