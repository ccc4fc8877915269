/* company-form.h: the company data fields, shared by registration and
 * change applications (ui-company.c, ui-company-change.c) */
#ifndef ZSOG_EC_COMPANY_FORM_H
#define ZSOG_EC_COMPANY_FORM_H

#include "form.h"

enum {
	C_NAME, C_FORM, C_NIP, C_REGON, C_COUNTRY, C_VOIV, C_TOWN, C_POSTCODE,
	C_STREET, C_HOUSE, C_IBAN, C_ACTIVITY, C_EMAIL, C_PHONE, C_PUBLISH,
	C__MAX
};

extern const struct param company_params[C__MAX];
/* Validates the company fields (and the rules between them) into v;
 * returns the number of invalid fields. */
int company_form_read(struct req *r, const char **v);

#endif
