/* booking_slots.c: the crossings' hourly slots: making them from the
 * schedule (domain/crossings), the free places, the no-show sweep, and the
 * helpers the other booking files share */
#include "booking_int.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "epochs.h"
#include "log.h"
#include "registry.h"
#include "report.h"
#include "tzpl.h"
#include "valid.h"

static struct sql q_slot = SQL(
	"SELECT id, UNIX_TIMESTAMP(start_utc) AS start, capacity, booked,"
	" closed FROM slot WHERE crossing_id = ? AND day = ? AND hour = ?");
/* The capacity guarantee: the row lock serialises concurrent takers and
 * the condition is evaluated on the latest committed row. */
static struct sql q_take = SQL(
	"UPDATE slot SET booked = booked + 1"
	" WHERE id = ? AND booked < capacity AND closed = 0");
static struct sql q_release = SQL(
	"UPDATE slot SET booked = booked - 1 WHERE id = ? AND booked > 0");
static struct sql q_history = SQL(
	"INSERT INTO booking_history (booking_id, at, actor_kind, actor_id,"
	" action, from_start, to_start, reason) VALUES (?, UTC_TIMESTAMP(),"
	" ?, ?, ?, IF(? = 0, NULL, FROM_UNIXTIME(?)),"
	" IF(? = 0, NULL, FROM_UNIXTIME(?)), ?)");
static struct sql q_upsert = SQL(
	"INSERT INTO slot (crossing_id, day, hour, start_utc, capacity, closed)"
	" VALUES (?, ?, ?, FROM_UNIXTIME(?), ?, ?) ON DUPLICATE KEY UPDATE"
	" start_utc = VALUES(start_utc), capacity = VALUES(capacity),"
	" closed = VALUES(closed)");
/* The sweep reads ix_booking_sweep: a range that holds the bookings
 * due and those whose lane row the centre has not yet marked done
 * (bk_close_done, each tick). The slot ends an hour after it starts; then
 * the crossing's delay. */
static struct sql q_due = SQL(
	"SELECT b.id FROM booking b WHERE b.status = 'booked'"
	" AND b.start_utc < UTC_TIMESTAMP() - INTERVAL (60 + ?) MINUTE"
	" AND b.crossing_id = ? AND NOT EXISTS (SELECT 1 FROM booking_lane l"
	" WHERE l.booking_id = b.id) LIMIT 500");
/* A no-show is the booking's lane row, like a check-in (booking_staff.c):
 * whichever of the two comes first, the other finds the row there. */
static struct sql q_noshow = SQL(
	"INSERT INTO booking_lane (booking_id, crossing_id, status, done_at)"
	" SELECT id, crossing_id, 'no_show', UTC_TIMESTAMP() FROM booking"
	" WHERE id = ? AND status = 'booked' LOCK IN SHARE MODE");
/* The centre's side of a final lane row (booking_int.h): one plate's
 * (uq_booking_active_plate), or a crossing's bookings whose hour has
 * begun (ix_booking_sweep: few once closed). */
static struct sql q_close_plate = SQL(
	"UPDATE booking b JOIN booking_lane l ON l.booking_id = b.id"
	" SET b.status = 'done' WHERE b.crossing_id = ? AND b.active_plate = ?"
	" AND l.status IN ('served', 'no_show')");
static struct sql q_close_past = SQL(
	"UPDATE booking b JOIN booking_lane l ON l.booking_id = b.id"
	" SET b.status = 'done' WHERE b.status = 'booked'"
	" AND b.start_utc < UTC_TIMESTAMP() AND b.crossing_id = ?"
	" AND l.status IN ('served', 'no_show')");
static struct sql q_free = SQL(
	"SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, hour, capacity, booked,"
	" GREATEST(CAST(capacity AS SIGNED) - booked, 0) AS free, closed,"
	" start_utc <= UTC_TIMESTAMP() AS past"
	" FROM slot WHERE crossing_id = ? AND day BETWEEN ? AND ?"
	" AND capacity > 0 ORDER BY day, hour");

/* The calendar's two levels. Days: every day of the range (its 24 slot
 * rows through uq_slot, grouped in index order: no filesort) with the
 * free places of its hours still ahead and a state for the page. The
 * first day of the range must be today. */
static struct sql q_free_days = SQL(
	"SELECT DATE_FORMAT(day, '%Y-%m-%d') AS d, WEEKDAY(day) + 1 AS w,"
	" CAST(SUM(IF(closed = 0 AND booked < capacity"
	" AND (day > ? OR start_utc > UTC_TIMESTAMP()), capacity - booked, 0))"
	" AS SIGNED) AS f,"
	" IF(SUM(capacity > 0 AND closed = 0"
	" AND (day > ? OR start_utc > UTC_TIMESTAMP())) = 0, 'closed',"
	" IF(SUM(closed = 0 AND booked < capacity"
	" AND (day > ? OR start_utc > UTC_TIMESTAMP())) = 0, 'full', 'open'))"
	" AS s FROM slot WHERE crossing_id = ? AND day BETWEEN ? AND ?"
	" GROUP BY day ORDER BY day");
/* Hours: one day's open hours still ahead (uq_slot, 24 rows at most). */
static struct sql q_day_hours = SQL(
	"SELECT hour AS h, GREATEST(CAST(capacity AS SIGNED) - booked, 0) AS f,"
	" capacity AS c, IF(closed, 'closed', IF(booked >= capacity, 'full',"
	" 'free')) AS s FROM slot WHERE crossing_id = ? AND day = ?"
	" AND capacity > 0 AND start_utc > UTC_TIMESTAMP() ORDER BY hour");

int bk_crossing_load(long long id, struct crossing *c)
{
	int rc = crossings_get(id, c);

	return rc == 1 && !c->ebt ? 0 : rc;
}

int bk_slot_find(long long crossing_id, const char *day, int hour,
		 struct bk_slot *s)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	memset(s, 0, sizeof(*s));
	rc = db_get(&a, &q_slot, &row, "isi", crossing_id, day,
		    (long long)hour);
	if (rc == 1) {
		s->id = row_int(&row, "id", 0);
		s->start = row_int(&row, "start", 0);
		s->capacity = (int)row_int(&row, "capacity", 0);
		s->booked = (int)row_int(&row, "booked", 0);
		s->closed = (int)row_int(&row, "closed", 0);
	}
	arena_reset(&a);
	return rc;
}

enum bk_status bk_slot_check(const struct crossing *c, const char *day,
			     int hour, struct bk_slot *s)
{
	long long now = now_unix();
	enum bk_status st = booking_day_rule(c->horizon, day, now);
	int rc;

	if (st != BK_OK)
		return st;
	rc = bk_slot_find(c->id, day, hour, s);
	if (rc < 0)
		return BK_ERROR;
	return booking_hour_rule(day, hour, rc ? s : NULL, now);
}

int bk_slot_take(long long slot_id)
{
	long long n = db_exec(&q_take, "i", slot_id);

	/* Calendars cached by any worker are redrawn once this commits. */
	if (n == 1)
		epoch_bump(EPOCH_SLOTS);
	return n < 0 ? -1 : n == 1;
}

int bk_slot_release(long long slot_id)
{
	if (db_exec(&q_release, "i", slot_id) < 0)
		return -1;
	epoch_bump(EPOCH_SLOTS);
	return 0;
}

/* The history line just written, as the reports count it: its own time
 * (so the rollup's day is the line's), the booking's crossing and company.
 * The lane's steps are counted by bk_count_lane. */
static struct sql q_counted = SQL(
	"SELECT UNIX_TIMESTAMP(h.at) AS at, h.action, h.actor_kind,"
	" h.actor_id, b.crossing_id, b.company_id"
	" FROM booking_history h JOIN booking b ON b.id = h.booking_id"
	" WHERE h.id = ?");

/* Every booking change is counted in the reports' rollups (domain/report)
 * in the transaction that records it: the history line is the change. */
static int count(long long history_id)
{
	struct arena a = { 0 };
	struct row row;
	struct report_booking_change c = { 0 };
	int rc = -1;

	if (db_get(&a, &q_counted, &row, "i", history_id) != 1)
		goto out;
	c.crossing_id = row_int(&row, "crossing_id", 0);
	c.action = row_get(&row, "action", "");
	c.at = row_int(&row, "at", 0);
	c.company_id = row_int(&row, "company_id", 0);
	/* A person who books for a company through an agency. */
	if (!strcmp(c.action, "created") && c.company_id > 0 &&
	    !strcmp(row_get(&row, "actor_kind", ""), "person") &&
	    registry_agency_of(row_int(&row, "actor_id", 0), c.company_id,
			       AUTHZ_EBT_BOOK, &c.agency_id) < 0)
		goto out;
	rc = report_count_booking(&c);
out:
	arena_reset(&a);
	return rc;
}

/* A lane step just written, as the reports count it: the step's own time,
 * the booking's crossing and company, and the wait from arrival to the
 * call. */
static struct sql q_lane_counted = SQL(
	"SELECT UNIX_TIMESTAMP(CASE ? WHEN 'arrived' THEN l.arrived_at"
	" WHEN 'called' THEN l.called_at ELSE l.done_at END) AS at,"
	" b.crossing_id, b.company_id,"
	" TIMESTAMPDIFF(SECOND, l.arrived_at, l.called_at) AS wait"
	" FROM booking_lane l JOIN booking b ON b.id = l.booking_id"
	" WHERE l.booking_id = ?");

int bk_count_lane(long long booking_id, const char *action)
{
	struct arena a = { 0 };
	struct row row;
	struct report_booking_change c = { 0 };
	int rc = -1;

	if (db_get(&a, &q_lane_counted, &row, "si", action, booking_id) != 1)
		goto out;
	c.crossing_id = row_int(&row, "crossing_id", 0);
	c.action = action;
	c.at = row_int(&row, "at", 0);
	c.company_id = row_int(&row, "company_id", 0);
	c.wait_secs = row_int(&row, "wait", 0);
	rc = report_count_booking(&c);
out:
	arena_reset(&a);
	return rc;
}

int bk_history(long long booking_id, enum bk_actor kind, long long actor_id,
	       const char *action, long long from_start, long long to_start,
	       const char *reason)
{
	static const char *const kinds[] = { "person", "staff", "system",
					     "device" };

	if (db_exec(&q_history, "isisiiiis", booking_id, kinds[kind], actor_id,
		    action, from_start, from_start, to_start, to_start,
		    reason) < 0)
		return -1;
	return count(db_insert_id(&q_history));
}

void bk_number(const char *code, char out[17])
{
	/* No 0/O, 1/I/L or U: read aloud and typed at a desk. */
	static const char abc[] = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
	unsigned char rnd[8];
	char tail[9];
	int i;

	randombytes_buf(rnd, sizeof(rnd));
	for (i = 0; i < 8; i++)
		tail[i] = abc[rnd[i] % (sizeof(abc) - 1)];
	tail[8] = '\0';
	snprintf(out, 17, "%.3s-%s", code, tail);
}

int bk_dup_on(const char *name)
{
	return db_duplicate() && strstr(db_error(), name) != NULL;
}

void bk_row_hdf(const struct row *row, HDF *hdf, const char *prefix)
{
	int i;

	for (i = 0; i < row->n; i++)
		if (row->v[i])
			hdf_set_valuef(hdf, "%s.%s=%s", prefix, row->name[i],
				       row->v[i]);
}

int booking_free_slots(long long crossing_id, const char *from, const char *to,
		       HDF *hdf, const char *prefix)
{
	return db_select_hdf(&q_free, hdf, prefix, "iss", crossing_id, from,
			     to);
}

int booking_free_days(long long crossing_id, const char *from, const char *to,
		      HDF *hdf, const char *prefix)
{
	/* Only the first day can have hours gone by: the others skip the
	 * DATETIME comparison. */
	return db_select_hdf(&q_free_days, hdf, prefix, "sssiss", from, from,
			     from, crossing_id, from, to);
}

int booking_day_hours(long long crossing_id, const char *day, HDF *hdf,
		      const char *prefix)
{
	return db_select_hdf(&q_day_hours, hdf, prefix, "is", crossing_id, day);
}

int booking_pick_hours(long long crossing_id, const char *day, int held,
		       HDF *hdf, const char *prefix)
{
	struct crossing c;
	HDF *t = NULL, *h;
	int n = 0, rc = bk_crossing_load(crossing_id, &c);

	if (rc <= 0)
		return rc;
	if (!day || !valid_date(day, NULL, NULL, NULL) ||
	    booking_day_rule(c.horizon, day, now_unix()) != BK_OK)
		return 0;
	booking_maintain(c.id);
	if (bk_hdf_scratch(&t) < 0 ||
	    booking_day_hours(crossing_id, day, t, "H") < 0) {
		n = -1;
		goto out;
	}
	/* A closed hour is not there to pick; a full one is shown as full. */
	for (h = hdf_get_child(t, "H"); h; h = hdf_obj_next(h)) {
		const char *s = hdf_get_value(h, "s", "");

		if (!strcmp(s, "closed"))
			continue;
		hdf_set_int_value(h, "pick",
				  !strcmp(s, "free") &&
					  hdf_get_int_value(h, "h", -1) !=
						  held);
		if (bk_hdf_copy_at(hdf, prefix, n, h) < 0) {
			n = -1;
			goto out;
		}
		n++;
	}
out:
	if (t)
		hdf_destroy(&t);
	return n;
}

/* The slots of days from..to (days after today) as the schedule says. */
struct slots_tx {
	const struct crossing_schedule *s;
	long long crossing_id, now;
	int from, to;
	const char *last;
};

/* One run of make_slots' transaction (db_tx): 0 commits. */
static int slots_tx(void *arg)
{
	const struct slots_tx *t = arg;
	char day[11];
	int d, h;

	for (d = t->from; d <= t->to; d++) {
		int y, m, dd, dow;

		tzpl_day(t->now, d, day);
		y = atoi(day);
		m = atoi(day + 5);
		dd = atoi(day + 8);
		dow = tzpl_dow(y, m, dd);
		for (h = 0; h < 24; h++) {
			long long when = tzpl_to_utc(y, m, dd, h);
			int cap = crossings_hour_capacity(t->s, dow, h);

			if (when < 0)
				continue; /* spring forward */
			if (db_exec(&q_upsert, "isiiii", t->crossing_id, day,
				    (long long)h, when, (long long)cap,
				    (long long)crossings_hour_closed(t->s, day,
								     h)) < 0)
				return -1;
		}
	}
	return crossings_slots_made(t->crossing_id, t->last) == 0 ? 0 : -1;
}

/* Writes the 24 slots of each day from `from` (days after today) to
 * `to`, in one transaction. A closed hour keeps its row with capacity 0:
 * bookings made before the change still point at it. */
static int make_slots(long long crossing_id, int from, int to)
{
	struct crossing_schedule *s = malloc(sizeof(*s));
	struct slots_tx t;
	char first[11], last[11];
	int rc = -1;

	if (!s)
		return -1;
	t = (struct slots_tx){ s, crossing_id, now_unix(), from, to, last };
	tzpl_day(t.now, from, first);
	tzpl_day(t.now, to, last);
	if (crossings_schedule(crossing_id, first, last, s) < 0)
		goto out;
	rc = db_tx(slots_tx, &t) == 0 ? 0 : -1;
out:
	free(s);
	return rc;
}

int booking_slots_rebuild(long long crossing_id)
{
	struct crossing c;

	if (bk_crossing_load(crossing_id, &c) <= 0)
		return -1;
	return make_slots(crossing_id, 0, c.horizon);
}

static int noshow_cb(const struct row *row, void *ctx)
{
	long long *ids = ctx;

	if (ids[0] < 500)
		ids[++ids[0]] = row_int(row, "id", 0);
	return 0;
}

/* The crossing's bookings still "booked" past their hour and its delay.
 * Each is its own small transaction; the status condition makes a race
 * with a check-in harmless (whichever comes first wins, the other changes
 * nothing). */
static int sweep_noshows(const struct crossing *c)
{
	long long ids[501] = { 0 };

	if (db_each(&q_due, noshow_cb, ids, "ii", (long long)c->noshow, c->id) <
	    0)
		return -1;
	for (long long i = 1; i <= ids[0]; i++) {
		long long n;

		if (db_begin() < 0)
			return -1;
		n = db_exec(&q_noshow, "i", ids[i]);
		if (n < 0 && db_duplicate()) {
			db_rollback(); /* checked in meanwhile */
			continue;
		}
		if (n < 0 || (n == 1 && bk_count_lane(ids[i], "no_show") < 0) ||
		    db_commit() < 0) {
			db_rollback();
			return -1;
		}
	}
	return 0;
}

int bk_serves(const struct crossing *c)
{
	return c->node_id == conf_int("Cluster.NodeId", 0);
}

/* Where booking is written: the one-machine stack and the centre. */
static int at_centre(void)
{
	return conf_int("Cluster.NodeId", 0) == 0;
}

long long bk_close_done(long long crossing_id, const char *plate)
{
	return plate ? db_exec(&q_close_plate, "is", crossing_id, plate)
		     : db_exec(&q_close_past, "i", crossing_id);
}

int booking_maintain(long long crossing_id)
{
	/* Per worker: at most once a minute per crossing. Nothing here is
	 * urgent (no-shows are marked an hour after the hour anyway) and the
	 * calendar, the busiest page, calls it on every view. */
	static long long last_run[16];
	struct crossing c;
	char last[11];
	long long now = now_unix();

	if (crossing_id > 0 && crossing_id < 16) {
		if (now - last_run[crossing_id] < 60)
			return 0;
		last_run[crossing_id] = now;
	}
	if (bk_crossing_load(crossing_id, &c) <= 0)
		return -1;
	tzpl_day(now_unix(), c.horizon, last);
	/* Slots are central: a crossing node reads the centre's. */
	if (at_centre() &&
	    (!c.slots_until[0] || strcmp(c.slots_until, last) < 0)) {
		char today[11];
		int from = 0;

		/* From the day after the last one made (or today). */
		tzpl_day(now_unix(), 0, today);
		if (c.slots_until[0] && strcmp(c.slots_until, today) >= 0)
			while (from < c.horizon) {
				char d[11];

				tzpl_day(now_unix(), from, d);
				if (strcmp(d, c.slots_until) > 0)
					break;
				from++;
			}
		if (make_slots(crossing_id, from, c.horizon) < 0)
			log_warn("slots of crossing %lld not made",
				 crossing_id);
		epoch_bump(EPOCH_SLOTS);
	}
	return bk_serves(&c) ? sweep_noshows(&c) : 0;
}

int booking_tick(void)
{
	long long ids[64];
	struct crossing c;
	int n = crossings_ebt_ids(ids, 64), rc = n < 0 ? -1 : 0;

	for (int i = 0; i < n; i++) {
		booking_maintain(ids[i]);
		/* booking_maintain sweeps at most once a minute per
		 * crossing: the background process sweeps on every tick,
		 * only the crossings this server serves. */
		if (bk_crossing_load(ids[i], &c) == 1 && bk_serves(&c) &&
		    sweep_noshows(&c) < 0) {
			log_warn("no-show sweep of crossing %lld failed: %s",
				 ids[i], db_error());
			rc = -1;
		}
		/* Lane rows that came final (served, no-show), here or up
		 * from the crossing's node, free their plate. */
		if (at_centre() && bk_close_done(ids[i], NULL) < 0) {
			log_warn("closing crossing %lld's served bookings "
				 "failed: %s",
				 ids[i], db_error());
			rc = -1;
		}
	}
	return rc;
}
