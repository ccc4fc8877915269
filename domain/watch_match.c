/* watch_match.c: the active watch list as the ingest workers cache it, and
 * the alerts its matches raise, each with its first step */
#include "watch.h"

#include <stdio.h>

#include "db_bulk.h"

/* Entries valid in the last week too: events may be that old. */
static struct sql q_active = SQL(
	"SELECT id, subject, UPPER(value) AS value, match_key, fold_key,"
	" country, priority,"
	" DATEDIFF(valid_from, '1970-01-01') AS from_day,"
	" DATEDIFF(valid_to, '1970-01-01') AS to_day,"
	" action = 'notify_unit' AS notify, unit_id"
	" FROM watch_entry WHERE status = 'active'"
	" AND valid_to >= UTC_DATE() - INTERVAL 8 DAY");
static struct sql q_entry = SQL(
	"SELECT id, subject, UPPER(value) AS value, match_key, fold_key,"
	" country, priority, DATEDIFF(valid_from, '1970-01-01') AS from_day,"
	" DATEDIFF(valid_to, '1970-01-01') AS to_day,"
	" action = 'notify_unit' AS notify, unit_id"
	" FROM watch_entry WHERE id = ? AND status = 'active'");
/* Entries that became active within the last hours (decided_at is the
 * approval's time, replicated with the row). */
static struct sql q_decided = SQL(
	"SELECT id FROM watch_entry WHERE status = 'active'"
	" AND decided_at >= UTC_TIMESTAMP() - INTERVAL ? HOUR ORDER BY id");
static struct sql q_alert = SQL(
	"INSERT INTO alert (kind, event_id, entry_id, device_id, booking_number,"
	" crossing, lane, priority, confidence, state, created_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', UTC_TIMESTAMP(3))");
static struct sql q_step = SQL(
	"INSERT INTO alert_step (alert_id, step, at) VALUES (?, 'new',"
	" UTC_TIMESTAMP(3))");

int watch_decided_since_each(long long hours, db_row_cb cb, void *ctx)
{
	return db_each(&q_decided, cb, ctx, "i", hours);
}

int watch_active_each(db_row_cb cb, void *ctx)
{
	return db_each(&q_active, cb, ctx, "");
}

int watch_entry_active(struct arena *a, long long entry_id, struct row *row)
{
	return db_get(a, &q_entry, row, "i", entry_id);
}

long long watch_alert_raise(const struct watch_alert *a)
{
	char ev[24], en[24], dv[24];
	long long id;

	/* 0 stands for "none": those columns take NULL. */
	snprintf(ev, sizeof(ev), "%lld", a->event_id);
	snprintf(en, sizeof(en), "%lld", a->entry_id);
	snprintf(dv, sizeof(dv), "%lld", a->device_id);
	if (db_exec(&q_alert, "sssssssis", a->kind, a->event_id ? ev : NULL,
		    a->entry_id ? en : NULL, a->device_id ? dv : NULL,
		    a->booking, a->crossing, a->lane, (long long)a->priority,
		    a->confidence) < 0)
		return db_duplicate() ? 0 : -1;
	id = db_insert_id(&q_alert);
	if (db_exec(&q_step, "i", id) < 0 ||
	    watch_step_count(db_insert_id(&q_step)) < 0)
		return -1;
	return id;
}

/* Many at once: the watch-list hits of a batch of events, each alert and
 * then each first step in one statement per chunk (ids consecutive:
 * db_bulk_id). A duplicate (an alert raised already: the same event and
 * entry) fails its chunk's statement alone; that chunk is then raised row
 * by row, so each gets its exact answer. */
#define ALERT_COLS 9
static struct bulk b_alert = BULK(
	"INSERT INTO alert (kind, event_id, entry_id, device_id, booking_number,"
	" crossing, lane, priority, confidence, state, created_at) VALUES ",
	"(?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', UTC_TIMESTAMP(3))", ALERT_COLS);
static struct bulk b_step = BULK(
	"INSERT INTO alert_step (alert_id, step, at) VALUES ",
	"(?, 'new', UTC_TIMESTAMP(3))", 1);

static MYSQL_BIND binds[BULK_MAX * ALERT_COLS];
static struct {
	long long ev, en, dv, prio, id;
	unsigned long len[ALERT_COLS];
} vals[BULK_MAX];

static void bind_id(MYSQL_BIND *b, long long *v, unsigned long *len)
{
	if (*v)
		bulk_bind_int(b, v);
	else
		bulk_bind_str(b, NULL, len);
}

/* k alerts (a db_bulk_chunk() size > 1): 1 raised, 0 a duplicate among
 * them (nothing raised), -1 error. */
static int raise_chunk(const struct watch_alert *a, int k, long long *ids)
{
	long long n;

	for (int j = 0; j < k; j++) {
		MYSQL_BIND *b = &binds[j * ALERT_COLS];

		vals[j].ev = a[j].event_id;
		vals[j].en = a[j].entry_id;
		vals[j].dv = a[j].device_id;
		vals[j].prio = a[j].priority;
		bulk_bind_str(&b[0], a[j].kind, &vals[j].len[0]);
		bind_id(&b[1], &vals[j].ev, &vals[j].len[1]);
		bind_id(&b[2], &vals[j].en, &vals[j].len[2]);
		bind_id(&b[3], &vals[j].dv, &vals[j].len[3]);
		bulk_bind_str(&b[4], a[j].booking, &vals[j].len[4]);
		bulk_bind_str(&b[5], a[j].crossing, &vals[j].len[5]);
		bulk_bind_str(&b[6], a[j].lane, &vals[j].len[6]);
		bulk_bind_int(&b[7], &vals[j].prio);
		bulk_bind_str(&b[8], a[j].confidence, &vals[j].len[8]);
	}
	n = db_bulk_exec(&b_alert, binds, k);
	if (n != k)
		return n < 0 && db_duplicate() ? 0 : -1;
	for (int j = 0; j < k; j++) {
		ids[j] = vals[j].id = db_bulk_id(&b_alert, k, j);
		bulk_bind_int(&binds[j], &vals[j].id);
	}
	return db_bulk_exec(&b_step, binds, k) == k ? 1 : -1;
}

int watch_alerts_raise(const struct watch_alert *a, int n, long long *ids)
{
	int bulk = n > 1 ? db_bulk_ok() : 0, k, rc;

	if (bulk < 0)
		return -1;
	for (int pos = 0; pos < n; pos += k) {
		k = bulk ? db_bulk_chunk(n - pos) : 1;
		rc = k > 1 ? raise_chunk(a + pos, k, ids + pos) : 0;
		if (rc < 0)
			return -1;
		for (int j = 0; !rc && j < k; j++)
			if ((ids[pos + j] = watch_alert_raise(&a[pos + j])) < 0)
				return -1;
	}
	return 0;
}
