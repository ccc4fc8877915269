/* fleet_docs.h: a vehicle's documents and their deadlines (fleet_document),
 * the reminders mailed before them (fleet_reminder) and the drivers'
 * licences and permissions (fleet_driver) -- the fleet-docs part of
 * domain/fleet (docs/fleet.md) */
#ifndef ZSOG_FLEET_DOCS_H
#define ZSOG_FLEET_DOCS_H

#include <ClearSilver.h>

#include "db.h"
#include "req.h"
#include "util.h"

/* ---- fleet_due.c: the deadline arithmetic, pure (tests/unit) ---- */

/* fleet_document.kind, in the ENUM's order (fleet_doc_kinds in fleet.h
 * holds their codes). */
enum fleet_doc_kind {
	FLEET_DOC_REGISTRATION,
	FLEET_DOC_INSURANCE,
	FLEET_DOC_INSPECTION,
	FLEET_DOC_SERVICE,
	FLEET_DOC_TYRES,
	FLEET_DOC__MAX
};

/* The kind of a code of fleet_doc_kinds, or -1 (fleet_docs.c). */
int fleet_doc_kind(const char *code);

/* Warsaw dates as day numbers (days since 1970-01-01). */
long fleet_day(int y, int m, int d);
void fleet_day_civil(long n, int *y, int *m, int *d);
/* "YYYY-MM-DD" (a real date) into *n: 0, or -1. */
int fleet_day_parse(const char *s, long *n);
/* n as "YYYY-MM-DD" into out; returns out. */
char *fleet_day_text(long n, char out[11]);
/* The same day months later; a day the month lacks becomes its last
 * (31 January + 1 month = 28 or 29 February). */
long fleet_day_add_months(long day, int months);

enum fleet_season {
	FLEET_SEASON_NONE,
	FLEET_SEASON_SUMMER,
	FLEET_SEASON_WINTER
};

/* What a document says about its deadline; -1 (or 0 for the periods)
 * where it says nothing. */
struct fleet_terms {
	enum fleet_doc_kind kind;
	long valid_until;	    /* registration, insurance, inspection */
	long done_on;		    /* service, tyres: when it was done */
	long long done_km;	    /* service: the odometer then */
	int every_km, every_months; /* service: either or both */
	enum fleet_season season;   /* tyres: the ones fitted on done_on */
};

/* The rules from the configuration (docs/fleet.md "Deadlines"). */
struct fleet_rules {
	int soon_days;	   /* Fleet.SoonDays: highlighted within this */
	long long soon_km; /* Fleet.ServiceSoonKm: a service this close */
	int summer_by;	   /* Fleet.SummerTyresBy "MM-DD" as month*100+day */
	int winter_by;	   /* Fleet.WinterTyresBy */
};
/* The rules as configured (defaults 30 days, 1000 km, 04-15, 11-01). */
void fleet_rules_conf(struct fleet_rules *rules);

enum fleet_due_state {
	FLEET_DUE_NONE, /* no deadline (a registration without end) */
	FLEET_DUE_OK,
	FLEET_DUE_SOON,	   /* within soon_days (or soon_km) */
	FLEET_DUE_OVERDUE, /* past its day, or its km */
};

struct fleet_due {
	enum fleet_due_state state;
	long day;	   /* the day it falls due, -1 none */
	long long km;	   /* service: the reading it falls due at, -1 none */
	long days_left;	   /* day - today: 0 today, negative overdue */
	long long km_left; /* km - odometer: negative overdue */
	int by_km;	   /* the km limit decides the state (came first) */
};

/*
 * The deadline of one document on day today with the vehicle's odometer:
 * registration, insurance and inspection end on valid_until; a service
 * falls due at done_on + every_months or done_km + every_km, whichever
 * comes first; tyres fall due on the first date of changing to the other
 * season after done_on (winter tyres fitted: summer_by; summer: winter_by).
 */
void fleet_due_of(const struct fleet_terms *t, const struct fleet_rules *rules,
		  long today, long long odometer, struct fleet_due *out);

/* The reminder due for d today, days (the Fleet.RemindDays list, any
 * order): the smallest N of them with days_left <= N, so a job that missed
 * a day catches up with the latest one and never sends two at once;
 * FLEET_STAGE_OVERDUE once it is overdue (by day or km); FLEET_STAGE_NONE
 * none yet. The stage is what fleet_reminder.stage keeps. */
#define FLEET_STAGE_OVERDUE (-1)
#define FLEET_STAGE_NONE (-2)
int fleet_remind_stage(const struct fleet_due *d, const int *days, int ndays);
/* Fleet.RemindDays ("14,3,0") into days[max]: the count, at least 1. */
int fleet_remind_days(const char *list, int *days, int max);

/* ---- fleet_docs.c: the documents (fleet_document) ---- */

/* A document as a form gives it: text, already checked (ui-docs.c); NULL
 * for a field its kind does not use. */
struct fleet_doc_in {
	const char *kind, *number, *valid_until, *every_km, *every_months;
	const char *done_on, *done_km, *season, *note;
};

/* One vehicle for the documents' pages: id, unit_id, plate, make, model,
 * status, odometer_km. 1, 0 none, -1. */
int fleet_docs_vehicle(struct arena *a, long long vehicle_id, struct row *row);
/* One document with its vehicle's unit_id, plate and odometer_km. 1, 0
 * none, -1. */
int fleet_doc_get(struct arena *a, long long id, struct row *row);
/* A new document (also a renewal: the newest of a kind is the one in
 * force). 0 with *id, or -1. */
int fleet_doc_add(long long vehicle_id, const struct fleet_doc_in *in,
		  long long *id);
/* Corrects a document; its reminders are forgotten, so a changed deadline
 * is reminded of anew. 1 changed, 0 none, -1. Inside a transaction. */
int fleet_doc_update(long long id, const struct fleet_doc_in *in);
/* The vehicle's documents, newest first, as prefix.N.{id, kind, number,
 * valid_until, service_every_km, service_every_months, done_on, done_km,
 * season, note, created_at, current (1: the newest of its kind)}; the
 * count or -1. */
int fleet_docs_of_vehicle_hdf(HDF *hdf, const char *prefix,
			      long long vehicle_id);
/* The deadline terms a document row (the columns above) states. */
void fleet_terms_of(const struct row *row, struct fleet_terms *t);
/* The documents in force (the newest of each kind) of the vehicles in
 * root's subtree (unit > 0: of that unit only) not written off, by plate
 * and kind: the columns above and vehicle_id, plate, make, model, unit_id,
 * unit_code, odometer_km. root 0: every unit, without unit_code (the
 * reminders). 0 or -1. */
int fleet_deadlines_each(long long root, long long unit, db_row_cb cb,
			 void *ctx);
/* The same rows as prefix.N.*; the count or -1. */
int fleet_deadlines_hdf(HDF *hdf, const char *prefix, long long root,
			long long unit);

/* ---- fleet_remind.c: the reminders (fleet_reminder) ---- */

/* Mails what falls due on today (a Warsaw day number) to the fleet
 * managers over each vehicle's unit, in each one's language, through r
 * (a request or the admin tool's stand-in; its HDF is used for the mail),
 * and records it: a document's stage is mailed once. The documents
 * reminded of in *docs, the mails in *mails. 0 or -1. */
int fleet_remind_run(struct req *r, long today, int *docs, int *mails);

/* ---- fleet_driver.c: the drivers (fleet_driver) ---- */

/* The driver rows of the staff now in root's subtree, as prefix.<staff
 * id>.{categories, licence_until, permitted, granted_by, granted_at}; 0 or
 * -1. */
int fleet_drivers_hdf(HDF *hdf, const char *prefix, long long root);
/* staff_id, unit_id, categories, licence_until, permitted, granted_by,
 * granted_at. 1, 0 none, -1. */
int fleet_driver_get(struct arena *a, long long staff_id, struct row *row);
/* Creates or corrects the licence of staff_id (of unit): categories
 * comma-separated codes, licence_until a date. 0 or -1. */
int fleet_driver_save(long long staff_id, long long unit,
		      const char *categories, const char *licence_until);
/* Grants (permitted 1, by whom, now) or withdraws (0) the permission to
 * drive service vehicles. 1 changed, 0 no driver row, -1. */
int fleet_driver_permit(long long staff_id, int permitted, long long by);

#endif
