/* ingest.h: the ingest program: lane device events, the register, the
 * watch list, alerts and the suspect-object procedure */
#ifndef ZSOG_INGEST_H
#define ZSOG_INGEST_H

#include <libxml/tree.h>

#include "req.h"

struct row;

/* event.c: one event of a device document, parsed and normalised (no
 * database here, so the fuzzer can drive it). */
enum ev_kind {
	EV_PLATE,
	EV_CONTAINER,
	EV_WAGON,
	EV_WEIGHT,
	EV_RADIATION,
	EV_DOCUMENT,
	EV_LANE,
	EV_HEARTBEAT,
	EV__MAX
};

#define EV_MAX_BATCH 1000

struct event {
	const char *device, *seq, *crossing, *lane, *dir;
	enum ev_kind kind;
	long long t_ms;	 /* unix milliseconds */
	char t_sql[32];	 /* "YYYY-MM-DD HH:MM:SS.mmm" */
	const char *raw; /* identifier as read */
	char key[72];	 /* normalised identifier, "" if none */
	char fold[72];	 /* key with O->0, I->1, B->8 */
	const char *country, *image, *vin, *doc_type, *name, *birth, *state;
	char person_key[160];	/* "NAME|YYYY-MM-DD" or "" */
	const char *confidence; /* decimal text or NULL */
	const char *value;	/* kg or dose rate, decimal text */
	int alarm;		/* -1 not given */
	int doubtful;		/* failed check digit: kept, flagged */
	const char *reject;	/* reason key (L.ingest.reason.*) */
	/* filled when stored */
	long long id;
	int duplicate;
	/* its control decision (domain/risk), when it identifies an object:
	 * colour NULL for none */
	const char *colour;
	long long decision_id, task_id;
};

const char *ev_kind_name(enum ev_kind k);
/* Reads every event of a document (root <events> or one <event>) into
 * *out (arena memory); returns the count or -1 when the document is not of
 * the schema's shape. now_ms, future_ms and past_ms bound the event time;
 * events outside get ->reject set. */
int ev_parse_doc(struct arena *a, xmlDocPtr doc, long long now_ms,
		 long long future_ms, long long past_ms, struct event **out);
/* Normalisers shared with the watch list: 0 when nothing usable is left. */
size_t ev_norm_id(const char *in, char *out, size_t outsz);
size_t ev_person_key(const char *name, const char *birth, char *out,
		     size_t outsz);

/* auth.c: the device behind a request (HMAC headers, docs/ingest.md). */
struct device {
	long long id;
	const char *code, *crossing, *lane, *lane_kind;
	long long crossing_id, unit_id; /* the crossing's, and its branch */
	int ebt;			/* the crossing takes eBT bookings */
	long long watch_version;	/* watch_state.version, -1 none */
	int seen_now;			/* last_seen within 1 s, not down */
};
/* 0 authenticated, else the HTTP status to answer (401) with *why set. */
int auth_device(struct req *r, const char *body, size_t len, struct device *dev,
		const char **why);
/* This worker just moved the device's last_seen (store.c). */
void auth_device_seen(const struct device *dev);

/* watch.c: the active watch list cached per worker, matching and alerts */
/* Reloads the cache when the list changed since; 0 ok. */
int watch_refresh(void);
/* The same with the version already read (struct device). */
int watch_sync(long long version);
/* Matches one stored event and raises its alerts in the open transaction
 * (r: the request, for the e-mails of notify_unit entries); returns the
 * number raised (between watch_batch() and watch_flush(): found) or -1. */
int watch_match_event(struct req *r, const struct event *e);
/* Between watch_batch() and watch_flush() (both in the open
 * transaction), watch_match_event() keeps the hits it finds and
 * watch_flush() raises them all at once, a statement or two per chunk
 * instead of two per hit: the count raised or -1. watch_batch_drop()
 * forgets them (the transaction is rolled back). */
void watch_batch(void);
int watch_flush(struct req *r);
void watch_batch_drop(void);
/* True when e would raise an alert; writes nothing. */
int watch_would_match(const struct event *e);
/* A newly approved entry against the events of the last hours; in the
 * open transaction. Returns alerts raised or -1. */
int watch_match_entry(struct req *r, long long entry_id);
/* On a crossing node: matches the entries that arrived by replication
 * (approved at the centre) against this node's reads and bookings, once
 * each, when the watch list's version moves. The background process's
 * work (tick.c); r only carries the mails. */
void watch_match_arrived(struct req *r);
/* The background process: the lone events' rollups each tick (what waits
 * to metrics_backlog()), partitions hourly, arrived entries or settled
 * orders every 5 s. 0, or -1 when part of it failed (logged). */
int ingest_tick(void);
/* Raises alerts for devices silent past their interval (at most every few
 * seconds per worker); called by the pages officers poll. */
void watch_devices_down(void);

/* notify.c: the watch-list action notify_unit */
struct unit_hit {
	long long alert_id, entry_id, unit_id; /* unit_id: the issuing unit */
	const char *subject, *value;	       /* the entry's */
	const char *crossing, *lane;
	const char *booking; /* an eBT booking's hit, or NULL */
	const char *confidence;
};
/* Every active officer of h->unit_id gets an e-mail (outbox) and a notice
 * on the intranet's start page (core/notice.h), in the open transaction.
 * 0 or -1. */
int notify_unit_hit(struct req *r, const struct unit_hit *h);

/* store.c: events into the database in one transaction */
/* Stores evs (rejected ones skipped) for dev; returns 0 committed, -1
 * failed (nothing stored). */
int store_events(struct req *r, const struct device *dev, struct event *evs,
		 int n);

/* scope.c: which crossings the signed-in officer sees (domain/crossings) */
/* Comma-separated crossing codes of the officer's unit subtree (for
 * FIND_IN_SET), "" for none; NULL on error. */
const char *scope_crossings(struct req *r);
int scope_sees(struct req *r, const char *crossing);
/* Comma-separated crossing codes as prefix.0, prefix.1, … (a template
 * names each by CrossingName, crossings_names_hdf). */
void scope_codes_hdf(HDF *hdf, const char *prefix, const char *codes);

/* handlers */
int events_init(void); /* ui-events.c */
int events_fn(struct req *r);
int xsd_fn(struct req *r);
int alerts_fn(struct req *r); /* ui-alerts.c */
int alerts_feed_fn(struct req *r);
/* The alert of the route's #id if the officer's scope covers its
 * crossing, with the unit that runs the crossing: 1; otherwise 0 with the
 * 404 answered, or -1. */
int alert_load(struct req *r, struct row *row, long long *unit);
int alert_fn(struct req *r); /* ui-alert.c */
int alert_ack_fn(struct req *r);
int alert_inspect_fn(struct req *r);
int alert_close_fn(struct req *r);
int watchlist_fn(struct req *r); /* ui-watchlist.c */
int watch_new_fn(struct req *r);
int watch_create_fn(struct req *r);
int watch_entry_fn(struct req *r); /* ui-watch-entry.c */
int watch_decide_fn(struct req *r);
int alert_image_fn(struct req *r); /* ui-image.c */
int register_image_fn(struct req *r);
int register_fn(struct req *r); /* ui-register.c */
int devices_fn(struct req *r);	/* ui-devices.c */
int device_create_fn(struct req *r);

#endif
