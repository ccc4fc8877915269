/* risk.h: risk analysis: the control decision (random selection rates,
 * decisions and the profiles that fired), re-inspection orders and the
 * outcomes fed back. The only code that names risk_rate, risk_decision,
 * risk_decision_hit and reinspection (risk_*.c; the profiles and their
 * rule language are risk_profile*.c and risk_rule*.c). */
#ifndef ZSOG_RISK_H
#define ZSOG_RISK_H

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

/* ---- the control decision (risk_decide.c) ---- */

/* What is decided on: an event that identifies an object (event_id), or a
 * booking checked in at the waiting zone (booking_id). */
struct risk_subject {
	const char *crossing;	 /* code */
	const char *lane_kind;	 /* device.lane_kind; NULL unknown */
	const char *object_kind; /* plate, container, wagon, document */
	const char *object_key;	 /* normalised, as event.obj_key */
	long long event_id, booking_id;
	long long company_id; /* a booking's company, 0 none */
	/* The event's own facts for the profiles' rules (NULL unknown). */
	const char *dir, *country, *confidence;
	int doubtful;	  /* a failed check digit */
	long long t_unix; /* when it was read; 0 now */
};
/* What was decided; colour is a static string. */
struct risk_verdict {
	const char *colour; /* green, yellow, red */
	int random;	    /* the random draw chose it */
	long long score;    /* the weights of the profiles that fired */
	int hits;	    /* how many active profiles fired */
	long long decision_id;
	long long task_id; /* the control task opened, 0 none */
	long long reinspection_id;
};
/* Decides on n subjects in the caller's open transaction (the one that
 * stores the events or the check-in): the random draw at the crossing's
 * rate for the lane kind (lib/draw: a buffered CSPRNG), an active
 * re-inspection order of the object (→ red, and the order is done), and
 * stores each decision (many a statement); yellow and red open a control
 * task (domain/control). 0, or -1 (the caller rolls back). */
int risk_decide(const struct risk_subject *s, struct risk_verdict *v, int n);
/* Before the transaction of risk_decide: the worker's copies it reads
 * (the rates, the active orders' keys, the compiled profiles, the watch
 * list's lookalikes) read again where their counters moved, outside the
 * transaction, so that they may be kept (lib/kept.h). Without it the
 * decision still reads them, every time, inside. 0, or -1 (logged by the
 * database layer; the caller may go on). */
int risk_prepare(void);
/* A score from this on asks for a document control, from RISK_RED_SCORE
 * on for a physical one (a profile's fixed decision overrides upwards). */
#define RISK_YELLOW_SCORE 40
#define RISK_RED_SCORE 100
/* The kinds of event that identify an object (get a decision). */
int risk_decides_kind(const char *object_kind);

/* ---- re-inspection orders (risk_orders.c) ---- */

/* plate, container, company or document */
int risk_order_subject_ok(const char *subject);
/* The key a sighting is matched by: the number as the lanes normalise it,
 * a company's id in e-Customer from its EORI. 1 with key, 0 when value
 * cannot be one (or no such company), -1 on error. */
int risk_order_key(struct arena *a, const char *subject, const char *value,
		   char *key, size_t keysz);
struct risk_order {
	const char *subject, *value, *key, *reason;
	const char *valid_from, *valid_to; /* YYYY-MM-DD */
	long long by;			   /* the analyst */
};
/* A new active order; its id or -1. */
long long risk_order_create(const struct risk_order *o);
/* An active order withdrawn: 1, 0 not active (or none), -1 error. */
long long risk_order_withdraw(long long id);
/* At the centre: the active orders a crossing fulfilled (reinspection_done,
 * replicated up from the nodes) marked done. How many, or -1. */
long long risk_orders_settle(void);

/* ---- explaining decisions (risk_explain.c) ---- */

/* One decision: id, crossing, lane_kind, object_kind, object_key,
 * event_id, booking_id, colour, score, random, reinspection_id,
 * created_at and its order's order_reason, order_value, order_subject,
 * order_by. 1, 0 none, -1. */
int risk_decision_get(struct arena *a, long long id, struct row *row);
/* The live profile versions that fired (a testing profile's shadow hit
 * decided nothing), as prefix.N: version_id, used, live,
 * version_no, weight, fixed, profile_id, name. 0 or -1. */
int risk_decision_hits_hdf(HDF *hdf, const char *prefix, long long id);
/* Each child of prefix with an event (booking) id under key gets
 * decision_id, decision_colour, decision_random of its decision (a
 * booking's newest). 0 or -1. */
int risk_decisions_of_events_hdf(HDF *hdf, const char *prefix, const char *key);
int risk_decisions_of_bookings_hdf(HDF *hdf, const char *prefix,
				   const char *key);
/* Each child with a decision id under key gets object_kind, object_key,
 * decision_colour, decision_random, reinspection_id, score. 0 or -1. */
int risk_decisions_hdf(HDF *hdf, const char *prefix, const char *key);

/* ---- outcomes fed back (risk_outcomes.c) ---- */

/* In the open transaction that closes the decision's control task: its
 * outcome on the decision. 0 or -1. */
int risk_decision_outcome(long long decision_id, const char *outcome);
/* Over the decisions of the last `days` days, as prefix.N with
 * selections, controls (closed tasks), irregular (irregularity or
 * seizure) and hit_rate (irregular per control, percent with one
 * decimal; unset before the first control): random selection per
 * crossing (crossing), the baseline; each profile version's live hits
 * (version_id, profile_id, version_no, name). 0 or -1. */
int risk_outcomes_random_hdf(HDF *hdf, const char *prefix, int days);
int risk_outcomes_versions_hdf(HDF *hdf, const char *prefix, int days);
/* Each child of prefix with a profile version id under key gets its
 * profile_id, version_no and name (the profile's): the reports' figures
 * per profile, one query for the list; 0 or -1. */
int risk_version_names_hdf(HDF *hdf, const char *prefix, const char *key);

/* ---- the analysts' start page (risk_start.c) ---- */

/* The decisions of the last `days` days per colour, as prefix.green,
 * .yellow, .red, .random, .total; 0 or -1. */
int risk_decision_counts_hdf(struct arena *a, HDF *hdf, const char *prefix,
			     int days);
/* The re-inspection orders, active first then newest, at most 100, as
 * prefix.N: id, subject, value, reason, valid_from, valid_to, status,
 * created_by, created_at, decision_id; 0 or -1. */
int risk_reinspections_hdf(HDF *hdf, const char *prefix);

/* ---- for other modules' lists (risk_export.c) ---- */

/* Each child of prefix with an event id under key gets its decision:
 * decision_id, colour, score, random. 0 or -1. */
int risk_event_decisions_hdf(HDF *hdf, const char *prefix, const char *key);

#endif
