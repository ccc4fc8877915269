/* booking_staff.c: the crossing side's booking rules: the officer's day
 * and waiting zone with the status changes each booking allows, the
 * changes themselves, walk-ins and the check-in of a plate seen at the
 * waiting zone */
#include "booking_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "risk.h"
#include "tzpl.h"

static struct sql q_find = SQL(
	"SELECT b.id, b.number, b.crossing_id, b.company_id, b.slot_id,"
	" " BK_SQL_STATE " AS status, b.plate,"
	" DATE_FORMAT(b.day, '%Y-%m-%d') AS day, b.hour,"
	" UNIX_TIMESTAMP(b.start_utc) AS start FROM booking b" BK_SQL_LANE
	" WHERE b.number = ? AND b.crossing_id = ?");
/* The lane side never updates booking (central: read-only on a crossing
 * node): a check-in or a no-show is the booking's lane row, a call and a
 * service change that row. The INSERT reads the booking row with a share
 * lock, so a cancellation at the same server waits for it (and then sees
 * the lane row); a second officer's click finds the row there (a
 * duplicate key, or no row updated): nothing changes. */
static struct sql q_arrive = SQL(
	"INSERT INTO booking_lane (booking_id, crossing_id, status,"
	" arrived_at, arrived_by) SELECT id, crossing_id, 'arrived',"
	" UTC_TIMESTAMP(), NULLIF(?, 0) FROM booking"
	" WHERE id = ? AND status = 'booked' LOCK IN SHARE MODE");
static struct sql q_call = SQL(
	"UPDATE booking_lane SET status = 'called', lane = ?,"
	" called_at = UTC_TIMESTAMP(), called_by = ?"
	" WHERE booking_id = ? AND status = 'arrived'");
static struct sql q_serve = SQL(
	"UPDATE booking_lane SET status = 'served', done_at = UTC_TIMESTAMP(),"
	" done_by = ? WHERE booking_id = ? AND status = 'called'");
static struct sql q_noshow = SQL(
	"INSERT INTO booking_lane (booking_id, crossing_id, status, done_at,"
	" done_by) SELECT id, crossing_id, 'no_show', UTC_TIMESTAMP(),"
	" NULLIF(?, 0) FROM booking"
	" WHERE id = ? AND status = 'booked' LOCK IN SHARE MODE");
/* Free hours of today from the current one on, first first. */
static struct sql q_first_free = SQL(
	"SELECT id, DATE_FORMAT(day, '%Y-%m-%d') AS day, hour,"
	" UNIX_TIMESTAMP(start_utc) AS start FROM slot"
	" WHERE crossing_id = ? AND day = ? AND hour >= ? AND closed = 0"
	" AND booked < capacity ORDER BY hour LIMIT 1");
/* The booking a walk-in's truck already holds here, still waiting for its
 * hour: it is moved to the walk-in's place rather than refused. */
static struct sql q_held = SQL(
	"SELECT b.id, b.number, b.slot_id, UNIX_TIMESTAMP(b.start_utc) AS start"
	" FROM booking b WHERE b.crossing_id = ? AND b.active_plate = ?"
	" AND b.status = 'booked' AND NOT EXISTS (SELECT 1 FROM booking_lane l"
	" WHERE l.booking_id = b.id) FOR UPDATE");
/* A walk-in is a centre write (booking is central): the booking row, then
 * its lane row (q_arrive) in the same transaction. */
static struct sql q_move_walkin = SQL(
	"UPDATE booking SET slot_id = ?, day = ?, hour = ?,"
	" start_utc = FROM_UNIXTIME(?), walk_in = 1, staff_id = ?"
	" WHERE id = ? AND status = 'booked'");
static struct sql q_walkin = SQL(
	"INSERT INTO booking (number, crossing_id, slot_id, day, hour,"
	" start_utc, staff_id, status, walk_in, plate, plate_country,"
	" trailer_plate, driver_name, driver_doc, driver_phone, goods,"
	" mass_kg, packages, created_at) VALUES (?, ?, ?, ?, ?,"
	" FROM_UNIXTIME(?), ?, 'booked', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" UTC_TIMESTAMP())");
static struct sql q_mrn = SQL(
	"INSERT INTO booking_mrn (booking_id, seq, mrn) VALUES (?, ?, ?)");
/* Exact plate first, then the O/0 I/1 fold; active bookings only. */
static struct sql q_plate = SQL(
	"SELECT b.id, b.number, b.plate, " BK_SQL_STATE " AS status,"
	" UNIX_TIMESTAMP(b.start_utc) AS start, b.plate = ? AS exact"
	" FROM booking b" BK_SQL_LANE " WHERE b.crossing_id = ?"
	" AND (b.active_plate = ? OR b.active_fuzzy = ?) AND " BK_SQL_ACTIVE
	" ORDER BY exact DESC, b.start_utc LIMIT 1");
/* A check-in at the wrong crossing: the booking wherever it is. */
static struct sql q_where_number = SQL(
	"SELECT b.number, b.crossing_id, DATE_FORMAT(b.day, '%Y-%m-%d') AS day,"
	" b.hour, " BK_SQL_STATE " AS status FROM booking b" BK_SQL_LANE
	" WHERE b.number = ?");
/* The same keys as q_plate, one crossing at a time (they lead with it). */
static struct sql q_where_plate = SQL(
	"SELECT b.number, b.crossing_id, DATE_FORMAT(b.day, '%Y-%m-%d') AS day,"
	" b.hour, " BK_SQL_STATE " AS status,"
	" UNIX_TIMESTAMP(b.start_utc) AS start, b.plate = ? AS exact"
	" FROM booking b" BK_SQL_LANE " WHERE b.crossing_id = ?"
	" AND (b.active_plate = ? OR b.active_fuzzy = ?) AND " BK_SQL_ACTIVE
	" ORDER BY exact DESC, b.start_utc LIMIT 1");

static struct sql q_day = SQL(
	"SELECT b.number, DATE_FORMAT(b.day, '%Y-%m-%d') AS day, b.hour,"
	" " BK_SQL_STATE " AS status, b.walk_in, b.plate, b.plate_country,"
	" b.trailer_plate, b.driver_name, b.company_name, l.lane,"
	" UNIX_TIMESTAMP(b.start_utc) AS start FROM booking b" BK_SQL_LANE
	" WHERE b.crossing_id = ? AND b.day BETWEEN ? AND ?"
	" ORDER BY b.day, b.hour, b.id");
/* Call order: the booked hour first, then who came first. The zone is
 * the crossing's lane rows arrived or called (ix_booking_lane_zone). */
static struct sql q_waiting = SQL(
	"SELECT b.id, b.number, b.hour, l.status, b.walk_in, b.plate,"
	" b.driver_name, l.lane, DATE_FORMAT(l.arrived_at, '%H:%i') AS arrived_utc"
	" FROM booking_lane l JOIN booking b ON b.id = l.booking_id"
	" WHERE l.crossing_id = ? AND l.status IN ('arrived', 'called')"
	" ORDER BY l.status = 'called', b.start_utc, l.arrived_at");

int booking_day_hdf(const struct crossing *c, const char *from, const char *to,
		    HDF *hdf, const char *prefix, const char *waiting)
{
	long long now = now_unix();
	HDF *b;

	if (db_select_hdf(&q_day, hdf, prefix, "iss", c->id, from, to) < 0 ||
	    db_select_hdf(&q_waiting, hdf, waiting, "i", c->id) < 0)
		return -1;
	for (b = hdf_obj_child(hdf_get_obj(hdf, prefix)); b;
	     b = hdf_obj_next(b))
		hdf_set_int_value(b, "can_no_show",
				  booking_can_mark_no_show(
					  c, hdf_get_value(b, "status", ""),
					  atoll(hdf_get_value(b, "start", "0")),
					  now));
	for (b = hdf_obj_child(hdf_get_obj(hdf, waiting)); b;
	     b = hdf_obj_next(b)) {
		const char *st = hdf_get_value(b, "status", "");

		hdf_set_int_value(b, "can_call", booking_can_call(st));
		hdf_set_int_value(b, "can_serve", booking_can_serve(st));
	}
	return 0;
}

static enum bk_status load(struct arena *a, long long crossing_id,
			   const char *number, struct row *row,
			   struct booking_ref *out)
{
	int rc = db_get(a, &q_find, row, "si", number ? number : "",
			crossing_id);

	if (rc <= 0)
		return rc < 0 ? BK_ERROR : BK_NOT_FOUND;
	out->id = row_int(row, "id", 0);
	snprintf(out->number, sizeof(out->number), "%s",
		 row_get(row, "number", ""));
	out->crossing_id = crossing_id;
	out->company_id = row_int(row, "company_id", 0);
	out->slot_id = row_int(row, "slot_id", 0);
	snprintf(out->day, sizeof(out->day), "%s", row_get(row, "day", ""));
	out->hour = (int)row_int(row, "hour", 0);
	out->start_utc = row_int(row, "start", 0);
	return BK_OK;
}

static struct sql q_subject = SQL(
	"SELECT plate, company_id FROM booking WHERE id = ?");

/* A check-in's control decision (domain/risk) at the waiting zone of c,
 * in the open transaction that checks booking id in. 0 or -1. */
static int decide(const struct crossing *c, long long id)
{
	struct arena a = { 0 };
	struct row row;
	struct risk_subject s;
	struct risk_verdict v;
	int rc = -1;

	if (db_get(&a, &q_subject, &row, "i", id) != 1)
		goto out;
	s = (struct risk_subject){
		.crossing = c->code,
		.lane_kind = "waiting_zone",
		.object_kind = "plate",
		.object_key = row_get(&row, "plate", ""),
		.booking_id = id,
		.company_id = row_int(&row, "company_id", 0),
	};
	rc = risk_decide(&s, &v, 1);
out:
	arena_reset(&a);
	return rc;
}

/* One lane change, counted in the reports, in a transaction; the status
 * condition in the statement makes two officers' clicks harmless. The
 * lane row is the step's record (who and when): booking_history is
 * central and not written here. A check-in (arrived) at c gets its
 * control decision in the same transaction. q takes fmt's arguments from
 * a1 on (a3 unused by two). */
static enum bk_status set_tx(struct sql *q, const char *fmt, long long a1,
			     long long a2, long long a3, long long id,
			     const char *action, const struct crossing *c)
{
	long long n;

	/* The check-in's decision reads the risk copies: read outside the
	 * transaction where they changed, so they may be kept. */
	if (!strcmp(action, "arrived"))
		(void)risk_prepare();
	if (db_begin() < 0)
		return BK_ERROR;
	n = db_exec(q, fmt, a1, a2, a3);
	/* No row, or the lane row there already: another click was first. */
	if (n == 0 || (n < 0 && db_duplicate())) {
		db_rollback();
		return BK_STATE;
	}
	if (n < 0 || bk_count_lane(id, action) < 0 ||
	    (!strcmp(action, "arrived") && decide(c, id) < 0) ||
	    db_commit() < 0) {
		db_rollback();
		return BK_ERROR;
	}
	return BK_OK;
}

enum bk_status booking_staff_set(long long crossing_id, long long staff_id,
				 const char *number, const char *action,
				 int lane, struct booking_ref *out)
{
	struct arena a = { 0 };
	struct crossing c;
	struct row row;
	enum bk_status st;

	memset(out, 0, sizeof(*out));
	if (bk_crossing_load(crossing_id, &c) <= 0)
		return BK_NO_CROSSING;
	st = load(&a, crossing_id, number, &row, out);
	if (st != BK_OK)
		goto out;
	if (!strcmp(action, "arrived")) {
		if (!booking_in_window(&c, out->start_utc, now_unix())) {
			out->bad_field = "window";
			st = BK_STATE;
			goto out;
		}
		st = set_tx(&q_arrive, "ii", staff_id, out->id, 0, out->id,
			    "arrived", &c);
	} else if (!strcmp(action, "called")) {
		if (!booking_lane_ok(&c, lane)) {
			out->bad_field = "lane";
			st = BK_INVALID;
			goto out;
		}
		st = set_tx(&q_call, "iii", lane, staff_id, out->id, out->id,
			    "called", NULL);
	} else if (!strcmp(action, "served")) {
		st = set_tx(&q_serve, "ii", staff_id, out->id, 0, out->id,
			    "served", NULL);
	} else if (!strcmp(action, "no_show")) {
		/* Only once the arrival window has closed. */
		if (!booking_window_over(&c, out->start_utc, now_unix())) {
			out->bad_field = "window";
			st = BK_STATE;
			goto out;
		}
		st = set_tx(&q_noshow, "ii", staff_id, out->id, 0, out->id,
			    "no_show", NULL);
	} else {
		out->bad_field = "action";
		st = BK_INVALID;
	}
out:
	arena_reset(&a);
	return st;
}

/* A walk-in's transaction: what a run needs and where it writes. */
struct walkin_tx {
	struct arena *a;
	long long staff_id;
	const struct booking_form *f;
	const struct crossing *c;
	const struct bk_slot *s;
	const char *today;
	struct booking_ref *out;
};

/* One run of a walk-in (db_tx): BK_OK commits; BK_FULL when the place was
 * taken meanwhile (the caller tries the next hour). */
static int walkin_tx(void *arg)
{
	const struct walkin_tx *t = arg;
	const struct booking_form *f = t->f;
	struct booking_ref *out = t->out;
	struct row row;
	int rc, i, tries;

	rc = bk_slot_take(t->s->id);
	if (rc <= 0)
		return rc == 0 ? BK_FULL : BK_ERROR;
	if (bk_close_done(t->c->id, f->plate) < 0)
		return BK_ERROR;
	rc = db_get(t->a, &q_held, &row, "is", t->c->id, f->plate);
	if (rc < 0)
		return BK_ERROR;
	if (rc > 0) {
		/* The truck's booking for a later hour moves to this place. */
		out->id = row_int(&row, "id", 0);
		snprintf(out->number, sizeof(out->number), "%s",
			 row_get(&row, "number", ""));
		if (bk_slot_release(row_int(&row, "slot_id", 0)) < 0 ||
		    db_exec(&q_move_walkin, "isiiii", t->s->id, t->today,
			    (long long)out->hour, t->s->start, t->staff_id,
			    out->id) != 1 ||
		    db_exec(&q_arrive, "ii", t->staff_id, out->id) != 1 ||
		    bk_history(out->id, ACT_STAFF, t->staff_id, "walk_in",
			       row_int(&row, "start", 0), t->s->start,
			       NULL) < 0 ||
		    decide(t->c, out->id) < 0)
			return BK_ERROR;
		return BK_OK;
	}
	for (tries = 0; tries < 5; tries++) {
		bk_number(t->c->code, out->number);
		if (db_exec(&q_walkin, "siisiiisssssssii", out->number,
			    t->c->id, t->s->id, t->today, (long long)out->hour,
			    t->s->start, t->staff_id, f->plate,
			    f->plate_country,
			    f->trailer_plate && *f->trailer_plate
				    ? f->trailer_plate
				    : NULL,
			    f->driver_name, f->driver_doc, f->driver_phone,
			    f->goods, f->mass_kg, f->packages) >= 0)
			break;
		if (!bk_dup_on("uq_booking_number"))
			return bk_dup_on("active_plate") ? BK_PLATE_ACTIVE
							 : BK_ERROR;
	}
	if (tries == 5)
		return BK_ERROR;
	out->id = db_insert_id(&q_walkin);
	if (db_exec(&q_arrive, "ii", t->staff_id, out->id) != 1)
		return BK_ERROR;
	for (i = 0; i < f->nmrn; i++)
		if (db_exec(&q_mrn, "iis", out->id, (long long)i + 1,
			    f->mrn[i]) < 0)
			return BK_ERROR;
	if (bk_history(out->id, ACT_STAFF, t->staff_id, "walk_in", 0,
		       t->s->start, NULL) < 0 ||
	    decide(t->c, out->id) < 0)
		return BK_ERROR;
	return BK_OK;
}

enum bk_status booking_walkin(long long staff_id, const struct booking_form *f,
			      struct booking_ref *out)
{
	struct arena a = { 0 };
	struct crossing c;
	struct bk_slot s;
	struct row row;
	struct tzpl_tm tm;
	enum bk_status st = BK_ERROR;
	char today[11];
	long long now = now_unix();
	struct walkin_tx t = { &a, staff_id, f, &c, &s, today, out };
	int rc, attempt;

	memset(out, 0, sizeof(*out));
	if ((out->bad_field = booking_check_form(f)))
		return BK_INVALID;
	if (bk_crossing_load(f->crossing_id, &c) <= 0)
		return BK_NO_CROSSING;
	booking_maintain(c.id);
	tzpl_from_utc(now, &tm);
	tzpl_day(now, 0, today);
	/* Another desk may take the first free place between the read and
	 * the transaction: then the next free hour, a few times. */
	for (attempt = 0; attempt < 3; attempt++) {
		arena_reset(&a);
		/* The current hour counts although it has begun. */
		rc = db_get(&a, &q_first_free, &row, "isi", c.id, today,
			    (long long)tm.hour);
		if (rc <= 0) {
			st = rc < 0 ? BK_ERROR : BK_NO_PLACE;
			break;
		}
		s.id = row_int(&row, "id", 0);
		s.start = row_int(&row, "start", 0);
		out->hour = (int)row_int(&row, "hour", 0);
		(void)risk_prepare(); /* as set_tx */
		rc = db_tx(walkin_tx, &t);
		st = rc < 0 ? BK_ERROR : (enum bk_status)rc;
		if (st != BK_FULL)
			break;
	}
	if (st == BK_FULL)
		st = BK_ERROR; /* three places lost in a row */
	if (st == BK_OK) {
		out->crossing_id = c.id;
		out->slot_id = s.id;
		out->start_utc = s.start;
		snprintf(out->day, sizeof(out->day), "%s", today);
	}
	arena_reset(&a);
	return st;
}

int booking_checkin_plate(const char *plate, long long crossing_id,
			  long long when_unix, struct checkin_result *out)
{
	struct arena a = { 0 };
	struct crossing c;
	struct row row;
	char norm[16], folded[16];
	const char *status;
	long long id, start;
	int rc;

	memset(out, 0, sizeof(*out));
	out->outcome = CHECKIN_ERROR;
	if (!plate || !booking_plate_norm(plate, norm, sizeof(norm))) {
		out->outcome = CHECKIN_NONE;
		out->walkin_needed = 1;
		return 0;
	}
	rc = bk_crossing_load(crossing_id, &c);
	if (rc <= 0) {
		if (rc == 0)
			out->outcome = CHECKIN_NONE;
		return rc < 0 ? -1 : 0;
	}
	booking_plate_fold(norm, folded, sizeof(folded));
	rc = db_get(&a, &q_plate, &row, "siss", norm, crossing_id, norm,
		    folded);
	if (rc < 0)
		goto out;
	if (rc == 0) {
		out->outcome = CHECKIN_NONE;
		out->walkin_needed = 1;
		goto out;
	}
	id = row_int(&row, "id", 0);
	start = row_int(&row, "start", 0);
	status = row_get(&row, "status", "");
	snprintf(out->number, sizeof(out->number), "%s",
		 row_get(&row, "number", ""));
	snprintf(out->plate, sizeof(out->plate), "%s",
		 row_get(&row, "plate", ""));
	out->fuzzy = row_int(&row, "exact", 0) == 0;
	if (strcmp(status, "booked") != 0) {
		out->outcome = CHECKIN_ALREADY;
	} else if (!booking_in_window(&c, start, when_unix)) {
		out->outcome = CHECKIN_OUTSIDE;
		out->walkin_needed = 1;
	} else {
		enum bk_status st = set_tx(&q_arrive, "ii", 0, id, 0, id,
					   "arrived", &c);

		if (st == BK_ERROR)
			goto out;
		out->outcome = st == BK_OK ? CHECKIN_DONE : CHECKIN_ALREADY;
	}
out:
	arena_reset(&a);
	return out->outcome == CHECKIN_ERROR ? -1 : 0;
}

static void fill_where(const struct row *row, struct booking_where *out)
{
	snprintf(out->number, sizeof(out->number), "%s",
		 row_get(row, "number", ""));
	out->crossing_id = row_int(row, "crossing_id", 0);
	snprintf(out->day, sizeof(out->day), "%s", row_get(row, "day", ""));
	out->hour = (int)row_int(row, "hour", 0);
	snprintf(out->status, sizeof(out->status), "%s",
		 row_get(row, "status", ""));
}

int booking_elsewhere(long long crossing_id, const char *number,
		      const char *plate, struct booking_where *out)
{
	struct arena a = { 0 };
	struct row row;
	long long ids[32], best_start = 0;
	char norm[16], folded[16];
	int rc = 0, n, i, best_exact = -1;

	memset(out, 0, sizeof(*out));
	if (number) {
		rc = db_get(&a, &q_where_number, &row, "s", number);
		if (rc > 0 && row_int(&row, "crossing_id", 0) != crossing_id)
			fill_where(&row, out);
		else if (rc > 0)
			rc = 0;
		goto out;
	}
	if (!plate || !booking_plate_norm(plate, norm, sizeof(norm)))
		goto out;
	booking_plate_fold(norm, folded, sizeof(folded));
	n = crossings_ebt_ids(ids, 32);
	if (n < 0) {
		rc = -1;
		goto out;
	}
	/* The exact plate before a lookalike, then the earliest hour. */
	for (i = 0; i < n; i++) {
		int exact;

		if (ids[i] == crossing_id)
			continue;
		arena_reset(&a);
		rc = db_get(&a, &q_where_plate, &row, "siss", norm, ids[i],
			    norm, folded);
		if (rc < 0)
			goto out;
		if (rc == 0)
			continue;
		exact = (int)row_int(&row, "exact", 0);
		if (exact > best_exact ||
		    (exact == best_exact &&
		     row_int(&row, "start", 0) < best_start)) {
			fill_where(&row, out);
			best_exact = exact;
			best_start = row_int(&row, "start", 0);
		}
	}
	rc = best_exact >= 0;
out:
	arena_reset(&a);
	return rc;
}
