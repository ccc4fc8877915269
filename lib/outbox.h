/* outbox.h: e-mails are written to a table in the same transaction as
 * what caused them; a mailer drains it (the dev page shows it) */
#ifndef ZSOG_OUTBOX_H
#define ZSOG_OUTBOX_H

#include "req.h"

/* Renders template tpl (subject from L.<subject_key>) for r's language. */
int outbox_put(struct req *r, const char *to, const char *subject_key,
	       const char *tpl);
/* The same in lang ("pl" or "en"; NULL or "": r's). Mail to anyone but
 * whoever acts goes in the recipient's language, remembered from their
 * account: an officer working in Polish approves an English-speaking
 * applicant's application in English. */
int outbox_put_lang(struct req *r, const char *lang, const char *to,
		    const char *subject_key, const char *tpl);
/* outbox_put_lang that also gives the mail's row id and its subject as
 * sent (in arena memory), for a caller that files the mail elsewhere too
 * (domain/inbox: the addressee's inbox). */
int outbox_put_id(struct req *r, const char *lang, const char *to,
		  const char *subject_key, const char *tpl, long long *id,
		  const char **subject);
/* Mail id as prefix.{id, created_at, recipient, subject, body}: 1, 0 none,
 * -1 on error. For the mail's filed copy (the customer's inbox). */
int outbox_get(HDF *hdf, const char *prefix, long long id);
int outbox_fn(struct req *r); /* GET /dev/outbox */

#endif
