/* devices.h: the lane devices and the events they post (the register).
 * The only code that names device and event (devices_auth.c,
 * devices_store.c, devices_register.c, devices_object.c,
 * devices_names.c), and the store of the pictures they take
 * (devices_image.c) */
#ifndef ZSOG_DEVICES_H
#define ZSOG_DEVICES_H

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

/* An enabled device by code as *row {id, code, crossing, lane, lane_kind,
 * secret, seen_now} (seen_now: last_seen within 1 s and not marked down),
 * in arena a: 1, 0 none, -1 error. */
int devices_by_code(struct arena *a, const char *code, struct row *row);

/* The devices of the crossings in scope (comma-separated codes) as
 * prefix.N.{id, code, crossing, lane, lane_kind, device_kind,
 * heartbeat_seconds, disabled, last_seen, status} with status never, down
 * or up. Count or -1. */
int devices_list(HDF *hdf, const char *prefix, const char *scope);
/* The enabled devices of scope that are down or were never heard from
 * (devices_list's status), per crossing: cb gets rows crossing, n. As
 * db_each. */
int devices_down_each(const char *scope, db_row_cb cb, void *ctx);

/* Registers a device in the caller's transaction: its id, -2 when the code
 * is taken, -1 on error. */
long long devices_create(const char *code, const char *crossing,
			 const char *lane, const char *lane_kind,
			 const char *device_kind, const char *secret,
			 long long heartbeat, long long by);

/* One event as stored: the columns after device_id, in this order. */
enum {
	DEV_EV_SEQ,
	DEV_EV_T,
	DEV_EV_CROSSING,
	DEV_EV_LANE,
	DEV_EV_DIR,
	DEV_EV_KIND,
	DEV_EV_RAW,
	DEV_EV_KEY,
	DEV_EV_FOLD,
	DEV_EV_COUNTRY,
	DEV_EV_CONFIDENCE,
	DEV_EV_IMAGE,
	DEV_EV_VIN,
	DEV_EV_VALUE,
	DEV_EV_ALARM,
	DEV_EV_DOC_TYPE,
	DEV_EV_NAME,
	DEV_EV_BIRTH,
	DEV_EV_PERSON_KEY,
	DEV_EV_STATE,
	DEV_EV__STR
};
struct devices_event {
	const char *s[DEV_EV__STR]; /* NULL stores NULL */
	long long doubtful;
};

/* Stores one event unless (device, seq) is already stored: 1 with *id,
 * 0 a duplicate, -1 error. Safe to retry as an autocommit statement. */
int devices_event_put(long long dev_id, const struct devices_event *e,
		      long long *id);
/* k events (a db_bulk_chunk() size) in one statement: k stored (ids from
 * devices_events_id), -2 a duplicate among them (the statement alone is
 * undone: store them one by one), -1 error. */
long long devices_events_put(long long dev_id, const struct devices_event *e,
			     int k);
long long devices_events_id(int k, int j);

/* For a risk profile's backtest (domain/risk): the events of the last
 * `days` days that identify an object (plate, container, wagon,
 * document), oldest first, with the columns id, ts (UTC seconds),
 * crossing, device_id, dir, kind, obj_key, country, confidence, doubtful
 * and lane_kind (the device's, NULL for a device no longer known). As
 * db_each. */
int devices_backtest_each(int days, db_row_cb cb, void *ctx);

/* last_seen is now and the device no longer down; in the open
 * transaction. 0 or -1. */
int devices_seen(long long dev_id);

/* The events of the last `hours` carrying a key, from the index that fits
 * the subject, oldest first, at most 1000, with the columns id, crossing,
 * lane, country, raw, obj_key and day (days since 1970-01-01): by the
 * lookalike fold of a kind's identifier, by VIN, by person key. As
 * db_each. */
int devices_recent_fold(const char *fold, const char *kind, long long hours,
			db_row_cb cb, void *ctx);
int devices_recent_vin(const char *vin, long long hours, db_row_cb cb,
		       void *ctx);
int devices_recent_person(const char *person_key, long long hours, db_row_cb cb,
			  void *ctx);

/* Enabled devices silent past their heartbeat interval and not yet marked
 * down, at most 100, with the columns id, crossing, lane. As db_each. */
int devices_silent_each(db_row_cb cb, void *ctx);
/* Marks the device down if it still is silent and unmarked: 1 when this
 * call marked it (its caller raises the alert), 0 not, -1 error. */
long long devices_mark_down(long long dev_id);

/* The register of one object (obj_key key of kind; fold its lookalike
 * fold), devices_object.c: Object.0 {kind, obj_key, n, first, last,
 * crossings, doubtful}, History.N (its last 200 events: id, t, crossing,
 * lane, dir, raw, country, confidence, image, doubtful, person_name,
 * device, lane_kind) and Alike.N {obj_key, n}. 0 or -1. */
int devices_object_hdf(HDF *hdf, const char *key, const char *fold,
		       const char *kind);

/* ---- the image store (devices_image.c) ---- */
/* An image the store serves is at most this big (a lane camera's JPEG is
 * tens of kB). */
#define DEVICES_IMAGE_MAX (4 * 1024 * 1024)
/* Is name a relative image name the store accepts (no "..", no absolute
 * path, no hidden file, .jpg/.jpeg/.png)? */
int devices_image_name_ok(const char *name);
/* The picture image of device (its code) from Ingest.ImageDir/<device>/:
 * 1 with *ctype image/jpeg or image/png by its first bytes and, when b is
 * not NULL, the whole file in b; 0 none (a name refused, no such regular
 * file, not a JPEG or PNG, over DEVICES_IMAGE_MAX); -1 error. */
int devices_image_read(const char *device, const char *image, struct buf *b,
		       const char **ctype);

/* The objects read (plate, container, wagon, document events) from from
 * to before to (UTC "YYYY-MM-DD HH:MM:SS"), at the crossings named
 * (comma-separated codes, "" all), of kind ("" any), oldest first, at most
 * limit, as prefix.N {id, t, crossing, lane, dir, kind, raw, obj_key,
 * country, confidence, doubtful} (devices_export.c). Count or -1. */
int devices_export_hdf(HDF *hdf, const char *prefix, const char *from,
		       const char *to, const char *crossings, const char *kind,
		       long long limit);

/* ---- the event table's monthly partitions (devices_partition.c) ---- */
/* Months of partitions kept ahead of the current one (UTC months). */
#define DEVICES_MONTHS_AHEAD 3
/* At time now (UTC seconds): partitions added up to DEVICES_MONTHS_AHEAD
 * months ahead, and those wholly before the current month minus
 * keep_months dropped (their events go; the rollups stay). Outside a
 * transaction (DDL). 0 with the counts, -1 error. */
int devices_partitions_keep(long long now, int keep_months, int *added,
			    int *dropped);
/* The same now, with Ingest.RetentionMonths (default 24): the ingest
 * program's tick. */
void devices_partitions_tick(void);

/* ---- what the register tells a risk rule (devices_facts.c) ---- */
/* Events of kind with obj_key key in the last hours other than
 * except_id (the one being decided; 0 none): count or -1. */
long long devices_sightings(const char *kind, const char *key,
			    long long except_id, long long hours);
/* Any event of the object other than except_id: 1, 0, -1. */
int devices_seen_before(const char *kind, const char *key, long long except_id);
/* Distinct crossings that read the object in the last hours: count, -1. */
long long devices_crossings_within(const char *kind, const char *key,
				   long long hours);

/* What the lane's scale and radiation portal read within
 * DEVICES_READING_SECONDS before or after event event_id, at its crossing
 * and lane: the weight nearest in time (kg), the highest radiation level
 * (µSv/h) and whether any reading alarmed; has_* 0 when none. 0 or -1. */
#define DEVICES_READING_SECONDS 120
struct devices_readings {
	int has_weight, has_radiation, has_alarm;
	double weight, radiation;
	int alarm;
};
int devices_lane_readings(long long event_id, struct devices_readings *out);

/* ---- for other modules' lists (devices_names.c), one query each ---- */
/* Each child of prefix with an event id under key gets the event's
 * ev_kind, raw, obj_key, country, image, ev_t, device (its code) and
 * lane_kind (its lane's).
 * 0 or -1. */
int devices_events_hdf(HDF *hdf, const char *prefix, const char *key);
/* One event for an alert's page: ev_kind, raw, obj_key, country, image,
 * vin, doubtful, read_confidence, person_name, ev_t, device, lane_kind,
 * ev_crossing, ev_dir. 1, 0, -1. */
int devices_event_get(struct arena *a, long long id, struct row *row);
/* Device id's code (in a), or NULL: none, or an error. */
const char *devices_code(struct arena *a, long long id);
/* Each child with a device id under key gets its code under as. */
int devices_codes_hdf(HDF *hdf, const char *prefix, const char *key,
		      const char *as);
/* Each child with a device id under key gets its heartbeat_seconds (the
 * longest silence its heartbeat allows: the devices report's silent
 * periods). */
int devices_heartbeats_hdf(HDF *hdf, const char *prefix, const char *key);

#endif
