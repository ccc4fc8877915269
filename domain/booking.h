/* booking.h: the booking rules of e-Booking TRUCK, one implementation for
 * the web pages (cgi-bin/ebt), the SOAP service (issue 6) and the lanes
 * (cgi-bin/ingest): create, change, cancel, get, list, free slots, the
 * crossing's status changes, bookings without an account, the check-in of
 * a plate seen at the waiting zone. The only code that names slot,
 * booking, booking_mrn, booking_history and ebt_guest_request; the
 * crossings themselves are domain/crossings.h */
#ifndef ZSOG_BOOKING_H
#define ZSOG_BOOKING_H

#include <ClearSilver.h>

#include "crossings.h"
#include "db.h"
#include "util.h"

#define BOOKING_MAX_MRN 10
#define BOOKING_MAX_MASS 60000

/* What a rule said. booking_status_key() names its message (L.ebt.st.*
 * in templates/lang/xx/ebt.hdf) and booking_status_code() the stable code
 * for machines (SOAP faults). */
enum bk_status {
	BK_OK,
	BK_INVALID,   /* a field failed: see bad_field */
	BK_FORBIDDEN, /* no authorisation for the company today */
	BK_NOT_FOUND, /* no such booking, or not one the caller sees */
	BK_NO_CROSSING,
	BK_PAST,	 /* the hour has begun or passed */
	BK_HORIZON,	 /* beyond the booking horizon */
	BK_CLOSED,	 /* outside opening hours, or a closure */
	BK_FULL,	 /* every place of the hour is taken */
	BK_PLATE_ACTIVE, /* this truck already holds an active booking */
	BK_DEADLINE,	 /* too late to change or cancel */
	BK_STATE,	 /* not in a status that allows this */
	BK_SAME_SLOT,	 /* a change to the hour it already has */
	BK_NO_PLACE,	 /* walk-in: no free place left today */
	BK_AT_CROSSING,	 /* change, cancel: the truck is at the crossing */
	BK_ERROR,	 /* the database failed */
};

const char *booking_status_key(enum bk_status st);
const char *booking_status_code(enum bk_status st);

/* Who acts: the history records it. */
enum bk_actor { ACT_PERSON, ACT_STAFF, ACT_SYSTEM, ACT_DEVICE };

/* The fields of a booking; strings already trimmed. Plates are normalised
 * and every value checked again by booking_create() itself. */
struct booking_form {
	long long crossing_id;
	const char *day; /* local YYYY-MM-DD */
	int hour;	 /* local 0..23 */
	long long company_id;
	const char *plate, *plate_country, *trailer_plate; /* trailer: NULL */
	const char *driver_name, *driver_doc, *driver_phone;
	const char *mrn[BOOKING_MAX_MRN];
	int nmrn;
	const char *goods;
	long long mass_kg, packages;
	const char *idem_key; /* 32 hex, or NULL */
};

/* What a successful create/change/cancel/check-in did. */
struct booking_ref {
	long long id;
	char number[17];
	long long crossing_id, company_id, slot_id;
	char day[11];
	int hour;
	long long start_utc;
	int replayed;	       /* create: the idempotency key found it */
	const char *bad_field; /* BK_INVALID: which field */
};

/* Runs inside the booking's transaction just before COMMIT (e-mail to the
 * outbox, audit line, message archive): non-zero rolls everything back. */
typedef int (*booking_commit_cb)(void *ctx, const struct booking_ref *b);

/* One bookable hour of a crossing (table slot): local day and hour, its
 * start in UTC, places. */
struct bk_slot {
	long long id, start;
	int capacity, booked, closed;
};

/*
 * booking_rules.c: the pure rules (no database; tests/unit/test-booking.c).
 */
/* Checks every field of f (the SOAP service has no form layer); NULL when
 * all pass, else the name of the first bad field. */
const char *booking_check_form(const struct booking_form *f);
/* Plate normalisation as stored: upper case, no separators; 0 if invalid. */
size_t booking_plate_norm(const char *in, char *out, size_t outsz);
/* Is q (upper case) a booking number, as typed or read from its QR code?
 * 1 and a copy in out, else 0 (a plate, then). */
int booking_number_like(const char *q, char out[17]);
/* The plate as the camera and people confuse it: O read as 0, I as 1. */
void booking_plate_fold(const char *plate, char *out, size_t outsz);
/* The MRNs of s (split in place): one per line, or separated by spaces,
 * commas or semicolons; each valid, none twice, 1..BOOKING_MAX_MRN. 0, or
 * -1 with f->nmrn unreliable. */
int booking_split_mrns(char *s, struct booking_form *f);
/* The day an hour is asked for, against today and the horizon at now:
 * BK_OK, BK_PAST or BK_HORIZON. */
enum bk_status booking_day_rule(int horizon, const char *day, long long now);
/* The hour itself: s its slot, or NULL when none exists (an hour skipped
 * by summer time, or slots not made): BK_OK, BK_PAST or BK_CLOSED. Taking
 * the place (the conditional UPDATE) decides BK_FULL. */
enum bk_status booking_hour_rule(const char *day, int hour,
				 const struct bk_slot *s, long long now);
/* Is now inside a booking's arrival window (the crossing's minutes before
 * and after its start)? Has the window closed? */
int booking_in_window(const struct crossing *c, long long start, long long now);
int booking_window_over(const struct crossing *c, long long start,
			long long now);
/* What a booking in status, starting at start, allows now: the company
 * changes or cancels it until the deadline; the officer checks it in in
 * its window, calls it to a lane, marks it served, or a no-show once its
 * window closed. The pages offer exactly what these allow, and the
 * actions refuse the rest. */
int booking_can_change(const struct crossing *c, const char *status,
		       long long start, long long now);
int booking_can_arrive(const struct crossing *c, const char *status,
		       long long start, long long now);
int booking_can_print(const char *status);
/* A status of the lane side (booking_lane): the truck came to the
 * crossing, so the company can no longer change or cancel. */
int booking_at_crossing(const char *status);
int booking_can_call(const char *status);
int booking_can_serve(const char *status);
int booking_can_mark_no_show(const struct crossing *c, const char *status,
			     long long start, long long now);
/* Is lane one of the crossing's? */
int booking_lane_ok(const struct crossing *c, int lane);

/* Person books for f->company_id: needs AUTHZ_EBT_BOOK today. */
enum bk_status booking_create(long long person_id, const struct booking_form *f,
			      booking_commit_cb cb, void *ctx,
			      struct booking_ref *out);

/*
 * booking_guest.c: a one-off booking without an account (docs/ebt.md): the
 * request waits for a 6-digit code sent to the e-mail and the phone, for
 * BOOKING_GUEST_MINUTES and BOOKING_GUEST_ATTEMPTS tries; an e-mail makes
 * at most booking_guest_limit() requests a day.
 */
#define BOOKING_GUEST_MINUTES 15 /* a request's and its code's life */
/* Tries at the code, the right one included. */
#define BOOKING_GUEST_ATTEMPTS 5

/* Ebt.GuestPerEmailPerDay (3). */
int booking_guest_limit(void);
/* Runs inside the request's transaction with the code to send (e-mail and
 * text message to the outbox): non-zero rolls the request back. */
typedef int (*booking_code_cb)(void *ctx, const char *code);
/* Stores the request of email and phone for the fields f (checked by the
 * form; booking_guest_create() checks them again) with a fresh token (into
 * token: the confirmation page's key) and code, of both only their
 * SHA-256. 1 stored, 0 the e-mail's daily limit was reached (nothing
 * stored), -1 error. */
int booking_guest_request(const char *email, const char *phone,
			  const struct booking_form *f, booking_code_cb cb,
			  void *ctx, char token[33]);

struct guest_request {
	long long id;
	const char *email;
	struct booking_form f; /* as stored; f.idem_key from the token */
	long long attempts;    /* tries at the code so far */
	int alive;	       /* not expired, tries left */
	const char *number;    /* the booking it made, or NULL */
	const char *code_hash; /* booking_guest_try() compares with it */
};
/* The request of token (32 lower hex, else none), strings in arena a:
 * 1 found, 0 none, -1 error. */
int booking_guest_find(struct arena *a, const char *token,
		       struct guest_request *g);
enum guest_try {
	GUEST_RIGHT, /* the code is right */
	GUEST_WRONG, /* wrong; g->attempts counts this try */
	GUEST_DEAD,  /* expired or out of tries (this one too) */
	GUEST_ERROR,
};
/* One try at g's code: counted before it is compared, so parallel guesses
 * cannot pass the limit. */
enum guest_try booking_guest_try(struct guest_request *g, const char *code);
/* The booking of a confirmed request: the same rules and capacity
 * guarantee as booking_create() without a company or person to check;
 * the booking keeps the e-mail, the history's actor is "system", and the
 * request is used by it in the same transaction. A resent confirmation
 * answers with the same booking (out->replayed). */
enum bk_status booking_guest_create(const struct guest_request *g,
				    booking_commit_cb cb, void *ctx,
				    struct booking_ref *out);
/* Whether the hour could be booked now (exists, open, ahead, within the
 * horizon, a place free), without taking a place: BK_OK or the refusal. */
enum bk_status booking_slot_bookable(long long crossing_id, const char *day,
				     int hour);

/* Moves a booking to another hour of the same crossing. */
enum bk_status booking_change(long long person_id, const char *number,
			      const char *day, int hour, const char *reason,
			      booking_commit_cb cb, void *ctx,
			      struct booking_ref *out);
enum bk_status booking_cancel(long long person_id, const char *number,
			      const char *reason, booking_commit_cb cb,
			      void *ctx, struct booking_ref *out);

/* One booking into hdf as prefix.{number,status,...}, prefix.Mrn.N.mrn and
 * prefix.History.N.*, if person may see it (AUTHZ_EBT_VIEW or _BOOK for
 * its company). crossing_id > 0 instead scopes it to a crossing (staff);
 * then person_id is ignored. */
enum bk_status booking_get(long long person_id, long long crossing_id,
			   const char *number, HDF *hdf, const char *prefix);

/* The companies whose bookings person sees (AUTHZ_EBT_VIEW or _BOOK today),
 * each once, as prefix.N.{id,name,eori,id_sisc}; the count or -1. */
int booking_companies(long long person_id, HDF *hdf, const char *prefix);

/* A list holds the newest this many bookings. */
#define BOOKING_LIST_MAX 200

struct booking_filter {
	const char *status;    /* one status, or NULL */
	long long crossing_id; /* 0: all */
	const char *day;       /* local YYYY-MM-DD, or NULL */
	const char *plate;     /* normalised, prefix match, or NULL */
	int limit;	       /* unused: lists hold the newest 200 */
};
/* A company's bookings (needs AUTHZ_EBT_VIEW or _BOOK) as prefix.N.*;
 * company_id 0: those of every company person sees (booking_companies),
 * newest first, BOOKING_LIST_MAX in all. Returns the count, or -BK_* on
 * refusal. */
int booking_list(long long person_id, long long company_id,
		 const struct booking_filter *f, HDF *hdf, const char *prefix);

/* The bookings person made that are still to come (booked, arrived or
 * called, from today on), soonest first, at most limit, as
 * prefix.N.{number, crossing_id, day, hour, status, plate, company_name};
 * the count or -1 (booking_upcoming.c). */
int booking_upcoming_hdf(long long person_id, int limit, HDF *hdf,
			 const char *prefix);

/* Free places per hour from day `from` to `to` (local, inclusive) as
 * prefix.N.{day,hour,capacity,booked,free,closed,past}: one SELECT. Hours
 * the crossing does not open are left out. Returns rows or -1. */
int booking_free_slots(long long crossing_id, const char *from, const char *to,
		       HDF *hdf, const char *prefix);

/* The calendar's days from `from` (today, local) to `to` (inclusive) as
 * prefix.N.{d (YYYY-MM-DD), w (1 Monday .. 7), f (free places in the hours
 * still ahead), s ("open", "full": no free place ahead, or "closed": no
 * open hour ahead)}: one aggregate SELECT. Returns rows or -1. */
int booking_free_days(long long crossing_id, const char *from, const char *to,
		      HDF *hdf, const char *prefix);
/* One day's open hours still ahead as prefix.N.{h, f (free), c (capacity),
 * s ("free", "full" or "closed")}: one SELECT. Returns rows or -1. */
int booking_day_hours(long long crossing_id, const char *day, HDF *hdf,
		      const char *prefix);
/* The hours of a day to pick from where no calendar leads (the guest form,
 * a change of hour), by the same slots and rules: the open hours still
 * ahead as prefix.N.{h, f (free), c (capacity), s ("free" or "full"),
 * pick (1: offered: free and not held, the hour the booking already has;
 * -1 for none)}. Closed hours are left out, and every hour of a day that
 * is not a date from today to the horizon. Count, 0 for no crossing, or
 * -1. */
int booking_pick_hours(long long crossing_id, const char *day, int held,
		       HDF *hdf, const char *prefix);

/* Adds the slots up to today + horizon if the horizon moved on, and marks
 * no-shows (both cheap when nothing is due). */
int booking_maintain(long long crossing_id);
/* The ebt program's background process (struct service .tick): slots for
 * every crossing and the no-show sweep, whether or not anyone uses a page;
 * the pages still call booking_maintain() so nothing waits for a tick.
 * 0, or -1 when a crossing's sweep failed (logged). */
int booking_tick(void);
/* Rewrites every slot from today to the horizon from the schedule and the
 * closures (after a configuration change); booked counts are kept. */
int booking_slots_rebuild(long long crossing_id);

/* Crossing side: status changes by an officer, scoped to the crossing.
 * arrived: booked → arrived (inside the arrival window, else BK_STATE with
 * out->bad_field "window"); called: arrived → called to lane; served:
 * called → served; no_show: booked → no_show. */
enum bk_status booking_staff_set(long long crossing_id, long long staff_id,
				 const char *number, const char *action,
				 int lane, struct booking_ref *out);
/* The crossing's bookings of local days from..to as prefix.N.{number, day,
 * hour, status, walk_in, plate, plate_country, trailer_plate, driver_name,
 * company_name, lane, can_no_show}; the waiting zone (arrived and called,
 * in call order) as waiting.N.{id, number, hour, status, walk_in, plate,
 * driver_name, lane, arrived_utc, can_call, can_serve}. The can_* say
 * which buttons the officer's page offers (booking_can_*). 0 or -1. */
int booking_day_hdf(const struct crossing *c, const char *from, const char *to,
		    HDF *hdf, const char *prefix, const char *waiting);

/* booking_occupancy.c: a crossing's day per hour: capacity, places taken,
 * and how many bookings are booked, arrived (or called), served, no-show,
 * walk-ins, cancelled, as prefix.N.{hour, capacity, taken, booked,
 * arrived, served, no_show, walk_in, cancelled}. Rows or -1. */
int booking_occupancy_hdf(long long crossing_id, const char *day, HDF *hdf,
			  const char *prefix);
/* The same rows, in that column order, to cb (for the CSV). 0 or -1. */
int booking_occupancy_each(long long crossing_id, const char *day, db_row_cb cb,
			   void *ctx);

/* booking_today.c: for the officers' start page, the crossing's trucks
 * waiting in the zone now (arrived or called) and those still booked for
 * day (local) from hour (local) on. 0 or -1. */
int booking_today(long long crossing_id, const char *day, int hour,
		  long long *waiting, long long *booked);

/* A truck without a booking in its window: a walk-in booking takes the
 * first free place from the current hour on (today only). A booking the
 * plate already holds at this crossing is moved there instead. */
enum bk_status booking_walkin(long long staff_id, const struct booking_form *f,
			      struct booking_ref *out);

enum checkin_outcome {
	CHECKIN_DONE,	 /* booking `number` checked in now */
	CHECKIN_ALREADY, /* it was already arrived or called */
	CHECKIN_OUTSIDE, /* a booking exists but outside its window: walk-in needed */
	CHECKIN_NONE, /* no active booking for the plate: walk-in needed */
	CHECKIN_ERROR,
};
struct checkin_result {
	enum checkin_outcome outcome;
	char number[17];
	char plate[13]; /* the booking's plate (may differ: fuzzy) */
	int fuzzy;	/* matched through O/0 or I/1 */
	int walkin_needed;
};
/* "Plate P seen at crossing X's waiting-zone entry at time T" (the
 * ingestion service): checks the matching booking in, exact plate
 * preferred, else one equal up to O/0 and I/1. Returns 0, or -1 on a
 * database error (outcome CHECKIN_ERROR). */
int booking_checkin_plate(const char *plate, long long crossing_id,
			  long long when_unix, struct checkin_result *out);

/* A check-in at the wrong crossing: where the booking is for instead. The
 * booking with number (any status), or with number NULL the active booking
 * of plate (exact, else equal up to O/0 and I/1; the earliest), at an eBT
 * crossing other than crossing_id. Reads only. 1 found (*out), 0 none,
 * -1 error. */
struct booking_where {
	char number[17];
	long long crossing_id;
	char day[11]; /* local YYYY-MM-DD */
	int hour;     /* local */
	char status[12];
};
int booking_elsewhere(long long crossing_id, const char *number,
		      const char *plate, struct booking_where *out);

/* booking_risk.c: what eBT tells a risk rule (domain/risk). The booking
 * id, or else the active booking of plate at crossing_id: 1 with *f, 0
 * none, -1 error. */
struct booking_facts {
	long long id, company_id;
	int mrn;     /* carries an MRN */
	int changed; /* moved or changed after it was made */
	int late;    /* made less than two hours before its hour */
};
int booking_risk_facts(long long id, long long crossing_id, const char *plate,
		       struct booking_facts *f);

/* booking_capacity.c: the eBT report's capacity used per hour, from the
 * slots themselves (no rollup: one row per crossing and hour already):
 * the crossing's open hours of Warsaw days [from, to), columns day, hour,
 * capacity, booked (places taken), closed; day then hour. As db_each. */
int booking_capacity_each(long long crossing_id, const char *from,
			  const char *to, db_row_cb cb, void *ctx);

/* booking_lanes.c: what the lanes ask of eBT besides the check-in. The
 * active bookings (booked, arrived, called) with plate, or one equal up to
 * O/0 and I/1, that are checked in or due today (UTC), at most 100, at
 * the crossings this server serves (an alert is a node-class row: raised
 * where the crossing is served, never by the centre for a node's
 * crossing): cb gets each; cb returns non-zero to stop. Returns the count
 * or -1. */
struct booking_plate_hit {
	const char *number, *plate, *plate_country;
	const char *crossing; /* its code */
	int exact;	      /* the plate as given, not a lookalike */
};
int booking_active_for_plate(const char *plate,
			     int (*cb)(const struct booking_plate_hit *h,
				       void *ctx),
			     void *ctx);

#endif
