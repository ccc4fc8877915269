/* inbox.h: the customer's inbox (issue 18): what the system told or
 * answered a portal account or a company — every mail, an application's
 * state, an office decision with its reason, every PUESC exchange — filed
 * by the owning module in the transaction of its cause, with exact unread
 * counts per addressee. The only code that names inbox_item and
 * inbox_count (inbox.c, inbox_list.c); docs/ecustomer.md, "The inbox" */
#ifndef ZSOG_INBOX_H
#define ZSOG_INBOX_H

#include <ClearSilver.h>

#include "req.h"
#include "util.h"

/* Addressees: a portal account (a person's own inbox), or a company (read
 * with INBOX_AUTHZ by whoever may act for it). */
#define INBOX_ACCOUNT 'A'
#define INBOX_COMPANY 'C'
/* The authorisation that opens a company's inbox: the one that answers for
 * the company's data and applications to the office. */
#define INBOX_AUTHZ "company_update"

/* Kinds of item (inbox_item.kind): a mail, an application's state, an
 * office decision, an XML exchange. NULL-ended. */
extern const char *const inbox_kinds[];
int inbox_kind_known(const char *kind);

/* Files an item for addressee (type, id): the mail outbox_id, the PUESC
 * exchange message_id, the application application_id (0: none). In the
 * caller's transaction when one is open, else in its own. 0 or -1. */
int inbox_add(char type, long long id, const char *kind, const char *title,
	      long long outbox_id, long long message_id,
	      long long application_id);

/* The path every mail to a customer takes: outbox_put_lang (lib/outbox)
 * and the same mail filed in addressee (type, id)'s inbox as kind (NULL:
 * "notice"), about application app (0: none). 0 or -1. */
int inbox_mail(struct req *r, char type, long long id, const char *kind,
	       long long app, const char *lang, const char *to,
	       const char *subject_key, const char *tpl);
/* An item's title as the reader reads it: a mail's subject in the
 * reader's language when this program has its words (the title keeps the
 * key: "@key|words sent"), else as stored. */
const char *inbox_title(struct req *r, const char *title);

/* Whose inboxes account reads: its own and those of the companies its
 * approved person may act for today with INBOX_AUTHZ. Kept by the worker
 * for seconds like the registry's answers (EPOCH_REGISTRY). */
#define INBOX_MAX_COMPANIES 64
struct inbox_reader {
	long long account, person; /* person 0: none approved */
	int n; /* companies; -1: more than the cache holds */
	long long company[INBOX_MAX_COMPANIES];
};
int inbox_reader_of(long long account, struct inbox_reader *rd);
/* 1 when rd reads addressee (type, id), 0 not, -1 on error. */
int inbox_may_read(const struct inbox_reader *rd, char type, long long id);

/* The counts of every addressee rd reads as one text ("A1:204/25;C1:…"),
 * in arena a, and the sum of the unread (the header's count): the text
 * changes with every item filed (a total grows) or read (an unread count
 * drops), so a page kept under it is never stale. Kept by the worker
 * while EPOCH_INBOX and EPOCH_REGISTRY stand still. 0 or -1. */
int inbox_state(struct arena *a, const struct inbox_reader *rd,
		const char **sig, long long *unread);
/* Counts of addressee (type, id) into *total and *unread: 0 or -1. */
int inbox_counts(char type, long long id, long long *total, long long *unread);

/* A page of one addressee's items, newest first: kind "" any, unread_only,
 * created_at in [from, to) (UTC "YYYY-MM-DD HH:MM:SS", "" open), and
 * after the keyset cursor (at, id) when at is not "". */
struct inbox_filter {
	const char *kind, *from, *to;
	int unread_only;
	const char *after_at; /* "YYYY-MM-DD HH:MM:SS" or "" */
	long long after_id;
};
struct inbox_row {
	long long id, subject_id;
	char subject_type;
	int unread;
	const char *kind, *title, *at; /* at: UTC, the cursor's too */
};
/* Up to limit rows into out (arena a): their number, or -1. */
int inbox_page(struct arena *a, char type, long long id,
	       const struct inbox_filter *f, int limit, struct inbox_row *out);

/* Item id as prefix.{id, subject_type, subject_id, kind, created_at,
 * unread, read_at, title, outbox_id, message_id, application_id}: 1, 0
 * none, -1. */
int inbox_get(HDF *hdf, const char *prefix, long long id);
/* Marks item id of addressee (type, sid) read by account: 0 or -1. */
int inbox_open(long long id, char type, long long sid, long long account);

#endif
