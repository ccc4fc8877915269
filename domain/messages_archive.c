/* messages_archive.c: every PUESC exchange stored for audit (who, when,
 * which operation, the outcome, both messages) and its search */
#include "messages.h"

#include <string.h>

#include "db.h"
#include "inbox.h"
#include "log.h"

static struct sql q_put = SQL(
	"INSERT INTO puesc_message (received_at, message_id, sender, operation,"
	" outcome, soap_version, receipt_no, request_xml, response_xml)"
	" VALUES (UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?, ?, ?)");
/* An empty filter matches everything; equality only, so '%' is plain. */
static struct sql q_list = SQL(
	"SELECT id, DATE_FORMAT(received_at, '%Y-%m-%d %H:%i:%s') AS at,"
	" message_id, sender, operation, outcome, soap_version, receipt_no"
	" FROM puesc_message"
	" WHERE (? = '' OR received_at >= ?)"
	" AND (? = '' OR received_at < ? + INTERVAL 1 DAY)"
	" AND (? = '' OR sender = ?)"
	" AND (? = '' OR operation = ?)"
	" AND (? = '' OR outcome = ?)"
	" AND (? = '' OR message_id = ?)"
	" ORDER BY id DESC LIMIT ?");
static struct sql q_one = SQL(
	"SELECT id, DATE_FORMAT(received_at, '%Y-%m-%d %H:%i:%s.%f') AS at,"
	" message_id, sender, operation, outcome, soap_version, receipt_no,"
	" request_xml, response_xml FROM puesc_message WHERE id = ?");

static struct sql q_xml = SQL(
	"SELECT IF(?, request_xml, response_xml) AS xml FROM puesc_message"
	" WHERE id = ?");

static int put_tx(void *ctx)
{
	const struct message *m = ctx;

	if (db_exec(&q_put, "ssssssbb", m->message_id, m->sender, m->operation,
		    m->outcome, m->soap_version, m->receipt_no, m->request,
		    m->reqlen, m->response, m->resplen) < 0) {
		log_err("puesc: archiving %s: %s", m->operation, db_error());
		return -1;
	}
	/* The exchange is in its sender's inbox from the moment it is in the
	 * archive: both or neither. */
	if (m->inbox_type &&
	    inbox_add(m->inbox_type, m->inbox_id, "xml", m->operation, 0,
		      db_insert_id(&q_put), 0) < 0)
		return -1;
	return 0;
}

int messages_archive_put(const struct message *m)
{
	if (db_in_transaction())
		return put_tx((void *)m);
	return db_tx(put_tx, (void *)m) ? -1 : 0;
}

int messages_archive_xml(struct arena *a, long long id, int request,
			 const char **xml, size_t *len)
{
	struct row row;
	int rc = db_get(a, &q_xml, &row, "ii", (long long)(request ? 1 : 0),
			id);

	*xml = rc == 1 ? row_get(&row, "xml", "") : NULL;
	*len = *xml ? strlen(*xml) : 0;
	return rc;
}

int messages_archive_list(HDF *hdf, const char *prefix,
			  const struct messages_filter *f, int limit)
{
	return db_select_hdf(&q_list, hdf, prefix, "ssssssssssssi", f->from,
			     f->from, f->to, f->to, f->sender, f->sender,
			     f->operation, f->operation, f->outcome, f->outcome,
			     f->message_id, f->message_id, (long long)limit);
}

int messages_archive_get(HDF *hdf, const char *prefix, long long id)
{
	return db_select_hdf(&q_one, hdf, prefix, "i", id);
}
