/* devices_store.c: events into the register, one or many a statement, and
 * the device's last_seen (device_seen) */
#include "devices.h"

#include "db_bulk.h"

/* IGNORE: a duplicate (device, seq) inserts nothing and affects 0 rows:
 * the event is already stored, re-sending is safe. Values were checked by
 * the schema and the ingest parser, so IGNORE hides nothing else. */
static struct sql q_event = SQL(
	"INSERT IGNORE INTO event (device_id, seq, t, received_at, crossing,"
	" lane, dir, kind, raw, obj_key, obj_fold, country, confidence, image,"
	" vin, num_value, alarm, doc_type, person_name, birth_date,"
	" person_key, state, doubtful) VALUES (?, ?, ?, UTC_TIMESTAMP(3), ?,"
	" ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
/* The same row without IGNORE, many rows a statement: a duplicate fails the
 * statement alone (InnoDB rolls back the statement, not the transaction),
 * and the caller then stores that chunk row by row through q_event, so
 * every event still gets its exact outcome. */
#define EV_COLS (DEV_EV__STR + 2)
static struct bulk b_event = BULK(
	"INSERT INTO event (device_id, seq, t, received_at, crossing,"
	" lane, dir, kind, raw, obj_key, obj_fold, country, confidence, image,"
	" vin, num_value, alarm, doc_type, person_name, birth_date,"
	" person_key, state, doubtful) VALUES ",
	"(?, ?, ?, UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, ?)",
	EV_COLS);
/* device_seen, not device: the register is central and read-only at a
 * crossing node; its liveness is written where its events arrive
 * (db/cluster-tables.txt). */
static struct sql q_seen = SQL(
	"INSERT INTO device_seen (device_id, last_seen, down_alerted)"
	" VALUES (?, UTC_TIMESTAMP(3), 0) ON DUPLICATE KEY UPDATE"
	" last_seen = VALUES(last_seen), down_alerted = 0");

int devices_event_put(long long dev_id, const struct devices_event *e,
		      long long *id)
{
	const char *const *s = e->s;
	long long n;

	n = db_exec(&q_event, "issssssssssssssssssssi", dev_id, s[DEV_EV_SEQ],
		    s[DEV_EV_T], s[DEV_EV_CROSSING], s[DEV_EV_LANE],
		    s[DEV_EV_DIR], s[DEV_EV_KIND], s[DEV_EV_RAW], s[DEV_EV_KEY],
		    s[DEV_EV_FOLD], s[DEV_EV_COUNTRY], s[DEV_EV_CONFIDENCE],
		    s[DEV_EV_IMAGE], s[DEV_EV_VIN], s[DEV_EV_VALUE],
		    s[DEV_EV_ALARM], s[DEV_EV_DOC_TYPE], s[DEV_EV_NAME],
		    s[DEV_EV_BIRTH], s[DEV_EV_PERSON_KEY], s[DEV_EV_STATE],
		    e->doubtful);
	if (n <= 0)
		return n < 0 ? -1 : 0;
	*id = db_insert_id(&q_event);
	return 1;
}

/* One chunk's parameters; a worker serves one request at a time. */
static MYSQL_BIND binds[BULK_MAX * EV_COLS];
static struct {
	long long dev, doubtful;
	unsigned long len[EV_COLS];
} vals[BULK_MAX];

long long devices_events_put(long long dev_id, const struct devices_event *e,
			     int k)
{
	long long n;

	for (int j = 0; j < k; j++) {
		MYSQL_BIND *b = &binds[j * EV_COLS];

		vals[j].dev = dev_id;
		vals[j].doubtful = e[j].doubtful;
		bulk_bind_int(&b[0], &vals[j].dev);
		for (int c = 0; c < DEV_EV__STR; c++)
			bulk_bind_str(&b[c + 1], e[j].s[c],
				      &vals[j].len[c + 1]);
		bulk_bind_int(&b[EV_COLS - 1], &vals[j].doubtful);
	}
	n = db_bulk_exec(&b_event, binds, k);
	if (n == k)
		return n;
	return n < 0 && db_duplicate() ? -2 : -1;
}

long long devices_events_id(int k, int j)
{
	return db_bulk_id(&b_event, k, j);
}

int devices_seen(long long dev_id)
{
	return db_exec(&q_seen, "i", dev_id) < 0 ? -1 : 0;
}
