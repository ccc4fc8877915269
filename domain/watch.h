/* watch.h: the watch list, its matching and the alerts with their
 * procedure. The only code that names watch_entry, watch_state, alert and
 * alert_step (watch_*.c; more moves here from cgi-bin/ingest) */
#ifndef ZSOG_WATCH_H
#define ZSOG_WATCH_H

#include <ClearSilver.h>

#include "db.h"

/* The watch list's version (it moves on every change of the active list)
 * into *v, -1 when none is recorded: 0, or -1 on error. */
int watch_version(long long *v);

/* Calls cb for each entry usable now or for the events of the last week
 * (they may be that old), with the columns id, subject, value (upper
 * case), match_key, fold_key, country, priority, from_day, to_day (days
 * since 1970-01-01), notify (action notify_unit) and unit_id. As db_each. */
int watch_active_each(db_row_cb cb, void *ctx);

/* Calls cb for each entry active now and approved within the last hours,
 * with the column id, oldest first. As db_each. */
int watch_decided_since_each(long long hours, db_row_cb cb, void *ctx);

/* The active entry entry_id with watch_active_each()'s columns, in arena
 * a: 1, 0 none (or no longer active), -1 error. */
int watch_entry_active(struct arena *a, long long entry_id, struct row *row);

/* The watch list, newest first, at most 300, of one status (NULL or ""
 * all) as prefix.N: id, subject, value, country, action, priority,
 * valid_from, valid_to, status, unit_id, unit (its code), created_by,
 * creator (the writer's name). 0 or -1 (watch_list.c). */
int watch_list_hdf(HDF *hdf, const char *prefix, const char *status);

/* A new entry as an officer wrote it; NULL for an empty optional field. */
struct watch_new {
	const char *subject, *value, *match_key, *fold_key, *country;
	const char *birth_date, *reason, *action, *priority;
	const char *valid_from, *valid_to;
	long long unit_id, created_by;
};
/* In the open transaction: a pending entry; its id, or -1. */
long long watch_entry_create(const struct watch_new *e);
/* The lookalike key (fold_key) of a normalised match key, as the matcher
 * folds reads (watch_keys.c); its length. */
size_t watch_fold_key(const char *key, char *out, size_t outsz);

/* For a risk rule's watch.near_match (watch_near.c): does the read key
 * of subject (plate, container, wagon, document) with country (NULL
 * unknown) on day (days since 1970-01-01) come close to an active entry
 * without matching it (no alert): its lookalike key one character apart
 * (replaced, added, left out, two neighbours swapped), or equal but the
 * entry's country another? 1, 0, -1 on error. A copy of the active list
 * per worker, scanned: fine for tens of thousands of entries. */
int watch_near_match(const char *subject, const char *key, const char *country,
		     long long day);
/* The list of watch_near_match read again if it ran out or EPOCH_WATCH
 * moved, outside a transaction (risk_prepare); nothing when this worker
 * never asked for it. 0 or -1. */
int watch_near_prepare(void);
/* a and b one character apart, as above (1), or not (0). */
int watch_one_apart(const char *a, const char *b);

/* One entry (watch_entry.c): id, subject, value, match_key, country,
 * birth_date, reason, action, priority, valid_from, valid_to, status,
 * created_by, created_at, decided_at, unit_id, decided_by. 1, 0, -1. */
int watch_entry_get(struct arena *a, long long id, struct row *row);
/* The entry's last 100 alerts as prefix.N: id, crossing, lane, state,
 * confidence, created_at. 0 or -1. */
int watch_entry_alerts_hdf(HDF *hdf, const char *prefix, long long id);
/* In the open transaction: the entry from status `from` to `to`
 * (active, rejected, withdrawn) by staff member by, who is not its writer
 * unless withdrawing; the list's version moves unless rejected. 1 moved,
 * 0 not (it changed meanwhile, or by wrote it), -1 error. */
long long watch_entry_decide(long long id, const char *from, const char *to,
			     long long by);

/* The alerts at the crossings of scope (comma separated codes) newer
 * than id after, newest first, at most 100, only the not closed ones when
 * open_only, as prefix.N: id, kind, crossing, lane, priority, confidence,
 * booking_number, state, outcome, created_at, event_id, device_id,
 * subject, entry_value, action, device (its code) and the event's ev_kind,
 * raw, obj_key, country, image, ev_t. The count, or -1
 * (watch_alerts.c). */
int watch_alerts_hdf(HDF *hdf, const char *prefix, long long after,
		     const char *scope, int open_only);

/* Each child of prefix with an event id under key gets alerts: the
 * alerts it raised as "id:state:outcome,…" (outcome "-" while open)
 * (watch_event_alerts.c). 0 or -1. */
int watch_event_alerts_hdf(HDF *hdf, const char *prefix, const char *key);

/* The alerts not closed at the crossings of scope (comma-separated
 * codes), counted per crossing and priority: cb gets rows crossing,
 * priority, n (watch_today.c). As db_each. */
int watch_open_each(const char *scope, db_row_cb cb, void *ctx);

/* One alert (watch_alert_one.c) with its entry's columns: id, kind,
 * crossing, lane, priority, confidence, booking_number, state, outcome,
 * assigned_to, created_at, event_id, device_id, entry_id, subject,
 * entry_value, action, reason. 1, 0 none, -1. */
int watch_alert_get(struct arena *a, long long id, struct row *row);
/* Its steps, oldest first, as prefix.N: step, at, lane, outcome, notes,
 * staff_id, who, assigned_to, assigned (names). 0 or -1. */
int watch_alert_steps_hdf(HDF *hdf, const char *prefix, long long id);
/* In the open transaction: the alert from state from to to (assigned: a
 * staff id as text or NULL to keep): 1 moved, 0 not in from, -1. */
long long watch_alert_move(long long id, const char *from, const char *to,
			   const char *assigned, const char *outcome);
/* In the open transaction: the step's row; 0 or -1. */
int watch_alert_step(long long id, const char *step, long long staff,
		     const char *assigned, const char *lane,
		     const char *outcome, const char *notes);

/* The step just stored (alert_step.id) counted in the reports' rollups
 * (domain/report), in the same transaction: every step path calls it. */
int watch_step_count(long long step_id);

/* A new alert and its first step ("new"); 0 ids stand for none. */
struct watch_alert {
	const char *kind;
	long long event_id, entry_id, device_id;
	const char *booking, *crossing, *lane, *confidence;
	int priority;
};
/* In the open transaction: the alert's id, 0 when it was already raised
 * (a unique key: the same event and entry), -1 on error. */
long long watch_alert_raise(const struct watch_alert *a);
/* The same for n alerts (a batch's hits) in a statement or two per
 * chunk: each one's id (0 already raised) in ids[]. 0 or -1. */
int watch_alerts_raise(const struct watch_alert *a, int n, long long *ids);

/*
 * The suspect-object procedure of an alert (watch_alert.c, no database):
 * new -> acknowledged -> inspection -> closed with an outcome, each step
 * appended (alert_step refuses UPDATE and DELETE). Crossing officers and
 * administrators act; the others who see alerts only read. Handlers put
 * these decisions in the view; the template does not repeat them.
 */
/* The state that follows `state` ("new" -> "acknowledged" -> "inspection"
 * -> "closed"), NULL after "closed" or for an unknown state. */
const char *alert_next_step(const char *state);
/* Whether the roles (ROLE_* bits) may move an alert at all. */
int alert_may_act(unsigned roles);
/* Whether the roles may take the alert in `state` to its next step:
 * acknowledge a new one, send an acknowledged one to inspection (an
 * officer and a lane), close one under inspection (with an outcome). */
int alert_may_ack(const char *state, unsigned roles);
int alert_may_inspect(const char *state, unsigned roles);
int alert_may_close(const char *state, unsigned roles);
/* A closing outcome: no_irregularity, irregularity, seizure,
 * handed_over. */
int alert_outcome_ok(const char *s);

/* A watch-list entry's decisions (watch_decide.c, no database): four eyes,
 * so its writer (mine) never approves or rejects a pending entry; an
 * active one may be withdrawn, by its writer too. Watch-list officers
 * only. */
int watch_may_decide(const char *status, unsigned roles, int mine);
int watch_may_withdraw(const char *status, unsigned roles);

#endif
