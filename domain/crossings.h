/* crossings.h: the border crossings, one table for e-Booking TRUCK and the
 * lane devices: a crossing's code and names, the customs branch that runs
 * it, eBT's settings, opening hours and closures, and which crossings an
 * officer's unit sees. The only code that names crossing, crossing_day and
 * crossing_closure (crossings.c, crossings_config.c, crossings_rules.c) */
#ifndef ZSOG_CROSSINGS_H
#define ZSOG_CROSSINGS_H

#include <ClearSilver.h>

#include "util.h"

struct crossing {
	long long id, unit_id;
	/* The server that serves its lanes: a crossing node's Cluster.NodeId
	 * (crossing.node_id, 0094), 0 the centre. */
	long long node_id;
	char code[9];
	char name_pl[801], name_en[801]; /* VARCHAR(200) of utf8mb4 */
	int ebt;	   /* trucks book it through e-Booking TRUCK */
	int horizon;	   /* days ahead that can be booked */
	int deadline;	   /* minutes before the hour: change or cancel */
	int before, after; /* the arrival window around the hour, min */
	int noshow;	   /* minutes after the hour's end: a no-show */
	int lanes;
	char slots_until[11]; /* last local day with slots, "" none yet */
};

/* 1 found, 0 none, -1 error. A worker's copy may be up to a second old,
 * never older than the last change (EPOCH_SLOTS). */
int crossings_get(long long id, struct crossing *c);
/* The crossing a lane device names by its code (the devices' key). */
int crossings_by_code(const char *code, struct crossing *c);
/* The crossing as prefix.{id, code, name_pl, name_en, to_country, unit_id,
 * horizon_days, change_deadline_min, arrive_before_min, arrive_after_min,
 * noshow_delay_min, lanes}; with ebt_only a crossing eBT does not serve
 * is none. 1 found, 0 none, -1 error. */
int crossings_hdf(long long id, int ebt_only, HDF *hdf, const char *prefix);

/* Does the branch unit_id run crossing id (its officers see, check in and
 * configure it)? Only eBT crossings. 1 yes, 0 no (or no such), -1 error. */
int crossings_run_by(long long id, long long unit_id);

/* eBT's crossings as prefix.N.{id, code, name_pl, name_en, horizon_days};
 * returns the count or -1. */
int crossings_ebt_list(HDF *hdf, const char *prefix);
/* The same as options of a select: prefix.N.{Value (id), Label}, the label
 * the code when label is "code", else the name in that language. */
int crossings_ebt_options(const char *label, HDF *hdf, const char *prefix);
/* The eBT crossings a branch runs: prefix.N.{id, code, name_pl, name_en}. */
int crossings_ebt_of_unit(long long unit_id, HDF *hdf, const char *prefix);
/* Up to n ids of eBT crossings into ids; returns the count or -1. */
int crossings_ebt_ids(long long *ids, int n);

/* The codes of the crossings run by a unit of unit_id's subtree (the
 * Ministry sees all), comma-separated for FIND_IN_SET, "" for none, in
 * arena a; NULL on error. */
const char *crossings_subtree_codes(struct arena *a, long long unit_id);
/* Options of a select of the crossings whose codes are listed: prefix.N.
 * {Value (code), Label (the name in lang)}; count or -1. */
int crossings_code_options(const char *codes, const char *lang, HDF *hdf,
			   const char *prefix);
/* The crossings whose codes are listed, by name in lang, as prefix.N.
 * {id, code, name, ebt, own (1: run by unit_id itself, so its eBT page
 * opens to the unit's officers: crossings_run_by)}; count or -1. */
int crossings_of_codes_hdf(const char *codes, const char *lang,
			   long long unit_id, HDF *hdf, const char *prefix);
/* Every crossing's name in lang by its code, prefix.<code> = name, so a
 * page names the crossing a list row carries by code. 0 or -1. */
int crossings_names_hdf(const char *lang, HDF *hdf, const char *prefix);

/*
 * crossings_config.c: opening hours, closures and eBT's settings.
 */
/* The settings an officer changes, in this order (the form's names and
 * the columns of crossing). */
enum crossing_setting {
	CS_HORIZON,
	CS_DEADLINE,
	CS_BEFORE,
	CS_AFTER,
	CS_NOSHOW,
	CS_LANES,
	CS__MAX
};
struct crossing_setting_def {
	const char *name;
	long long lo, hi;
};
extern const struct crossing_setting_def crossings_settings[CS__MAX];
/* A day's hours: open 0..24, close 0..24 and not before open, an hourly
 * capacity 0..CROSSINGS_MAX_CAPACITY. */
#define CROSSINGS_MAX_CAPACITY 500

/* The week's hours and the closures of the days first..last (local
 * YYYY-MM-DD), read once per rebuild of the slots. */
struct crossing_schedule {
	int open[8], close[8], cap[8]; /* by ISO day 1..7 */
	struct crossing_closure {
		char day[11];
		int from, to;
	} closures[256];
	int nclosures;
};
int crossings_schedule(long long id, const char *first, const char *last,
		       struct crossing_schedule *s);
/* Slots exist up to last now: in the caller's transaction. 0 or -1. */
int crossings_slots_made(long long id, const char *last);

/* The configuration page's data: Days.N.{dow, open_hour, close_hour,
 * capacity} and Closures.N.{id, day, from_hour, to_hour, reason} from day
 * from on. 0 or -1. */
int crossings_config_hdf(long long id, const char *from, HDF *hdf);
/* New settings and week (days[1..7] = {open, close, capacity}), checked
 * again here, in one transaction. 0 done, 1 a value out of range
 * (nothing changed), -1 error. */
int crossings_configure(long long id, const long long v[CS__MAX],
			long long days[8][3]);
/* Closes hours from..to (to exclusive) of day (local YYYY-MM-DD) for
 * reason (up to 200 characters). 0 done, 1 bad values, -1 error. */
int crossings_close(long long id, const char *day, long long from, long long to,
		    const char *reason, long long staff_id);

/*
 * crossings_rules.c: the pure rules (no database; tests/unit).
 */
/* Is v a valid value of setting s? */
int crossings_setting_ok(enum crossing_setting s, long long v);
/* Are these a day's valid hours and capacity? */
int crossings_day_ok(long long open, long long close, long long cap);
/* Are from..to valid hours of a closure (from < to <= 24)? */
int crossings_closure_ok(long long from, long long to);
/* The places of hour (0..23) of a day of week (1..7) by the schedule;
 * 0 outside the opening hours. */
int crossings_hour_capacity(const struct crossing_schedule *s, int dow,
			    int hour);
/* Does a closure cover hour of day? */
int crossings_hour_closed(const struct crossing_schedule *s, const char *day,
			  int hour);
/* Is code one of the comma-separated codes (crossings_subtree_codes)? */
int crossings_code_in(const char *codes, const char *code);

#endif
