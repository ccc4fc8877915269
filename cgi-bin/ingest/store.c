/* store.c: a device's events into the database in one transaction, with
 * their watch-list matches and alerts, acknowledged only after COMMIT */
#include "ingest.h"

#include <stdio.h>
#include <string.h>

#include "booking.h"
#include "db.h"
#include "db_bulk.h"
#include "devices.h"
#include "log.h"
#include "report.h"
#include "risk.h"

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

/* The event as the register stores it (domain/devices). */
static void as_row(const struct event *e, struct devices_event *d)
{
	const char *s[DEV_EV__STR] = {
		e->seq,
		e->t_sql,
		e->crossing,
		e->lane,
		e->dir,
		ev_kind_name(e->kind),
		nz(e->raw),
		nz(e->key),
		nz(e->fold),
		nz(e->country),
		nz(e->confidence),
		nz(e->image),
		nz(e->vin),
		nz(e->value),
		e->alarm < 0 ? NULL
		: e->alarm   ? "1"
			     : "0",
		nz(e->doc_type),
		nz(e->name),
		nz(e->birth),
		nz(e->person_key),
		nz(e->state),
	};

	memcpy(d->s, s, sizeof(s));
	d->doubtful = e->doubtful;
}

static int store_one(struct req *r, const struct device *dev, struct event *e)
{
	struct devices_event d;
	int rc;

	as_row(e, &d);
	rc = devices_event_put(dev->id, &d, &e->id);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		e->duplicate = 1;
		return 0;
	}
	if (watch_match_event(r, e) < 0)
		return -1;
	return 0;
}

/* One chunk's rows; a worker serves one request at a time. */
static struct devices_event rows[BULK_MAX];
static int todo[EV_MAX_BATCH];

/* Events todo[0..k) in one multi-row INSERT, then their matches; on a
 * duplicate (a resend, or one racing in from another worker) row by row.
 * 0 stored, -1 failed (the caller rolls back). */
static int store_chunk(struct req *r, const struct device *dev,
		       struct event *evs, const int *idx, int k)
{
	long long n;

	if (k > 1) {
		for (int j = 0; j < k; j++)
			as_row(&evs[idx[j]], &rows[j]);
		n = devices_events_put(dev->id, rows, k);
		if (n == k) {
			for (int j = 0; j < k; j++) {
				struct event *e = &evs[idx[j]];

				e->id = devices_events_id(k, j);
				if (watch_match_event(r, e) < 0)
					return -1;
			}
			return 0;
		}
		if (n != -2)
			return -1;
	}
	for (int j = 0; j < k; j++)
		if (store_one(r, dev, &evs[idx[j]]) < 0)
			return -1;
	return 0;
}

/* Whether the stored event gets a control decision. */
static int decides(const struct event *e)
{
	return !e->reject && !e->duplicate && e->id > 0 && e->key[0] &&
	       risk_decides_kind(ev_kind_name(e->kind));
}

static struct risk_subject subjects[EV_MAX_BATCH];
static struct risk_verdict verdicts[EV_MAX_BATCH];
static int decided[EV_MAX_BATCH];

/* The control decision of every stored event that identifies an object,
 * in the open transaction (domain/risk). 0 or -1. */
static int decide(const struct device *dev, struct event *evs, int n)
{
	int k = 0;

	for (int i = 0; i < n && k < EV_MAX_BATCH; i++) {
		struct event *e = &evs[i];

		if (!decides(e))
			continue;
		subjects[k] = (struct risk_subject){
			.crossing = dev->crossing,
			.lane_kind = dev->lane_kind,
			.object_kind = ev_kind_name(e->kind),
			.object_key = e->key,
			.event_id = e->id,
			.dir = e->dir,
			.country = nz(e->country),
			.confidence = nz(e->confidence),
			.doubtful = e->doubtful,
			.t_unix = e->t_ms / 1000,
		};
		decided[k++] = i;
	}
	if (risk_decide(subjects, verdicts, k) < 0)
		return -1;
	for (int j = 0; j < k; j++) {
		struct event *e = &evs[decided[j]];

		e->colour = verdicts[j].colour;
		e->decision_id = verdicts[j].decision_id;
		e->task_id = verdicts[j].task_id;
	}
	return 0;
}

static struct report_event counted[EV_MAX_BATCH];

/* The events this transaction stored into the reports' rollups
 * (domain/report), so the counts commit or roll back with them. 0 or -1. */
static int count(const struct device *dev, const struct event *evs, int n)
{
	int k = 0;

	for (int i = 0; i < n && k < EV_MAX_BATCH; i++) {
		const struct event *e = &evs[i];

		if (e->reject || e->duplicate || e->id <= 0)
			continue;
		counted[k++] = (struct report_event){
			.t = e->t_ms / 1000,
			.device_id = dev->id,
			.crossing = dev->crossing,
			.lane_kind = dev->lane_kind,
			.dir = e->dir,
			.kind = ev_kind_name(e->kind),
			.country = nz(e->country),
			.object = e->key[0] != 0,
			.doubtful = e->doubtful,
		};
	}
	return report_count_events(counted, k);
}

/*
 * eBT: a plate read at a crossing's waiting-zone entry checks the truck's
 * booking in. booking_checkin_plate() runs its own transaction, so it is
 * called after the events are committed; a failure there is logged and
 * never costs the device its acknowledgement.
 */
static void checkin(const struct device *dev, const struct event *evs, int n)
{
	struct checkin_result res;

	/* Only where eBT takes bookings. */
	if (!dev->ebt || strcmp(dev->lane_kind, "waiting_zone") != 0)
		return;
	for (int i = 0; i < n; i++) {
		const struct event *e = &evs[i];

		if (e->reject || e->duplicate || e->kind != EV_PLATE ||
		    strcmp(e->dir, "entry") != 0)
			continue;
		if (booking_checkin_plate(e->key, dev->crossing_id,
					  e->t_ms / 1000, &res) < 0)
			log_warn("device %s: eBT check-in of %s failed",
				 dev->code, e->key);
	}
}

int store_events(struct req *r, const struct device *dev, struct event *evs,
		 int n)
{
	int m = 0, bulk, k;

	if (watch_sync(dev->watch_version) < 0)
		return -1;
	bulk = db_bulk_ok();
	if (bulk < 0)
		return -1;
	for (int i = 0; i < n && m < EV_MAX_BATCH; i++)
		if (!evs[i].reject)
			todo[m++] = i;
	/* What the decision reads, where it changed, read outside the
	 * transaction, so it may be kept (domain/risk.h); a failure is the
	 * decision's to meet: it reads them again inside. */
	(void)risk_prepare();
	/* Every event, a lone heartbeat too, takes a transaction: the
	 * reports' rollups count it in the same commit (docs/reports.md). */
	if (db_begin() < 0)
		return -1;
	watch_batch();
	for (int pos = 0; pos < m; pos += k) {
		k = bulk ? db_bulk_chunk(m - pos) : 1;
		if (store_chunk(r, dev, evs, todo + pos, k) < 0)
			goto fail;
	}
	if (watch_flush(r) < 0)
		goto fail;
	/* A lone event's decision rows go in its rollups' one CALL. */
	report_hold_decision();
	if (decide(dev, evs, n) < 0)
		goto fail;
	/* A device posting many times a second moves last_seen once a
	 * second: the down check works in heartbeat intervals. */
	if (!dev->seen_now && devices_seen(dev->id) < 0)
		goto fail;
	/* Last before COMMIT: the rollup rows are the ones other workers
	 * share, so they are held locked for the shortest time. */
	if (count(dev, evs, n) < 0)
		goto fail;
	if (db_commit() < 0)
		goto fail;
	if (!dev->seen_now)
		auth_device_seen(dev);
	checkin(dev, evs, n);
	return 0;
fail:
	log_err("device %s: events not stored: %s", dev->code, db_error());
	watch_batch_drop();
	report_drop_held();
	db_rollback();
	for (int i = 0; i < n; i++) {
		evs[i].id = 0;
		evs[i].duplicate = 0;
		evs[i].colour = NULL;
		evs[i].decision_id = evs[i].task_id = 0;
	}
	return -1;
}
