/* booking_int.h: what the booking files share and nobody else needs */
#ifndef ZSOG_BOOKING_INT_H
#define ZSOG_BOOKING_INT_H

#include "booking.h"
#include "crossings.h"

/* A booking's state is its row (central: written at the centre) and its
 * lane row (booking_lane, 0101: written where the crossing is served):
 * the lane row wins when it exists, so "cancelled" only without one. Every
 * read of a booking's state goes through these (docs/ebt.md "Lane
 * state"). BK_SQL_LANE joins booking b to its lane row l. */
#define BK_SQL_LANE " LEFT JOIN booking_lane l ON l.booking_id = b.id"
#define BK_SQL_STATE "COALESCE(l.status, b.status)"
/* Still expected or in the waiting zone: booked, arrived or called. A
 * served truck's booking stays "booked" until the centre marks it done. */
#define BK_SQL_ACTIVE \
	"b.status = 'booked' AND (l.status IS NULL OR l.status IN ('arrived', 'called'))"

/* The crossing as eBT books it (domain/crossings.h): one eBT does not
 * serve is none. 1 found, 0 none, -1 error. */
int bk_crossing_load(long long id, struct crossing *c);
int bk_slot_find(long long crossing_id, const char *day, int hour,
		 struct bk_slot *s);
/* The rules an hour must pass to be booked (before taking a place):
 * horizon, past, open. Fills s. */
enum bk_status bk_slot_check(const struct crossing *c, const char *day,
			     int hour, struct bk_slot *s);
/* Takes one place (the capacity guarantee) or releases one. Take returns
 * 1 taken, 0 full, -1 error. */
int bk_slot_take(long long slot_id);
int bk_slot_release(long long slot_id);

/* booking.c: the booking itself once the caller has checked who books:
 * the idempotency key's earlier booking if any, else the slot's rules and
 * the transaction (capacity taken by the conditional UPDATE, the row,
 * MRNs, history, cb, COMMIT) in db_tx, run again on a deadlock. person_id 0 with
 * guest_email for a booking without an account. */
enum bk_status bk_create_in_slot(long long person_id, const char *guest_email,
				 const struct booking_form *f,
				 const struct crossing *c, const char *cname,
				 booking_commit_cb cb, void *ctx,
				 struct booking_ref *out);

/* A lane step of booking_lane (arrived, called, served, no_show) just
 * written, counted in the reports' rollups (domain/report). 0 or -1. */
int bk_count_lane(long long booking_id, const char *action);
int bk_history(long long booking_id, enum bk_actor kind, long long actor_id,
	       const char *action, long long from_start, long long to_start,
	       const char *reason);
/* The centre's side of a final lane row: crossing_id's booking of plate
 * (NULL: those whose hour has begun) whose lane row says served or no-show
 * becomes "done", leaving active_plate. Written only where booking is writable
 * (the centre); the count, or -1. */
long long bk_close_done(long long crossing_id, const char *plate);
/* Does this server write crossing c's lane rows (booking_lane, the no-show
 * sweep): crossing.node_id against Cluster.NodeId, NULL/0 the centre. */
int bk_serves(const struct crossing *c);

/* A fresh random booking number: CODE-XXXXXXXX. */
void bk_number(const char *code, char out[17]);
/* Copies a row's columns into hdf as prefix.column. */
void bk_row_hdf(const struct row *row, HDF *hdf, const char *prefix);
/* A scratch HDF tree (*t NULL on failure), and src's tree copied to
 * prefix.n of hdf: 0, or -1 (the NEOERR freed). */
int bk_hdf_scratch(HDF **t);
int bk_hdf_copy_at(HDF *hdf, const char *prefix, int n, HDF *src);
/* Which unique key a duplicate-key error hit contains `name`. */
int bk_dup_on(const char *name);

#endif
