/* messages.h: the PUESC exchanges: the audit archive of every message and
 * the idempotent receipts. The only code that names puesc_message and
 * puesc_receipt (messages_archive.c, messages_receipt.c) */
#ifndef ZSOG_MESSAGES_H
#define ZSOG_MESSAGES_H

#include <stddef.h>

#include <ClearSilver.h>

#include "util.h"

/* One exchange as it was; NULL strings are stored as given (receipt_no
 * NULL when none was issued). */
struct message {
	const char *message_id, *sender, *operation, *outcome;
	const char *soap_version, *receipt_no;
	const char *request, *response;
	size_t reqlen, resplen;
	/* Whose inbox shows it (domain/inbox.h: INBOX_ACCOUNT, the signer's
	 * account, or INBOX_COMPANY, the company it acted for); 0: nobody's
	 * (an unsigned message). */
	char inbox_type;
	long long inbox_id;
};

/* Archives m, and files it in its inbox in the same transaction. 0, or -1
 * (logged). */
int messages_archive_put(const struct message *m);

/* The archive search; an empty filter ("" never NULL) matches everything,
 * equality only. from/to are days (to inclusive). */
struct messages_filter {
	const char *from, *to, *sender, *operation, *outcome, *message_id;
};

/* The newest `limit` matches as prefix.N.{id, at, message_id, sender,
 * operation, outcome, soap_version, receipt_no}. Count or -1. */
int messages_archive_list(HDF *hdf, const char *prefix,
			  const struct messages_filter *f, int limit);

/* One exchange with both messages as prefix.0.{..., request_xml,
 * response_xml}: 1, 0 when none, -1 on error. */
int messages_archive_get(HDF *hdf, const char *prefix, long long id);
/* One message of exchange id, request (1) or response (0), into *xml
 * (arena a): 1, 0 when none, -1 on error. For a download. */
int messages_archive_xml(struct arena *a, long long id, int request,
			 const char **xml, size_t *len);

/* The stored answer to sender's message_id: 1 with *receipt_no and
 * *response (in arena a), 0 when none, -1 on error. */
int messages_receipt_find(struct arena *a, const char *sender,
			  const char *message_id, const char **receipt_no,
			  const char **response);

/* Stores the answer; 0, or -1 (a duplicate, i.e. a concurrent twin won,
 * is not logged). */
int messages_receipt_put(const char *sender, const char *message_id,
			 const char *receipt_no, const char *operation,
			 const char *response);

#endif
