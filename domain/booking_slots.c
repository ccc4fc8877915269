/* booking_slots.c: crossings and their hourly slots: making the slots from
 * the schedule, the free places, the no-show sweep, and the helpers the
 * other booking files share */
#include "booking_int.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "epochs.h"
#include "log.h"
#include "tzpl.h"
#include "valid.h"

static struct sql q_crossing = SQL(
	"SELECT id, unit_id, code, horizon_days, change_deadline_min,"
	" arrive_before_min, arrive_after_min, noshow_delay_min, lanes,"
	" slots_until FROM crossing WHERE id = ?");
static struct sql q_crossing_hdf = SQL(
	"SELECT id, code, name_pl, name_en, to_country, unit_id, horizon_days,"
	" change_deadline_min, arrive_before_min, arrive_after_min,"
	" noshow_delay_min, lanes FROM crossing WHERE id = ?");
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
static struct sql q_days = SQL(
	"SELECT dow, open_hour, close_hour, capacity FROM crossing_day"
	" WHERE crossing_id = ?");
static struct sql q_closures = SQL(
	"SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, from_hour, to_hour"
	" FROM crossing_closure WHERE crossing_id = ? AND day BETWEEN ? AND ?");
static struct sql q_upsert = SQL(
	"INSERT INTO slot (crossing_id, day, hour, start_utc, capacity, closed)"
	" VALUES (?, ?, ?, FROM_UNIXTIME(?), ?, ?) ON DUPLICATE KEY UPDATE"
	" start_utc = VALUES(start_utc), capacity = VALUES(capacity),"
	" closed = VALUES(closed)");
static struct sql q_until = SQL(
	"UPDATE crossing SET slots_until = ? WHERE id = ?"
	" AND (slots_until IS NULL OR slots_until < ?)");
/* The sweep reads ix_booking_sweep: a range that is empty when nothing is
 * due. The slot ends an hour after it starts. */
static struct sql q_due = SQL(
	"SELECT b.id, UNIX_TIMESTAMP(b.start_utc) AS start FROM booking b"
	" JOIN crossing c ON c.id = b.crossing_id"
	" WHERE b.status = 'booked'"
	" AND b.start_utc < UTC_TIMESTAMP() - INTERVAL 60 MINUTE"
	" AND b.start_utc < UTC_TIMESTAMP() - INTERVAL (60 + c.noshow_delay_min) MINUTE"
	" LIMIT 500");
static struct sql q_noshow = SQL(
	"UPDATE booking SET status = 'no_show', done_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND status = 'booked'");
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
	" AND (day > ? OR start_utc > UTC_TIMESTAMP())) = 0, 'closed', 'open')"
	" AS s FROM slot WHERE crossing_id = ? AND day BETWEEN ? AND ?"
	" GROUP BY day ORDER BY day");
/* Hours: one day's open hours still ahead (uq_slot, 24 rows at most). */
static struct sql q_day_hours = SQL(
	"SELECT hour AS h, GREATEST(CAST(capacity AS SIGNED) - booked, 0) AS f,"
	" capacity AS c, IF(closed, 'closed', IF(booked >= capacity, 'full',"
	" 'free')) AS s FROM slot WHERE crossing_id = ? AND day = ?"
	" AND capacity > 0 AND start_utc > UTC_TIMESTAMP() ORDER BY hour");

static const struct {
	const char *key, *code;
} status_names[] = {
	[BK_OK] = { "ok", "OK" },
	[BK_INVALID] = { "invalid", "INVALID_FIELD" },
	[BK_FORBIDDEN] = { "forbidden", "NOT_AUTHORISED" },
	[BK_NOT_FOUND] = { "not_found", "NOT_FOUND" },
	[BK_NO_CROSSING] = { "no_crossing", "UNKNOWN_CROSSING" },
	[BK_PAST] = { "past", "SLOT_IN_PAST" },
	[BK_HORIZON] = { "horizon", "BEYOND_HORIZON" },
	[BK_CLOSED] = { "closed", "CROSSING_CLOSED" },
	[BK_FULL] = { "full", "SLOT_FULL" },
	[BK_PLATE_ACTIVE] = { "plate_active", "TRUCK_ALREADY_BOOKED" },
	[BK_DEADLINE] = { "deadline", "DEADLINE_PASSED" },
	[BK_STATE] = { "state", "WRONG_STATUS" },
	[BK_SAME_SLOT] = { "same_slot", "SAME_SLOT" },
	[BK_NO_PLACE] = { "no_place", "NO_FREE_PLACE" },
	[BK_ERROR] = { "error", "INTERNAL" },
};

const char *booking_status_key(enum bk_status st)
{
	return st <= BK_ERROR ? status_names[st].key : "error";
}

const char *booking_status_code(enum bk_status st)
{
	return st <= BK_ERROR ? status_names[st].code : "INTERNAL";
}

int bk_crossing_load(long long id, struct bk_crossing *c)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	memset(c, 0, sizeof(*c));
	rc = db_get(&a, &q_crossing, &row, "i", id);
	if (rc == 1) {
		c->id = row_int(&row, "id", 0);
		c->unit_id = row_int(&row, "unit_id", 0);
		snprintf(c->code, sizeof(c->code), "%s",
			 row_get(&row, "code", ""));
		c->horizon = (int)row_int(&row, "horizon_days", 30);
		c->deadline = (int)row_int(&row, "change_deadline_min", 120);
		c->before = (int)row_int(&row, "arrive_before_min", 120);
		c->after = (int)row_int(&row, "arrive_after_min", 60);
		c->noshow = (int)row_int(&row, "noshow_delay_min", 60);
		c->lanes = (int)row_int(&row, "lanes", 4);
		snprintf(c->slots_until, sizeof(c->slots_until), "%s",
			 row_get(&row, "slots_until", ""));
	}
	arena_reset(&a);
	return rc;
}

int booking_crossing(long long crossing_id, HDF *hdf, const char *prefix)
{
	struct arena a = { 0 };
	struct row row;
	int rc = db_get(&a, &q_crossing_hdf, &row, "i", crossing_id);

	if (rc == 1)
		bk_row_hdf(&row, hdf, prefix);
	arena_reset(&a);
	return rc;
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

enum bk_status bk_slot_check(const struct bk_crossing *c, const char *day,
			     int hour, struct bk_slot *s)
{
	char today[11], last[11];
	long long now = now_unix();
	int rc;

	tzpl_day(now, 0, today);
	tzpl_day(now, c->horizon, last);
	/* Dates as YYYY-MM-DD compare as strings. */
	if (strcmp(day, last) > 0)
		return BK_HORIZON;
	if (strcmp(day, today) < 0)
		return BK_PAST;
	rc = bk_slot_find(c->id, day, hour, s);
	if (rc < 0)
		return BK_ERROR;
	if (rc == 0) {
		/* No row: an hour skipped by summer time, or slots not made
		 * yet; either way nothing to book. */
		long long t = tzpl_to_utc(atoi(day), atoi(day + 5),
					  atoi(day + 8), hour);
		return t >= 0 && t <= now ? BK_PAST : BK_CLOSED;
	}
	if (s->start <= now)
		return BK_PAST;
	if (s->capacity == 0 || s->closed)
		return BK_CLOSED;
	return BK_OK;
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

int bk_history(long long booking_id, enum bk_actor kind, long long actor_id,
	       const char *action, long long from_start, long long to_start,
	       const char *reason)
{
	static const char *const kinds[] = { "person", "staff", "system",
					     "device" };

	return db_exec(&q_history, "isisiiiis", booking_id, kinds[kind],
		       actor_id, action, from_start, from_start, to_start,
		       to_start, reason) < 0 ? -1 : 0;
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

int booking_free_slots(long long crossing_id, const char *from,
		       const char *to, HDF *hdf, const char *prefix)
{
	return db_select_hdf(&q_free, hdf, prefix, "iss", crossing_id, from,
			     to);
}

int booking_free_days(long long crossing_id, const char *from,
		      const char *to, HDF *hdf, const char *prefix)
{
	/* Only the first day can have hours gone by: the others skip the
	 * DATETIME comparison. */
	return db_select_hdf(&q_free_days, hdf, prefix, "ssiss", from, from,
			     crossing_id, from, to);
}

int booking_day_hours(long long crossing_id, const char *day, HDF *hdf,
		      const char *prefix)
{
	return db_select_hdf(&q_day_hours, hdf, prefix, "is", crossing_id, day);
}

/* The schedule of one crossing, read once per rebuild. */
struct schedule {
	int open[8], close[8], cap[8];
	struct closure {
		char day[11];
		int from, to;
	} closures[256];
	int nclosures;
};

static int day_cb(const struct row *row, void *ctx)
{
	struct schedule *s = ctx;
	int dow = (int)row_int(row, "dow", 0);

	if (dow >= 1 && dow <= 7) {
		s->open[dow] = (int)row_int(row, "open_hour", 0);
		s->close[dow] = (int)row_int(row, "close_hour", 0);
		s->cap[dow] = (int)row_int(row, "capacity", 0);
	}
	return 0;
}

static int closure_cb(const struct row *row, void *ctx)
{
	struct schedule *s = ctx;
	struct closure *c;

	if (s->nclosures >= (int)(sizeof(s->closures) / sizeof(s->closures[0])))
		return 1;
	c = &s->closures[s->nclosures++];
	snprintf(c->day, sizeof(c->day), "%s", row_get(row, "day", ""));
	c->from = (int)row_int(row, "from_hour", 0);
	c->to = (int)row_int(row, "to_hour", 0);
	return 0;
}

static int closed_at(const struct schedule *s, const char *day, int hour)
{
	for (int i = 0; i < s->nclosures; i++)
		if (strcmp(s->closures[i].day, day) == 0 &&
		    hour >= s->closures[i].from && hour < s->closures[i].to)
			return 1;
	return 0;
}

/* The slots of days from..to (days after today) as the schedule says. */
struct slots_tx {
	const struct schedule *s;
	long long crossing_id, now;
	int from, to;
	const char *last;
};

/* One run of make_slots' transaction (db_tx): 0 commits. */
static int slots_tx(void *arg)
{
	const struct slots_tx *t = arg;
	const struct schedule *s = t->s;
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
			int cap = h >= s->open[dow] && h < s->close[dow]
					  ? s->cap[dow] : 0;

			if (when < 0)
				continue;	/* spring forward */
			if (db_exec(&q_upsert, "isiiii", t->crossing_id, day,
				    (long long)h, when, (long long)cap,
				    (long long)closed_at(s, day, h)) < 0)
				return -1;
		}
	}
	return db_exec(&q_until, "sis", t->last, t->crossing_id, t->last) < 0
		       ? -1 : 0;
}

/* Writes the 24 slots of each day from `from` (days after today) to
 * `to`, in one transaction. A closed hour keeps its row with capacity 0:
 * bookings made before the change still point at it. */
static int make_slots(long long crossing_id, int from, int to)
{
	struct schedule *s = calloc(1, sizeof(*s));
	struct slots_tx t;
	char first[11], last[11];
	int rc = -1;

	if (!s)
		return -1;
	t = (struct slots_tx){ s, crossing_id, now_unix(), from, to, last };
	tzpl_day(t.now, from, first);
	tzpl_day(t.now, to, last);
	if (db_each(&q_days, day_cb, s, "i", crossing_id) < 0 ||
	    db_each(&q_closures, closure_cb, s, "iss", crossing_id, first,
		    last) < 0)
		goto out;
	rc = db_tx(slots_tx, &t) == 0 ? 0 : -1;
out:
	free(s);
	return rc;
}

int booking_slots_rebuild(long long crossing_id)
{
	struct bk_crossing c;

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

/* Bookings still "booked" past their hour and the delay. Each is its own
 * small transaction; the status condition makes a race with a check-in
 * harmless (whichever comes first wins, the other changes nothing). */
static int sweep_noshows(void)
{
	long long ids[501] = { 0 };

	if (db_each(&q_due, noshow_cb, ids, "") < 0)
		return -1;
	for (long long i = 1; i <= ids[0]; i++) {
		long long n;

		if (db_begin() < 0)
			return -1;
		n = db_exec(&q_noshow, "i", ids[i]);
		if (n < 0 || (n == 1 && bk_history(ids[i], ACT_SYSTEM, 0,
						   "no_show", 0, 0, NULL) < 0) ||
		    db_commit() < 0) {
			db_rollback();
			return -1;
		}
	}
	return 0;
}

int booking_maintain(long long crossing_id)
{
	/* Per worker: at most once a minute per crossing. Nothing here is
	 * urgent (no-shows are marked an hour after the hour anyway) and the
	 * calendar, the busiest page, calls it on every view. */
	static long long last_run[16];
	struct bk_crossing c;
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
	if (!c.slots_until[0] || strcmp(c.slots_until, last) < 0) {
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
			log_warn("slots of crossing %lld not made", crossing_id);
		epoch_bump(EPOCH_SLOTS);
	}
	return sweep_noshows();
}

static struct sql q_crossing_ids = SQL("SELECT id FROM crossing ORDER BY id");

static int crossing_id_cb(const struct row *row, void *ctx)
{
	long long *ids = ctx;

	if (ids[0] >= 63)
		return 1;
	ids[++ids[0]] = row_int(row, "id", 0);
	return 0;
}

void booking_tick(void)
{
	long long ids[64] = { 0 };

	if (db_each(&q_crossing_ids, crossing_id_cb, ids, "") < 0)
		return;
	for (long long i = 1; i <= ids[0]; i++)
		booking_maintain(ids[i]);
	/* booking_maintain sweeps at most once a minute per crossing: the
	 * background process sweeps on every tick. */
	if (sweep_noshows() < 0)
		log_warn("no-show sweep failed: %s", db_error());
}
