/* booking.c: the company side's booking rules: create, change, cancel, get
 * and list, each checking e-Customer's authorisation itself */
#include "booking_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "registry.h"
#include "tzpl.h"
#include "valid.h"

static struct sql q_by_idem = SQL(
	"SELECT id, number, crossing_id, company_id, person_id, slot_id,"
	" DATE_FORMAT(day, '%Y-%m-%d') AS day, hour,"
	" UNIX_TIMESTAMP(start_utc) AS start FROM booking WHERE idem_key = ?");
static struct sql q_insert = SQL(
	"INSERT INTO booking (number, crossing_id, slot_id, day, hour,"
	" start_utc, company_id, company_name, person_id, guest_email, status,"
	" plate, plate_country, trailer_plate, driver_name, driver_doc,"
	" driver_phone, goods, mass_kg, packages, idem_key, created_at) VALUES"
	" (?, ?, ?, ?, ?, FROM_UNIXTIME(?), NULLIF(?, 0), ?, NULLIF(?, 0), ?,"
	" 'booked', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())");
static struct sql q_mrn = SQL(
	"INSERT INTO booking_mrn (booking_id, seq, mrn) VALUES (?, ?, ?)");
static struct sql q_find = SQL(
	"SELECT b.id, b.number, b.crossing_id, b.company_id, b.slot_id,"
	" " BK_SQL_STATE " AS status, DATE_FORMAT(b.day, '%Y-%m-%d') AS day,"
	" b.hour, UNIX_TIMESTAMP(b.start_utc) AS start"
	" FROM booking b" BK_SQL_LANE " WHERE b.number = ?");
/* The lane row is read under the lock too: a check-in here locks the
 * booking row (share) before it writes its lane row. */
static struct sql q_lock = SQL(
	"SELECT " BK_SQL_STATE
	" AS status, b.slot_id FROM booking b" BK_SQL_LANE
	" WHERE b.id = ? FOR UPDATE");
static struct sql q_move = SQL(
	"UPDATE booking SET slot_id = ?, day = ?, hour = ?,"
	" start_utc = FROM_UNIXTIME(?) WHERE id = ?");
static struct sql q_cancel = SQL(
	"UPDATE booking SET status = 'cancelled', done_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND status = 'booked'");
static struct sql q_get = SQL(
	"SELECT b.id, b.number, b.crossing_id,"
	" DATE_FORMAT(b.day, '%Y-%m-%d') AS day, b.hour,"
	" DATE_FORMAT(b.start_utc, '%Y%m%dT%H%i%SZ') AS start_ics,"
	" UNIX_TIMESTAMP(b.start_utc) AS start, b.company_id, b.company_name,"
	" b.guest_email, b.person_id, " BK_SQL_STATE " AS status, b.walk_in,"
	" b.plate, b.plate_country, b.trailer_plate, b.driver_name,"
	" b.driver_doc, b.driver_phone, b.goods, b.mass_kg, b.packages,"
	" l.lane, DATE_FORMAT(b.created_at, '%Y-%m-%d %H:%i') AS created_at"
	" FROM booking b" BK_SQL_LANE " WHERE b.number = ?");
static struct sql q_mrns = SQL(
	"SELECT mrn FROM booking_mrn WHERE booking_id = ? ORDER BY seq");
/* The company's changes (booking_history) and the lane's steps (its lane
 * row: arrival, call, service or no-show; a walk-in's arrival is its
 * walk_in line), in time order. */
static struct sql q_hist = SQL(
	"SELECT DATE_FORMAT(t, '%Y-%m-%d %H:%i') AS at, actor_kind, action,"
	" UNIX_TIMESTAMP(from_start) AS from_start,"
	" UNIX_TIMESTAMP(to_start) AS to_start, reason FROM ("
	" SELECT at AS t, 0 AS k, id, actor_kind, action, from_start,"
	"  to_start, reason FROM booking_history WHERE booking_id = ?"
	" UNION ALL SELECT l.arrived_at, 1, 0, IF(l.arrived_by IS NULL,"
	"  'device', 'staff'), 'arrived', NULL, NULL, NULL FROM booking_lane l"
	"  JOIN booking b ON b.id = l.booking_id WHERE l.booking_id = ?"
	"  AND l.arrived_at IS NOT NULL AND b.walk_in = 0"
	" UNION ALL SELECT called_at, 1, 1, 'staff', 'called', NULL, NULL,"
	"  NULL FROM booking_lane WHERE booking_id = ? AND called_at IS NOT NULL"
	" UNION ALL SELECT done_at, 1, 2, IF(done_by IS NULL, 'system',"
	"  'staff'), status, NULL, NULL, NULL FROM booking_lane"
	"  WHERE booking_id = ? AND done_at IS NOT NULL) x"
	" ORDER BY t, k, id");
/* Optional filters as "? IS NULL OR": one statement. The derived table
 * walks ix_booking_company's (company_id, start_utc) backwards and stops
 * at 200 ids; the wide columns are read for those only. Joined directly,
 * the optimizer sorted a year of a company's bookings instead (0.2 s
 * against 1.5 ms with 67 000 rows, see docs/ebt.md). The crossings'
 * names come from domain/crossings, one look-up per crossing. */
static struct sql q_list = SQL(
	"SELECT b.number, b.crossing_id, DATE_FORMAT(b.day, '%Y-%m-%d') AS day,"
	" b.hour, UNIX_TIMESTAMP(b.start_utc) AS start, " BK_SQL_STATE
	" AS status,"
	" b.walk_in, b.plate, b.plate_country, b.trailer_plate, b.driver_name,"
	" b.company_name"
	" FROM (SELECT b.id FROM booking b FORCE INDEX (ix_booking_company)" BK_SQL_LANE
	"  WHERE b.company_id = ?"
	"  AND (? IS NULL OR " BK_SQL_STATE " = ?)"
	"  AND (? = 0 OR b.crossing_id = ?)"
	"  AND (? IS NULL OR b.day = ?)"
	"  AND (? IS NULL OR b.plate LIKE CONCAT(?, '%'))"
	"  ORDER BY b.start_utc DESC, b.id DESC LIMIT 200) k" /* BOOKING_LIST_MAX */
	" JOIN booking b ON b.id = k.id" BK_SQL_LANE
	" ORDER BY b.start_utc DESC, b.id DESC");

static void fill_ref(struct booking_ref *out, const struct row *row)
{
	out->id = row_int(row, "id", 0);
	snprintf(out->number, sizeof(out->number), "%s",
		 row_get(row, "number", ""));
	out->crossing_id = row_int(row, "crossing_id", 0);
	out->company_id = row_int(row, "company_id", 0);
	out->slot_id = row_int(row, "slot_id", 0);
	snprintf(out->day, sizeof(out->day), "%s", row_get(row, "day", ""));
	out->hour = (int)row_int(row, "hour", 0);
	out->start_utc = row_int(row, "start", 0);
}

/* May person see the company's bookings: either authorisation will do.
 * 1 yes, 0 no, -1 error. */
static int may_see(long long person, long long company)
{
	int rc = registry_may_act(person, company, AUTHZ_EBT_VIEW, NULL);

	if (rc != 0)
		return rc;
	return registry_may_act(person, company, AUTHZ_EBT_BOOK, NULL);
}

/* The company's name as e-Customer gives it to this person. */
static void company_name(long long person, long long company, char *out,
			 size_t outsz)
{
	HDF *h;
	HDF *n;

	out[0] = '\0';
	if (hdf_init(&h))
		return;
	if (registry_companies_for(person, AUTHZ_EBT_BOOK, h, "C") > 0)
		for (n = hdf_get_child(h, "C"); n; n = hdf_obj_next(n))
			if (hdf_get_int_value(n, "id", 0) == company) {
				snprintf(out, outsz, "%s",
					 hdf_get_value(n, "name", ""));
				break;
			}
	hdf_destroy(&h);
}

/* A resent form: the booking its key made, if it is this person's (a
 * guest's is person 0). */
static enum bk_status bk_replay(long long person_id, const char *key,
				struct booking_ref *out)
{
	struct arena a = { 0 };
	struct row row;
	enum bk_status st = BK_OK;
	int rc = db_get(&a, &q_by_idem, &row, "s", key);

	if (rc < 0)
		st = BK_ERROR;
	else if (rc == 0)
		st = BK_NOT_FOUND;
	else if (row_int(&row, "person_id", 0) != person_id) {
		out->bad_field = "idem";
		st = BK_INVALID;
	} else {
		fill_ref(out, &row);
		out->replayed = 1;
	}
	arena_reset(&a);
	return st;
}

/* db_tx commits when a run returns 0. */
_Static_assert(BK_OK == 0, "BK_OK must be db_tx's commit");

/* One booking transaction: what a run needs and where it writes. */
struct create_tx {
	long long person_id;
	const char *guest_email; /* a guest (booking_guest.c): no person */
	const struct booking_form *f;
	const struct crossing *c;
	const struct bk_slot *s;
	const char *cname;
	booking_commit_cb cb;
	void *ctx;
	struct booking_ref *out;
};

/* One run of the booking transaction (db_tx): BK_OK commits. */
static int create_tx(void *arg)
{
	const struct create_tx *t = arg;
	const struct booking_form *f = t->f;
	struct booking_ref *out = t->out;
	int rc, i, tries;

	rc = bk_slot_take(t->s->id);
	if (rc <= 0)
		return rc == 0 ? BK_FULL : BK_ERROR;
	/* The truck's last booking here may be over at the lane (its lane
	 * row served or no-show) and not yet marked done: it is now. */
	if (bk_close_done(f->crossing_id, f->plate) < 0)
		return BK_ERROR;
	for (tries = 0; tries < 5; tries++) {
		bk_number(t->c->code, out->number);
		if (db_exec(&q_insert, "siisiiisissssssssiis", out->number,
			    f->crossing_id, t->s->id, f->day,
			    (long long)f->hour, t->s->start, f->company_id,
			    t->cname[0] ? t->cname : NULL, t->person_id,
			    t->guest_email, f->plate, f->plate_country,
			    f->trailer_plate && *f->trailer_plate
				    ? f->trailer_plate
				    : NULL,
			    f->driver_name, f->driver_doc, f->driver_phone,
			    f->goods, f->mass_kg, f->packages,
			    f->idem_key) >= 0)
			break;
		if (bk_dup_on("uq_booking_number"))
			continue;
		if (bk_dup_on("active_plate"))
			return BK_PLATE_ACTIVE;
		if (bk_dup_on("uq_booking_idem"))
			return BK_SAME_SLOT; /* replayed by the caller */
		return BK_ERROR;
	}
	if (tries == 5)
		return BK_ERROR;
	out->id = db_insert_id(&q_insert);
	out->crossing_id = f->crossing_id;
	out->company_id = f->company_id;
	out->slot_id = t->s->id;
	snprintf(out->day, sizeof(out->day), "%s", f->day);
	out->hour = f->hour;
	out->start_utc = t->s->start;
	for (i = 0; i < f->nmrn; i++)
		if (db_exec(&q_mrn, "iis", out->id, (long long)i + 1,
			    f->mrn[i]) < 0)
			return BK_ERROR;
	if (bk_history(out->id, t->person_id ? ACT_PERSON : ACT_SYSTEM,
		       t->person_id, "created", 0, t->s->start, NULL) < 0)
		return BK_ERROR;
	if (t->cb && t->cb(t->ctx, out) != 0)
		return BK_ERROR;
	return BK_OK;
}

enum bk_status booking_create(long long person_id, const struct booking_form *f,
			      booking_commit_cb cb, void *ctx,
			      struct booking_ref *out)
{
	struct crossing c;
	char cname[301];
	int rc;

	memset(out, 0, sizeof(*out));
	if ((out->bad_field = booking_check_form(f)))
		return BK_INVALID;
	if (f->company_id <= 0) {
		out->bad_field = "company";
		return BK_INVALID;
	}
	rc = registry_may_act(person_id, f->company_id, AUTHZ_EBT_BOOK, NULL);
	if (rc <= 0)
		return rc < 0 ? BK_ERROR : BK_FORBIDDEN;
	rc = bk_crossing_load(f->crossing_id, &c);
	if (rc <= 0)
		return rc < 0 ? BK_ERROR : BK_NO_CROSSING;
	company_name(person_id, f->company_id, cname, sizeof(cname));
	return bk_create_in_slot(person_id, NULL, f, &c, cname, cb, ctx, out);
}

enum bk_status bk_create_in_slot(long long person_id, const char *guest_email,
				 const struct booking_form *f,
				 const struct crossing *c, const char *cname,
				 booking_commit_cb cb, void *ctx,
				 struct booking_ref *out)
{
	enum bk_status st;
	struct bk_slot s;
	struct create_tx t = { person_id, guest_email, f,   c,	&s,
			       cname,	  cb,	       ctx, out };
	int rc;

	if (f->idem_key) {
		st = bk_replay(person_id, f->idem_key, out);
		if (st != BK_NOT_FOUND)
			return st;
	}
	booking_maintain(c->id);
	st = bk_slot_check(c, f->day, f->hour, &s);
	if (st != BK_OK)
		return st;
	rc = db_tx(create_tx, &t);
	st = rc < 0 ? BK_ERROR : (enum bk_status)rc;
	if (st == BK_SAME_SLOT) {
		/* The same form confirmed twice at once: the other request
		 * made it; answer with that booking. */
		memset(out, 0, sizeof(*out));
		return bk_replay(person_id, f->idem_key, out);
	}
	/* The hour may have begun while we waited for the lock. */
	if (st == BK_FULL && s.start <= now_unix())
		st = BK_PAST;
	return st;
}

/* A booking's crossing (code, names, the deadline and window minutes),
 * whether its company may still change it and its crossing mark it a
 * no-show, into hdf as prefix.* (into the
 * node hdf itself when prefix is NULL). c keeps the last crossing read,
 * c->id 0 for none. 0, or -1 on a database error. */
static int bk_crossing_hdf(long long crossing_id, const char *status,
			   long long start, struct crossing *c, HDF *hdf,
			   const char *prefix)
{
	char p[128];

	if (c->id != crossing_id && crossings_get(crossing_id, c) <= 0)
		return -1;
	snprintf(p, sizeof(p), "%s%s", prefix ? prefix : "", prefix ? "." : "");
	hdf_set_valuef(hdf, "%scrossing_code=%s", p, c->code);
	hdf_set_valuef(hdf, "%scrossing_pl=%s", p, c->name_pl);
	hdf_set_valuef(hdf, "%scrossing_en=%s", p, c->name_en);
	hdf_set_valuef(hdf, "%schange_deadline_min=%d", p, c->deadline);
	hdf_set_valuef(hdf, "%sarrive_before_min=%d", p, c->before);
	hdf_set_valuef(hdf, "%sarrive_after_min=%d", p, c->after);
	hdf_set_valuef(hdf, "%scan_change=%d", p,
		       booking_can_change(c, status, start, now_unix()));
	hdf_set_valuef(hdf, "%scan_print=%d", p, booking_can_print(status));
	hdf_set_valuef(hdf, "%scan_no_show=%d", p,
		       booking_can_mark_no_show(c, status, start, now_unix()));
	return 0;
}

/* The booking behind a number, if person may act on it. NOT_FOUND also
 * for one they may not even see, so a number reveals nothing. */
static enum bk_status find_own(struct arena *a, long long person_id,
			       const char *number, struct row *row)
{
	int rc = db_get(a, &q_find, row, "s", number ? number : "");

	if (rc <= 0)
		return rc < 0 ? BK_ERROR : BK_NOT_FOUND;
	rc = registry_may_act(person_id, row_int(row, "company_id", 0),
			      AUTHZ_EBT_BOOK, NULL);
	if (rc < 0)
		return BK_ERROR;
	if (rc == 0) {
		rc = may_see(person_id, row_int(row, "company_id", 0));
		return rc < 0 ? BK_ERROR : rc ? BK_FORBIDDEN : BK_NOT_FOUND;
	}
	return BK_OK;
}

/* Locks the booking and checks it is still as read: booked, same slot. */
static enum bk_status lock_booked(struct arena *a, long long id,
				  long long slot_id)
{
	struct row row;
	int rc = db_get(a, &q_lock, &row, "i", id);

	if (rc <= 0)
		return BK_ERROR;
	if (booking_at_crossing(row_get(&row, "status", "")))
		return BK_AT_CROSSING;
	if (strcmp(row_get(&row, "status", ""), "booked") != 0 ||
	    row_int(&row, "slot_id", 0) != slot_id)
		return BK_STATE;
	return BK_OK;
}

/* A change or a cancellation of a booking read before the transaction. */
struct move_tx {
	struct arena *a;
	long long person_id, old_slot, old_start;
	const struct bk_slot *s; /* change: the new hour's slot */
	const char *day;
	int hour;
	const char *reason;
	booking_commit_cb cb;
	void *ctx;
	struct booking_ref *out;
};

/* One run of a change (db_tx): BK_OK commits. */
static int move_tx(void *arg)
{
	const struct move_tx *t = arg;
	struct booking_ref *out = t->out;
	enum bk_status st;
	int rc;

	st = lock_booked(t->a, out->id, t->old_slot);
	if (st != BK_OK)
		return st;
	rc = bk_slot_take(t->s->id);
	if (rc <= 0)
		return rc == 0 ? BK_FULL : BK_ERROR;
	/* The released place is free again when this commits. */
	if (bk_slot_release(t->old_slot) < 0 ||
	    db_exec(&q_move, "isiii", t->s->id, t->day, (long long)t->hour,
		    t->s->start, out->id) < 0 ||
	    bk_history(out->id, ACT_PERSON, t->person_id, "changed",
		       t->old_start, t->s->start, t->reason) < 0)
		return BK_ERROR;
	out->slot_id = t->s->id;
	snprintf(out->day, sizeof(out->day), "%s", t->day);
	out->hour = t->hour;
	out->start_utc = t->s->start;
	if (t->cb && t->cb(t->ctx, out) != 0)
		return BK_ERROR;
	return BK_OK;
}

/* One run of a cancellation (db_tx): BK_OK commits. */
static int cancel_tx(void *arg)
{
	const struct move_tx *t = arg;
	struct booking_ref *out = t->out;
	enum bk_status st;

	st = lock_booked(t->a, out->id, t->old_slot);
	if (st != BK_OK)
		return st;
	if (db_exec(&q_cancel, "i", out->id) != 1 ||
	    bk_slot_release(t->old_slot) < 0 ||
	    bk_history(out->id, ACT_PERSON, t->person_id, "cancelled",
		       t->old_start, 0, t->reason) < 0 ||
	    (t->cb && t->cb(t->ctx, out) != 0))
		return BK_ERROR;
	return BK_OK;
}

enum bk_status booking_change(long long person_id, const char *number,
			      const char *day, int hour, const char *reason,
			      booking_commit_cb cb, void *ctx,
			      struct booking_ref *out)
{
	struct arena a = { 0 };
	struct crossing c;
	struct bk_slot s;
	struct row row;
	enum bk_status st;
	struct move_tx t;
	long long old_start, old_slot;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!valid_date(day, NULL, NULL, NULL)) {
		out->bad_field = "day";
		return BK_INVALID;
	}
	if (hour < 0 || hour > 23) {
		out->bad_field = "hour";
		return BK_INVALID;
	}
	if (reason && *reason && !valid_text(reason, 500)) {
		out->bad_field = "reason";
		return BK_INVALID;
	}
	st = find_own(&a, person_id, number, &row);
	if (st != BK_OK)
		goto out;
	fill_ref(out, &row);
	old_start = out->start_utc;
	old_slot = out->slot_id;
	if (booking_at_crossing(row_get(&row, "status", ""))) {
		st = BK_AT_CROSSING;
		goto out;
	}
	if (strcmp(row_get(&row, "status", ""), "booked") != 0) {
		st = BK_STATE;
		goto out;
	}
	rc = bk_crossing_load(out->crossing_id, &c);
	if (rc <= 0) {
		st = BK_ERROR;
		goto out;
	}
	if (!booking_can_change(&c, "booked", old_start, now_unix())) {
		st = BK_DEADLINE;
		goto out;
	}
	st = bk_slot_check(&c, day, hour, &s);
	if (st != BK_OK)
		goto out;
	if (s.id == old_slot) {
		st = BK_SAME_SLOT;
		goto out;
	}
	t = (struct move_tx){ &a,   person_id, old_slot, old_start, &s, day,
			      hour, reason,    cb,	 ctx,	    out };
	rc = db_tx(move_tx, &t);
	st = rc < 0 ? BK_ERROR : (enum bk_status)rc;
out:
	arena_reset(&a);
	return st;
}

enum bk_status booking_cancel(long long person_id, const char *number,
			      const char *reason, booking_commit_cb cb,
			      void *ctx, struct booking_ref *out)
{
	struct arena a = { 0 };
	struct crossing c;
	struct row row;
	enum bk_status st;
	struct move_tx t;
	int rc;

	memset(out, 0, sizeof(*out));
	if (reason && *reason && !valid_text(reason, 500)) {
		out->bad_field = "reason";
		return BK_INVALID;
	}
	st = find_own(&a, person_id, number, &row);
	if (st != BK_OK)
		goto out;
	fill_ref(out, &row);
	if (booking_at_crossing(row_get(&row, "status", ""))) {
		st = BK_AT_CROSSING;
		goto out;
	}
	if (strcmp(row_get(&row, "status", ""), "booked") != 0) {
		st = BK_STATE;
		goto out;
	}
	if (bk_crossing_load(out->crossing_id, &c) <= 0) {
		st = BK_ERROR;
		goto out;
	}
	if (!booking_can_change(&c, "booked", out->start_utc, now_unix())) {
		st = BK_DEADLINE;
		goto out;
	}
	t = (struct move_tx){ &a,
			      person_id,
			      out->slot_id,
			      out->start_utc,
			      NULL,
			      NULL,
			      0,
			      reason,
			      cb,
			      ctx,
			      out };
	rc = db_tx(cancel_tx, &t);
	st = rc < 0 ? BK_ERROR : (enum bk_status)rc;
out:
	arena_reset(&a);
	return st;
}

enum bk_status booking_get(long long person_id, long long crossing_id,
			   const char *number, HDF *hdf, const char *prefix)
{
	struct arena a = { 0 };
	enum bk_status st = BK_OK;
	struct crossing c;
	struct row row;
	char p[128];
	long long id;
	int rc;

	rc = db_get(&a, &q_get, &row, "s", number ? number : "");
	if (rc <= 0) {
		st = rc < 0 ? BK_ERROR : BK_NOT_FOUND;
		goto out;
	}
	if (crossing_id > 0) {
		if (row_int(&row, "crossing_id", 0) != crossing_id) {
			st = BK_NOT_FOUND;
			goto out;
		}
	} else {
		/* A walk-in without a company is nobody's on the portal. */
		rc = row_int(&row, "company_id", 0) > 0
			     ? may_see(person_id,
				       row_int(&row, "company_id", 0))
			     : 0;
		if (rc <= 0) {
			st = rc < 0 ? BK_ERROR : BK_NOT_FOUND;
			goto out;
		}
	}
	bk_row_hdf(&row, hdf, prefix);
	c.id = 0;
	if (bk_crossing_hdf(row_int(&row, "crossing_id", 0),
			    row_get(&row, "status", ""),
			    row_int(&row, "start", 0), &c, hdf, prefix) < 0) {
		st = BK_ERROR;
		goto out;
	}
	id = row_int(&row, "id", 0);
	snprintf(p, sizeof(p), "%s.Mrn", prefix);
	if (db_select_hdf(&q_mrns, hdf, p, "i", id) < 0)
		st = BK_ERROR;
	snprintf(p, sizeof(p), "%s.History", prefix);
	if (db_select_hdf(&q_hist, hdf, p, "iiii", id, id, id, id) < 0)
		st = BK_ERROR;
out:
	arena_reset(&a);
	return st;
}

int bk_hdf_copy_at(HDF *hdf, const char *prefix, int n, HDF *src)
{
	char p[128];
	NEOERR *err;

	snprintf(p, sizeof(p), "%s.%d", prefix, n);
	if ((err = hdf_copy(hdf, p, src))) {
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

int bk_hdf_scratch(HDF **t)
{
	NEOERR *err = hdf_init(t);

	if (err) {
		nerr_ignore(&err);
		*t = NULL;
		return -1;
	}
	return 0;
}

int booking_companies(long long person_id, HDF *hdf, const char *prefix)
{
	HDF *t = NULL, *c;
	int n = 0, i;

	/* Either authorisation shows a company's bookings: the union of
	 * both lists, each company once. */
	if (bk_hdf_scratch(&t) < 0 ||
	    registry_companies_for(person_id, AUTHZ_EBT_VIEW, t, "V") < 0 ||
	    registry_companies_for(person_id, AUTHZ_EBT_BOOK, t, "B") < 0) {
		n = -1;
		goto out;
	}
	for (i = 0; i < 2; i++)
		for (c = hdf_get_child(t, i ? "B" : "V"); c;
		     c = hdf_obj_next(c)) {
			const char *id = hdf_get_value(c, "id", "");
			HDF *o;

			for (o = hdf_get_child(hdf, prefix); o;
			     o = hdf_obj_next(o))
				if (!strcmp(hdf_get_value(o, "id", ""), id))
					break;
			if (o)
				continue;
			if (bk_hdf_copy_at(hdf, prefix, n, c) < 0) {
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

/* Rows newest first: start, then number (a tie of one hour). */
static int newest_first(const void *a, const void *b)
{
	HDF *x = *(HDF *const *)a, *y = *(HDF *const *)b;
	long long sx = atoll(hdf_get_value(x, "start", "0"));
	long long sy = atoll(hdf_get_value(y, "start", "0"));

	if (sx != sy)
		return sx < sy ? 1 : -1;
	return -strcmp(hdf_get_value(x, "number", ""),
		       hdf_get_value(y, "number", ""));
}

/* The newest BOOKING_LIST_MAX of every company person sees, as one list
 * into hdf: one SELECT per company (a person acts for a few), merged. */
static int list_all(long long person_id, const struct booking_filter *f,
		    HDF *hdf, const char *prefix)
{
	HDF *t = NULL, *c, *b, **rows = NULL;
	char p[128];
	int n = 0, k, i;

	if (bk_hdf_scratch(&t) < 0 || booking_companies(person_id, t, "C") < 0)
		goto fail;
	k = 0;
	for (c = hdf_get_child(t, "C"); c; c = hdf_obj_next(c), k++) {
		snprintf(p, sizeof(p), "R.%d", k);
		if (db_select_hdf(&q_list, t, p, "issiissss",
				  atoll(hdf_get_value(c, "id", "0")), f->status,
				  f->status, f->crossing_id, f->crossing_id,
				  f->day, f->day, f->plate, f->plate) < 0)
			goto fail;
	}
	for (c = hdf_get_child(t, "R"); c; c = hdf_obj_next(c))
		for (b = hdf_obj_child(c); b; b = hdf_obj_next(b))
			n++;
	if (n == 0)
		goto out;
	rows = malloc(sizeof(*rows) * (size_t)n);
	if (!rows)
		goto fail;
	i = 0;
	for (c = hdf_get_child(t, "R"); c; c = hdf_obj_next(c))
		for (b = hdf_obj_child(c); b; b = hdf_obj_next(b))
			rows[i++] = b;
	qsort(rows, (size_t)n, sizeof(*rows), newest_first);
	if (n > BOOKING_LIST_MAX)
		n = BOOKING_LIST_MAX;
	for (i = 0; i < n; i++)
		if (bk_hdf_copy_at(hdf, prefix, i, rows[i]) < 0)
			goto fail;
	goto out;
fail:
	n = -1;
out:
	free(rows);
	if (t)
		hdf_destroy(&t);
	return n;
}

int booking_list(long long person_id, long long company_id,
		 const struct booking_filter *f, HDF *hdf, const char *prefix)
{
	struct crossing c = { 0 };
	HDF *b;
	int n, rc;

	if (company_id > 0) {
		rc = may_see(person_id, company_id);
		if (rc <= 0)
			return rc < 0 ? -BK_ERROR : -BK_FORBIDDEN;
		n = db_select_hdf(&q_list, hdf, prefix, "issiissss", company_id,
				  f->status, f->status, f->crossing_id,
				  f->crossing_id, f->day, f->day, f->plate,
				  f->plate);
	} else {
		n = list_all(person_id, f, hdf, prefix);
	}
	if (n <= 0)
		return n < 0 ? -BK_ERROR : 0;
	/* Rows come newest first, mostly of one or two crossings: c keeps
	 * the last one read. */
	for (b = hdf_obj_child(hdf_get_obj(hdf, prefix)); b;
	     b = hdf_obj_next(b))
		if (bk_crossing_hdf(hdf_get_int_value(b, "crossing_id", 0),
				    hdf_get_value(b, "status", ""),
				    atoll(hdf_get_value(b, "start", "0")), &c,
				    b, NULL) < 0)
			return -BK_ERROR;
	return n;
}
