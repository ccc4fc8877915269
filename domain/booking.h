/* booking.h: the booking rules of e-Booking TRUCK, one implementation for
 * the web pages (cgi-bin/ebt) and the SOAP service (issue 6): create,
 * change, cancel, get, list, free slots, the crossing's status changes and
 * the check-in of a plate seen at the waiting zone */
#ifndef ZSOG_BOOKING_H
#define ZSOG_BOOKING_H

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

#define BOOKING_MAX_MRN 10
#define BOOKING_MAX_MASS 60000

/* What a rule said. booking_status_key() names its message (L.ebt.st.*
 * in templates/lang/xx/ebt.hdf) and booking_status_code() the stable code
 * for machines (SOAP faults). */
enum bk_status {
	BK_OK,
	BK_INVALID,		/* a field failed: see bad_field */
	BK_FORBIDDEN,		/* no authorisation for the company today */
	BK_NOT_FOUND,		/* no such booking, or not one the caller sees */
	BK_NO_CROSSING,
	BK_PAST,		/* the hour has begun or passed */
	BK_HORIZON,		/* beyond the booking horizon */
	BK_CLOSED,		/* outside opening hours, or a closure */
	BK_FULL,		/* every place of the hour is taken */
	BK_PLATE_ACTIVE,	/* this truck already holds an active booking */
	BK_DEADLINE,		/* too late to change or cancel */
	BK_STATE,		/* not in a status that allows this */
	BK_SAME_SLOT,		/* a change to the hour it already has */
	BK_NO_PLACE,		/* walk-in: no free place left today */
	BK_ERROR,		/* the database failed */
};

const char *booking_status_key(enum bk_status st);
const char *booking_status_code(enum bk_status st);

/* Who acts: the history records it. */
enum bk_actor { ACT_PERSON, ACT_STAFF, ACT_SYSTEM, ACT_DEVICE };

/* The fields of a booking; strings already trimmed. Plates are normalised
 * and every value checked again by booking_create() itself. */
struct booking_form {
	long long crossing_id;
	const char *day;		/* local YYYY-MM-DD */
	int hour;			/* local 0..23 */
	long long company_id;
	const char *plate, *plate_country, *trailer_plate;	/* trailer: NULL */
	const char *driver_name, *driver_doc, *driver_phone;
	const char *mrn[BOOKING_MAX_MRN];
	int nmrn;
	const char *goods;
	long long mass_kg, packages;
	const char *idem_key;		/* 32 hex, or NULL */
};

/* What a successful create/change/cancel/check-in did. */
struct booking_ref {
	long long id;
	char number[17];
	long long crossing_id, company_id, slot_id;
	char day[11];
	int hour;
	long long start_utc;
	int replayed;		/* create: the idempotency key found it */
	const char *bad_field;	/* BK_INVALID: which field */
};

/* Runs inside the booking's transaction just before COMMIT (e-mail to the
 * outbox, audit line, message archive): non-zero rolls everything back. */
typedef int (*booking_commit_cb)(void *ctx, const struct booking_ref *b);

/* Checks every field of f (the SOAP service has no form layer); NULL when
 * all pass, else the name of the first bad field. */
const char *booking_check_form(const struct booking_form *f);
/* Plate normalisation as stored: upper case, no separators; 0 if invalid. */
size_t booking_plate_norm(const char *in, char *out, size_t outsz);

/* Person books for f->company_id: needs AUTHZ_EBT_BOOK today. */
enum bk_status booking_create(long long person_id,
			      const struct booking_form *f,
			      booking_commit_cb cb, void *ctx,
			      struct booking_ref *out);
/* booking_guest.c: a one-off booking without an account (docs/ebt.md):
 * f->company_id is ignored, the booking keeps email instead of a company
 * and person; history actor "system". f->idem_key (required) makes a
 * resent confirmation answer with the same booking (out->replayed). */
enum bk_status booking_guest_create(const char *email,
				    const struct booking_form *f,
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

struct booking_filter {
	const char *status;	/* one status, or NULL */
	long long crossing_id;	/* 0: all */
	const char *day;	/* local YYYY-MM-DD, or NULL */
	const char *plate;	/* normalised, prefix match, or NULL */
	int limit;		/* unused: lists hold the newest 200 */
};
/* A company's bookings (needs AUTHZ_EBT_VIEW or _BOOK) as prefix.N.*;
 * returns the count, or -BK_* on refusal. */
int booking_list(long long person_id, long long company_id,
		 const struct booking_filter *f, HDF *hdf, const char *prefix);

/* Free places per hour from day `from` to `to` (local, inclusive) as
 * prefix.N.{day,hour,capacity,booked,free,closed,past}: one SELECT. Hours
 * the crossing does not open are left out. Returns rows or -1. */
int booking_free_slots(long long crossing_id, const char *from,
		       const char *to, HDF *hdf, const char *prefix);

/* The calendar's days from `from` (today, local) to `to` (inclusive) as
 * prefix.N.{d (YYYY-MM-DD), w (1 Monday .. 7), f (free places in the hours
 * still ahead), s ("open" or "closed": no open hour ahead)}: one aggregate
 * SELECT. Returns rows or -1. */
int booking_free_days(long long crossing_id, const char *from,
		      const char *to, HDF *hdf, const char *prefix);
/* One day's open hours still ahead as prefix.N.{h, f (free), c (capacity),
 * s ("free", "full" or "closed")}: one SELECT. Returns rows or -1. */
int booking_day_hours(long long crossing_id, const char *day, HDF *hdf,
		      const char *prefix);

/* The crossing as prefix.{id,code,name_pl,...}; 1 found, 0 none, -1. */
int booking_crossing(long long crossing_id, HDF *hdf, const char *prefix);
/* Adds the slots up to today + horizon if the horizon moved on, and marks
 * no-shows (both cheap when nothing is due). */
int booking_maintain(long long crossing_id);
/* The ebt program's background process (struct service .tick): slots for
 * every crossing and the no-show sweep, whether or not anyone uses a page;
 * the pages still call booking_maintain() so nothing waits for a tick. */
void booking_tick(void);
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
/* A truck without a booking in its window: a walk-in booking takes the
 * first free place from the current hour on (today only). A booking the
 * plate already holds at this crossing is moved there instead. */
enum bk_status booking_walkin(long long staff_id,
			      const struct booking_form *f,
			      struct booking_ref *out);

enum checkin_outcome {
	CHECKIN_DONE,		/* booking `number` checked in now */
	CHECKIN_ALREADY,	/* it was already arrived or called */
	CHECKIN_OUTSIDE,	/* a booking exists but outside its window: walk-in needed */
	CHECKIN_NONE,		/* no active booking for the plate: walk-in needed */
	CHECKIN_ERROR,
};
struct checkin_result {
	enum checkin_outcome outcome;
	char number[17];
	char plate[13];		/* the booking's plate (may differ: fuzzy) */
	int fuzzy;		/* matched through O/0 or I/1 */
	int walkin_needed;
};
/* "Plate P seen at crossing X's waiting-zone entry at time T" (the
 * ingestion service): checks the matching booking in, exact plate
 * preferred, else one equal up to O/0 and I/1. Returns 0, or -1 on a
 * database error (outcome CHECKIN_ERROR). */
int booking_checkin_plate(const char *plate, long long crossing_id,
			  long long when_unix, struct checkin_result *out);

#endif
