/* archive.c: every exchange stored for audit: who, when, which operation,
 * the outcome and both messages as they were */
#include "puesc.h"

#include <string.h>

#include "db.h"
#include "log.h"
#include "valid.h"

static struct sql q_put = SQL(
	"INSERT INTO puesc_message (received_at, message_id, sender, operation,"
	" outcome, soap_version, receipt_no, request_xml, response_xml)"
	" VALUES (UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?, ?, ?)");

void archive_put(struct soap *s, const char *request, size_t reqlen,
		 const char *response, size_t resplen)
{
	/* MEDIUMTEXT holds the 1 MiB body; a refused body that is not
	 * UTF-8 cannot be stored as text, so only its size is. */
	if (request && !valid_utf8(request, reqlen)) {
		request = arena_printf(&s->r->arena,
				       "(%zu bytes, not UTF-8: not stored)", reqlen);
		reqlen = strlen(request);
	}
	if (db_exec(&q_put, "ssssssbb", s->message_id, s->sender,
		    s->opname ? s->opname : "-", s->outcome ? s->outcome : "-",
		    s->ver == SOAP12 ? "1.2" : "1.1",
		    s->receipt_no[0] ? s->receipt_no : NULL, request ? request : "",
		    reqlen, response ? response : "", resplen) < 0)
		log_err("puesc: archiving %s: %s", s->opname ? s->opname : "-",
			db_error());
}
