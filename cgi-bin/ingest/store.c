/* store.c: a device's events into the database in one transaction, with
 * their watch-list matches and alerts, acknowledged only after COMMIT */
#include "ingest.h"

#include <stdio.h>
#include <string.h>

#include "booking.h"
#include "db.h"
#include "db_bulk.h"
#include "log.h"

/* IGNORE: a duplicate (device, seq) inserts nothing and affects 0 rows:
 * the event is already stored, re-sending is safe. Values were checked by
 * the schema and event.c, so IGNORE hides nothing else. */
static struct sql q_event = SQL(
	"INSERT IGNORE INTO event (device_id, seq, t, received_at, crossing,"
	" lane, dir, kind, raw, obj_key, obj_fold, country, confidence, image,"
	" vin, num_value, alarm, doc_type, person_name, birth_date,"
	" person_key, state, doubtful) VALUES (?, ?, ?, UTC_TIMESTAMP(3), ?,"
	" ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
/* The same row without IGNORE, many rows a statement: a duplicate fails the
 * statement alone (InnoDB rolls back the statement, not the transaction),
 * and that chunk is then stored row by row through q_event, so every event
 * still gets its exact outcome. */
#define EV_COLS 22
static struct bulk b_event = BULK(
	"INSERT INTO event (device_id, seq, t, received_at, crossing,"
	" lane, dir, kind, raw, obj_key, obj_fold, country, confidence, image,"
	" vin, num_value, alarm, doc_type, person_name, birth_date,"
	" person_key, state, doubtful) VALUES ",
	"(?, ?, ?, UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, ?)", EV_COLS);
static struct sql q_seen = SQL(
	"UPDATE device SET last_seen = UTC_TIMESTAMP(3), down_alerted = 0"
	" WHERE id = ?");

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

static int store_one(struct req *r, const struct device *dev,
		     struct event *e)
{
	long long n;

	n = db_exec(&q_event, "issssssssssssssssssssi", dev->id, e->seq,
		    e->t_sql, e->crossing, e->lane, e->dir,
		    ev_kind_name(e->kind), nz(e->raw), nz(e->key), nz(e->fold),
		    nz(e->country), nz(e->confidence), nz(e->image), nz(e->vin),
		    nz(e->value),
		    e->alarm < 0 ? NULL : e->alarm ? "1" : "0",
		    nz(e->doc_type), nz(e->name), nz(e->birth),
		    nz(e->person_key), nz(e->state), (long long)e->doubtful);
	if (n < 0)
		return -1;
	if (n == 0) {
		e->duplicate = 1;
		return 0;
	}
	e->id = db_insert_id(&q_event);
	if (watch_match_event(r, e) < 0)
		return -1;
	return 0;
}

/* One chunk's parameters; a worker serves one request at a time. */
static MYSQL_BIND binds[BULK_MAX * EV_COLS];
static struct {
	long long dev, doubtful;
	unsigned long len[EV_COLS];
} vals[BULK_MAX];
static int todo[EV_MAX_BATCH];

static void bind_event(int row, long long dev_id, const struct event *e)
{
	MYSQL_BIND *b = &binds[row * EV_COLS];
	const char *s[EV_COLS] = {
		NULL, e->seq, e->t_sql, e->crossing, e->lane, e->dir,
		ev_kind_name(e->kind), nz(e->raw), nz(e->key), nz(e->fold),
		nz(e->country), nz(e->confidence), nz(e->image), nz(e->vin),
		nz(e->value), e->alarm < 0 ? NULL : e->alarm ? "1" : "0",
		nz(e->doc_type), nz(e->name), nz(e->birth), nz(e->person_key),
		nz(e->state), NULL,
	};

	vals[row].dev = dev_id;
	vals[row].doubtful = e->doubtful;
	bulk_bind_int(&b[0], &vals[row].dev);
	for (int c = 1; c < EV_COLS - 1; c++)
		bulk_bind_str(&b[c], s[c], &vals[row].len[c]);
	bulk_bind_int(&b[EV_COLS - 1], &vals[row].doubtful);
}

/* Events todo[0..k) in one multi-row INSERT, then their matches; on a
 * duplicate (a resend, or one racing in from another worker) row by row.
 * 0 stored, -1 failed (the caller rolls back). */
static int store_chunk(struct req *r, const struct device *dev,
		       struct event *evs, const int *idx, int k)
{
	long long n;

	if (k > 1) {
		for (int j = 0; j < k; j++)
			bind_event(j, dev->id, &evs[idx[j]]);
		n = db_bulk_exec(&b_event, binds, k);
		if (n == k) {
			for (int j = 0; j < k; j++) {
				struct event *e = &evs[idx[j]];

				e->id = db_bulk_id(&b_event, k, j);
				if (watch_match_event(r, e) < 0)
					return -1;
			}
			return 0;
		}
		if (n >= 0 || !db_duplicate())
			return -1;
	}
	for (int j = 0; j < k; j++)
		if (store_one(r, dev, &evs[idx[j]]) < 0)
			return -1;
	return 0;
}

/*
 * eBT: a plate read at a crossing's waiting-zone entry checks the truck's
 * booking in. booking_checkin_plate() runs its own transaction, so it is
 * called after the events are committed; a failure there is logged and
 * never costs the device its acknowledgement.
 */
static void checkin(const struct device *dev, const struct event *evs, int n)
{
	struct checkin_result res;

	/* Only where eBT takes bookings. */
	if (!dev->ebt || strcmp(dev->lane_kind, "waiting_zone") != 0)
		return;
	for (int i = 0; i < n; i++) {
		const struct event *e = &evs[i];

		if (e->reject || e->duplicate || e->kind != EV_PLATE ||
		    strcmp(e->dir, "entry") != 0)
			continue;
		if (booking_checkin_plate(e->key, dev->crossing_id,
					  e->t_ms / 1000, &res) < 0)
			log_warn("device %s: eBT check-in of %s failed",
				 dev->code, e->key);
	}
}

int store_events(struct req *r, const struct device *dev, struct event *evs,
		 int n)
{
	int m = 0, bulk, k;

	if (watch_sync(dev->watch_version) < 0)
		return -1;
	bulk = db_bulk_ok();
	if (bulk < 0)
		return -1;
	for (int i = 0; i < n && m < EV_MAX_BATCH; i++)
		if (!evs[i].reject)
			todo[m++] = i;
	/*
	 * One event that raises nothing from a device whose last_seen is
	 * current is one write: as an autocommit statement it is the same
	 * durable commit, with three round trips fewer (SET autocommit,
	 * COMMIT, SET autocommit). Its IGNORE keeps a retried statement
	 * (db.c retries once on a lost connection) from storing it twice.
	 */
	if (m == 1 && dev->seen_now && !watch_would_match(&evs[todo[0]])) {
		if (store_one(r, dev, &evs[todo[0]]) < 0) {
			log_err("device %s: event not stored: %s", dev->code,
				db_error());
			evs[todo[0]].id = 0;
			evs[todo[0]].duplicate = 0;
			return -1;
		}
		checkin(dev, evs, n);
		return 0;
	}
	if (db_begin() < 0)
		return -1;
	for (int pos = 0; pos < m; pos += k) {
		k = bulk ? db_bulk_chunk(m - pos) : 1;
		if (store_chunk(r, dev, evs, todo + pos, k) < 0)
			goto fail;
	}
	/* A device posting many times a second moves last_seen once a
	 * second: the down check works in heartbeat intervals. */
	if (!dev->seen_now && db_exec(&q_seen, "i", dev->id) < 0)
		goto fail;
	if (db_commit() < 0)
		goto fail;
	if (!dev->seen_now)
		auth_device_seen(dev);
	checkin(dev, evs, n);
	return 0;
fail:
	log_err("device %s: events not stored: %s", dev->code, db_error());
	db_rollback();
	for (int i = 0; i < n; i++) {
		evs[i].id = 0;
		evs[i].duplicate = 0;
	}
	return -1;
}
