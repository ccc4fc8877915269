/* archive.c: every exchange stored for audit: who, when, which operation,
 * the outcome and both messages as they were (domain/messages keeps them) */
#include "puesc.h"

#include <string.h>

#include "inbox.h"
#include "messages.h"
#include "registry_records.h"
#include "valid.h"

void archive_put(struct soap *s, const char *request, size_t reqlen,
		 const char *response, size_t resplen)
{
	struct message m = {
		.message_id = s->message_id,
		.sender = s->sender,
		.operation = s->opname ? s->opname : "-",
		.outcome = s->outcome ? s->outcome : "-",
		.soap_version = s->ver == SOAP12 ? "1.2" : "1.1",
		.receipt_no = s->receipt_no[0] ? s->receipt_no : NULL,
		.response = response ? response : "",
		.resplen = resplen,
	};

	/* MEDIUMTEXT holds the 1 MiB body; a refused body that is not
	 * UTF-8 cannot be stored as text, so only its size is. */
	if (request && !valid_utf8(request, reqlen)) {
		request = arena_printf(&s->r->arena,
				       "(%zu bytes, not UTF-8: not stored)",
				       reqlen);
		reqlen = strlen(request);
	}
	m.request = request ? request : "";
	m.reqlen = reqlen;
	/* The company it acted for, else the signer's own inbox; an unsigned
	 * message is nobody's. */
	if (s->company_id) {
		m.inbox_type = INBOX_COMPANY;
		m.inbox_id = s->company_id;
	} else if (s->person_id) {
		struct row p;

		if (registry_person_get(&s->r->arena, s->person_id, &p) == 1) {
			m.inbox_type = INBOX_ACCOUNT;
			m.inbox_id = row_int(&p, "account_id", 0);
		}
	}
	messages_archive_put(&m); /* logged; the answer stands */
}
