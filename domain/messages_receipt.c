/* messages_receipt.c: the idempotency store: a re-sent message id from the
 * same sender gets the stored answer (and receipt) instead of the work
 * done twice */
#include "messages.h"

#include "db.h"
#include "log.h"

static struct sql q_find = SQL(
	"SELECT receipt_no, response_body FROM puesc_receipt"
	" WHERE sender = ? AND message_id = ?");
static struct sql q_put = SQL(
	"INSERT INTO puesc_receipt (sender, message_id, receipt_no, operation,"
	" issued_at, response_body) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), ?)");

int messages_receipt_find(struct arena *a, const char *sender,
			  const char *message_id, const char **receipt_no,
			  const char **response)
{
	struct row row;
	int rc = db_get(a, &q_find, &row, "ss", sender, message_id);

	if (rc != 1)
		return rc;
	*receipt_no = row_get(&row, "receipt_no", "");
	*response = row_get(&row, "response_body", "");
	return 1;
}

int messages_receipt_put(const char *sender, const char *message_id,
			 const char *receipt_no, const char *operation,
			 const char *response)
{
	if (db_exec(&q_put, "sssss", sender, message_id, receipt_no, operation,
		    response) < 0) {
		if (!db_duplicate())
			log_err("puesc: storing receipt: %s", db_error());
		return -1;
	}
	return 0;
}
