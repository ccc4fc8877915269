/* akcr-form.h: the AKC-R fields (excise activities, places of activity,
 * start date), shared by the company's registration (asked together with
 * the EORI) and the AKC-R application of a registered company */
#ifndef ZSOG_EC_AKCR_FORM_H
#define ZSOG_EC_AKCR_FORM_H

#include "registry_akcr.h"
#include "req.h"

/* Validates the AKC-R fields, each error beside its field; when all pass,
 * appends the request to payload form-encoded (registry_akcr_parse reads
 * it back). kept_start: the start date on record, which a change may keep
 * though it has passed (NULL: none). Returns the number of invalid
 * fields. */
int akcr_form_read(struct req *r, const char *kept_start, struct buf *payload);
/* The form's rows from a request (the change form starts from the
 * registration on record). */
void akcr_form_fill(struct req *r, const struct akcr_request *req);
/* The activities in words into Options.Activity.N.{Value, Label}. */
void akcr_form_options(struct req *r);

#endif
