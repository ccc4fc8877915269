/* company-form.h: the company data fields, shared by registration and
 * change applications (ui-company.c, ui-company-change.c) */
#ifndef ZSOG_EC_COMPANY_FORM_H
#define ZSOG_EC_COMPANY_FORM_H

#include "form.h"
#include "registry_records.h"

/* One per company field (enum company_field), named as the registry's
 * columns: a change application's payload carries these names. */
extern const struct param company_params[CO__MAX];
/* Validates the company fields (and the rules between them) into v;
 * returns the number of invalid fields. */
int company_form_read(struct req *r, const char **v);

#endif
