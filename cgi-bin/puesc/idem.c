/* idem.c: the idempotency store: a re-sent message id from the same sender
 * gets the stored answer (and receipt) instead of the work done twice */
#include "puesc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "log.h"

static struct sql q_find = SQL(
	"SELECT receipt_no, response_body FROM puesc_receipt"
	" WHERE sender = ? AND message_id = ?");
static struct sql q_put = SQL(
	"INSERT INTO puesc_receipt (sender, message_id, receipt_no, operation,"
	" issued_at, response_body) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), ?)");

void idem_new_receipt(struct soap *s)
{
	time_t t = time(NULL);
	struct tm tm;
	char hex[11], day[16];
	size_t i;

	gmtime_r(&t, &tm);
	rand_hex(hex, 5);
	for (i = 0; hex[i]; i++)
		hex[i] = (char)toupper((unsigned char)hex[i]);
	strftime(day, sizeof(day), "%Y%m%d", &tm);
	snprintf(s->receipt_no, sizeof(s->receipt_no), "UPO%.8s%.9s", day, hex);
}

int idem_lookup(struct soap *s)
{
	struct row row;
	int rc = db_get(&s->r->arena, &q_find, &row, "ss", s->sender,
			s->message_id);

	if (rc != 1)
		return rc;
	buf_reset(&s->out);
	buf_puts(&s->out, row_get(&row, "response_body", ""));
	strlcpy_z(s->receipt_no, row_get(&row, "receipt_no", ""),
		  sizeof(s->receipt_no));
	return 1;
}

int idem_store(struct soap *s)
{
	if (db_exec(&q_put, "sssss", s->sender, s->message_id, s->receipt_no,
		    s->opname, s->out.p ? s->out.p : "") < 0) {
		if (!db_duplicate())
			log_err("puesc: storing receipt: %s", db_error());
		return -1;
	}
	return 0;
}

int idem_replayed_after(struct soap *s)
{
	if (idem_lookup(s) != 1)
		return 0;
	s->outcome = "replay";
	return 1;
}
