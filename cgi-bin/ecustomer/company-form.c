/* company-form.c: the company data fields and the rules between them */
#include "company-form.h"

#include <stdio.h>
#include <string.h>

#include "ecustomer.h"
#include "valid.h"
#include "view.h"

static int check_text(const char *v)
{
	return valid_text(v, 300);
}

static int check_voiv(const char *v)
{
	return ec_in_list(ec_voivodships, v);
}

static int check_form(const char *v)
{
	return ec_in_list(ec_legal_forms, v);
}

static int check_flag(const char *v)
{
	return strcmp(v, "1") == 0;
}

const struct param company_params[CO__MAX] = {
	{ "name", P_REQUIRED, 300, NULL, check_text, NULL },	  /* CO_NAME */
	{ "legal_form", P_REQUIRED, 16, NULL, check_form, NULL }, /* CO_FORM */
	{ "nip", 0, 13, valid_normalise_id, valid_nip, "nip" },	  /* CO_NIP */
	{ "regon", 0, 17, valid_normalise_id, valid_regon,
	  "regon" }, /* CO_REGON */
	{ "country", P_REQUIRED, 2, valid_normalise_id, valid_country,
	  "country" },					     /* CO_COUNTRY */
	{ "voivodship", 0, 32, NULL, check_voiv, NULL },     /* CO_VOIV */
	{ "town", P_REQUIRED, 100, NULL, check_text, NULL }, /* CO_TOWN */
	{ "postcode", P_REQUIRED, 12, NULL, check_text,
	  NULL },				      /* CO_POSTCODE */
	{ "street", 0, 150, NULL, check_text, NULL }, /* CO_STREET */
	{ "house_no", P_REQUIRED, 20, NULL, check_text, NULL }, /* CO_HOUSE */
	{ "iban", P_REQUIRED, 42, valid_normalise_id, valid_iban,
	  "iban" }, /* CO_IBAN */
	{ "main_activity", P_REQUIRED, 200, NULL, check_text,
	  NULL }, /* CO_ACTIVITY */
	{ "contact_email", P_REQUIRED, 254, NULL, valid_email,
	  "email" }, /* CO_EMAIL */
	{ "contact_phone", P_REQUIRED, 20, NULL, valid_phone,
	  "phone" },					       /* CO_PHONE */
	{ "publish_eori_data", 0, 1, NULL, check_flag, NULL }, /* CO_PUBLISH */
};

static int missing(struct req *r, const char *name, const char *key)
{
	char path[80];

	snprintf(path, sizeof(path), "Form.%s.Error", name);
	if (hdf_get_value(r->hdf, path, NULL))
		return 0;
	view_field_error(r, name, key);
	return 1;
}

int company_form_read(struct req *r, const char **v)
{
	int bad = form_read(r, company_params, CO__MAX, v), more = 0;

	/* A Polish operator is known by NIP and REGON and has a Polish
	 * address; a foreign one may have neither number. */
	if (v[CO_COUNTRY] && strcmp(v[CO_COUNTRY], "PL") == 0) {
		if (!v[CO_NIP])
			more += missing(r, "nip", "err.required");
		if (!v[CO_REGON])
			more += missing(r, "regon", "err.required");
		if (!v[CO_VOIV])
			more += missing(r, "voivodship", "err.required");
		if (v[CO_POSTCODE] && !valid_postcode_pl(v[CO_POSTCODE]))
			more += missing(r, "postcode", "err.postcode");
	}
	if (more)
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad + more);
	return bad + more;
}
