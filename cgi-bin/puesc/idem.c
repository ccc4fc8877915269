/* idem.c: the idempotency store: a re-sent message id from the same sender
 * gets the stored answer (and receipt) instead of the work done twice */
#include "puesc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "messages.h"

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
	const char *receipt_no, *response;
	int rc = messages_receipt_find(&s->r->arena, s->sender, s->message_id,
				       &receipt_no, &response);

	if (rc != 1)
		return rc;
	buf_reset(&s->out);
	buf_puts(&s->out, response);
	strlcpy_z(s->receipt_no, receipt_no, sizeof(s->receipt_no));
	return 1;
}

int idem_store(struct soap *s)
{
	return messages_receipt_put(s->sender, s->message_id, s->receipt_no,
				    s->opname, s->out.p ? s->out.p : "");
}

int idem_replayed_after(struct soap *s)
{
	if (idem_lookup(s) != 1)
		return 0;
	s->outcome = "replay";
	return 1;
}
