/* watch.c: the active watch list cached in each worker (reloaded when
 * watch_state.version moves), matching events against it, and raising
 * alerts: watch-list hits, radiation alarms and silent devices */
#include "ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "booking.h"
#include "conf.h"
#include "crossings.h"
#include "db.h"
#include "devices.h"
#include "epochs.h"
#include "watch.h"
#include "log.h"

enum subject {
	W_PLATE,
	W_VIN,
	W_CONTAINER,
	W_WAGON,
	W_DOCUMENT,
	W_PERSON,
	W__MAX
};
static const char *const subject_names[W__MAX] = {
	"plate", "vin", "container", "wagon", "document", "person",
};

struct wentry {
	long long id;
	enum subject subject;
	char value[128]; /* as written, upper case: an "exact" match */
	char key[144], fold[144];
	char country[3];
	int priority;
	long long from_day, to_day; /* days since 1970-01-01 */
	int notify;		    /* action notify_unit: tell unit_id */
	long long unit_id;	    /* the issuing unit (the writer's) */
};

static struct wentry *cache;
static size_t ncache, capcache;
static long long cache_version = -1;

static enum subject subject_of(const char *s)
{
	for (int i = 0; i < W__MAX; i++)
		if (strcmp(subject_names[i], s) == 0)
			return (enum subject)i;
	return W__MAX;
}

/* An active entry (watch_active_each()'s columns) into w; -1 if
 * unusable. */
static int fill_entry(const struct row *row, struct wentry *w)
{
	memset(w, 0, sizeof(*w));
	w->id = row_int(row, "id", 0);
	w->subject = subject_of(row_get(row, "subject", ""));
	if (w->subject == W__MAX)
		return -1;
	strlcpy_z(w->value, row_get(row, "value", ""), sizeof(w->value));
	strlcpy_z(w->key, row_get(row, "match_key", ""), sizeof(w->key));
	strlcpy_z(w->fold, row_get(row, "fold_key", ""), sizeof(w->fold));
	strlcpy_z(w->country, row_get(row, "country", ""), sizeof(w->country));
	w->priority = (int)row_int(row, "priority", 3);
	w->from_day = row_int(row, "from_day", 0);
	w->to_day = row_int(row, "to_day", 0);
	w->notify = (int)row_int(row, "notify", 0);
	w->unit_id = row_int(row, "unit_id", 0);
	return 0;
}

static int load_cb(const struct row *row, void *ctx)
{
	(void)ctx;
	if (ncache == capcache) {
		size_t cap = capcache ? capcache * 2 : 256;
		struct wentry *p = realloc(cache, cap * sizeof(*p));

		if (!p)
			return -1;
		cache = p;
		capcache = cap;
	}
	if (fill_entry(row, &cache[ncache]) == 0)
		ncache++;
	return 0;
}

static int by_fold(const void *a, const void *b)
{
	const struct wentry *x = a, *y = b;
	int c = strcmp(x->fold, y->fold);

	return c ? c : (int)x->subject - (int)y->subject;
}

int watch_refresh(void)
{
	long long v;

	if (watch_version(&v) < 0)
		return -1;
	return watch_sync(v);
}

int watch_sync(long long v)
{
	if (v == cache_version)
		return 0;
	ncache = 0;
	if (watch_active_each(load_cb, NULL) < 0) {
		cache_version = -1;
		return -1;
	}
	qsort(cache, ncache, sizeof(*cache), by_fold);
	cache_version = v;
	return 0;
}

/* The first cached entry whose fold equals fold, or ncache. */
static size_t lower_bound(const char *fold)
{
	size_t lo = 0, hi = ncache;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(cache[mid].fold, fold) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static long long raise_alert_booking(const char *kind, long long event_id,
				     long long entry_id, long long device_id,
				     const char *booking, const char *crossing,
				     const char *lane, int priority,
				     const char *confidence)
{
	struct watch_alert a = {
		.kind = kind,
		.event_id = event_id,
		.entry_id = entry_id,
		.device_id = device_id,
		.booking = booking,
		.crossing = crossing,
		.lane = lane,
		.priority = priority,
		.confidence = confidence,
	};

	return watch_alert_raise(&a);
}

static long long raise_alert(const char *kind, long long event_id,
			     long long entry_id, long long device_id,
			     const char *crossing, const char *lane,
			     int priority, const char *confidence)
{
	return raise_alert_booking(kind, event_id, entry_id, device_id, NULL,
				   crossing, lane, priority, confidence);
}

/* A new alert (id > 0) on an entry whose action is notify_unit: its unit's
 * officers are told in the same transaction (notify.c). */
static int notify(struct req *r, const struct wentry *w, long long alert,
		  const char *crossing, const char *lane, const char *booking,
		  const char *confidence)
{
	struct unit_hit h = {
		.alert_id = alert,
		.entry_id = w->id,
		.unit_id = w->unit_id,
		.subject = subject_names[w->subject],
		.value = w->value,
		.crossing = crossing,
		.lane = lane,
		.booking = booking,
		.confidence = confidence,
	};

	if (!w->notify || alert <= 0)
		return 0;
	return notify_unit_hit(r, &h);
}

/* The read as the device sent it, upper case and trimmed. */
static void upper_trim(const char *in, char *out, size_t outsz)
{
	size_t n = 0;

	while (*in == ' ')
		in++;
	for (; *in && n + 1 < outsz; in++)
		out[n++] = (*in >= 'a' && *in <= 'z') ? (char)(*in - 32) : *in;
	while (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

static const char *confidence_of(const struct wentry *w, const char *key,
				 const char *raw)
{
	char up[128];

	if (strcmp(w->key, key) != 0)
		return "confusion";
	upper_trim(raw ? raw : key, up, sizeof(up));
	return strcmp(up, w->value) == 0 ? "exact" : "normalised";
}

/* Set while watch_would_match() runs: count matches, raise nothing. */
static int dry_run;

/* Between watch_batch() and watch_flush(): the hits of a batch's events,
 * raised together (two statements instead of two per hit). */
#define PENDING_MAX 256
static struct pending {
	struct watch_alert a;
	const struct wentry *w;
} pending[PENDING_MAX];
static int npending, batching;

void watch_batch(void)
{
	batching = 1;
	npending = 0;
}

/* The hits kept so far raised: the count raised or -1. */
static int raise_pending(struct req *r)
{
	static struct watch_alert a[PENDING_MAX];
	static long long ids[PENDING_MAX];
	int n = npending, raised = 0;

	npending = 0;
	for (int i = 0; i < n; i++)
		a[i] = pending[i].a;
	if (watch_alerts_raise(a, n, ids) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		if (notify(r, pending[i].w, ids[i], a[i].crossing, a[i].lane,
			   NULL, a[i].confidence) < 0)
			return -1;
		raised += ids[i] > 0;
	}
	return raised;
}

int watch_flush(struct req *r)
{
	int rc = raise_pending(r);

	watch_batch_drop();
	return rc;
}

void watch_batch_drop(void)
{
	batching = 0;
	npending = 0;
}

/* A hit of a stored event: raised now, or kept for watch_flush(). The
 * alert's id, 1 when kept, 0 raised already, -1 error. */
static long long hit(struct req *r, const struct wentry *w,
		     const struct event *e, const char *conf)
{
	struct pending *p;
	long long id;

	if (!batching) {
		id = raise_alert("watch", e->id, w->id, 0, e->crossing, e->lane,
				 w->priority, conf);
		if (id < 0 ||
		    notify(r, w, id, e->crossing, e->lane, NULL, conf) < 0)
			return -1;
		return id;
	}
	if (npending == PENDING_MAX && raise_pending(r) < 0)
		return -1;
	p = &pending[npending++];
	p->w = w;
	p->a = (struct watch_alert){
		.kind = "watch",
		.event_id = e->id,
		.entry_id = w->id,
		.crossing = e->crossing,
		.lane = e->lane,
		.priority = w->priority,
		.confidence = conf,
	};
	return 1;
}

static int match_key(struct req *r, const struct event *e, enum subject s,
		     const char *key, const char *fold, const char *raw)
{
	long long day = e->t_ms / 86400000;
	int raised = 0;
	size_t i;

	if (!key || !*key)
		return 0;
	for (i = lower_bound(fold); i < ncache; i++) {
		const struct wentry *w = &cache[i];
		const char *conf;
		long long id;

		if (strcmp(w->fold, fold) != 0)
			break;
		if (w->subject != s || day < w->from_day || day > w->to_day)
			continue;
		/* A country on both sides must agree (PL WGM1234 is not
		 * LT WGM1234). */
		if (w->country[0] && e->country && *e->country &&
		    strcmp(w->country, e->country) != 0)
			continue;
		if (dry_run)
			return 1;
		conf = confidence_of(w, key, raw);
		id = hit(r, w, e, conf);
		if (id < 0)
			return -1;
		raised += id > 0;
	}
	return raised;
}

int watch_match_event(struct req *r, const struct event *e)
{
	char vinfold[32];
	int n = 0, rc = 0;

	switch (e->kind) {
	case EV_PLATE:
		rc = match_key(r, e, W_PLATE, e->key, e->fold, e->raw);
		if (rc >= 0 && e->vin) {
			n += rc;
			watch_fold_key(e->vin, vinfold, sizeof(vinfold));
			rc = match_key(r, e, W_VIN, e->vin, vinfold, e->vin);
		}
		break;
	case EV_CONTAINER:
		rc = match_key(r, e, W_CONTAINER, e->key, e->fold, e->raw);
		break;
	case EV_WAGON:
		rc = match_key(r, e, W_WAGON, e->key, e->fold, e->raw);
		break;
	case EV_DOCUMENT:
		rc = match_key(r, e, W_DOCUMENT, e->key, e->fold, e->raw);
		if (rc >= 0 && e->person_key[0]) {
			n += rc;
			rc = match_key(r, e, W_PERSON, e->person_key,
				       e->person_key, e->person_key);
		}
		break;
	case EV_RADIATION:
		if (e->alarm == 1 && dry_run)
			rc = 1;
		else if (e->alarm == 1)
			rc = raise_alert("radiation", e->id, 0, 0, e->crossing,
					 e->lane, 1, NULL) < 0
				     ? -1
				     : 1;
		break;
	default:
		break;
	}
	return rc < 0 ? -1 : n + rc;
}

int watch_would_match(const struct event *e)
{
	int rc;

	dry_run = 1;
	rc = watch_match_event(NULL, e);
	dry_run = 0;
	return rc != 0;
}

struct hit {
	long long event_id, day;
	const char *crossing, *lane, *country, *raw, *key;
};
struct hits {
	struct arena *a;
	struct hit h[1000];
	int n;
};

static int hit_cb(const struct row *row, void *ctx)
{
	struct hits *hs = ctx;
	struct hit *h;

	if (hs->n >= 1000)
		return 1;
	h = &hs->h[hs->n++];
	h->event_id = row_int(row, "id", 0);
	h->day = row_int(row, "day", 0);
	h->crossing = arena_strdup(hs->a, row_get(row, "crossing", ""));
	h->lane = arena_strdup(hs->a, row_get(row, "lane", ""));
	h->country = arena_strdup(hs->a, row_get(row, "country", ""));
	h->raw = arena_strdup(hs->a, row_get(row, "raw", ""));
	h->key = arena_strdup(hs->a, row_get(row, "obj_key", ""));
	return 0;
}

/* eBT bookings at the crossings with the entry's plate (or one equal up
 * to O/0 and I/1, as eBT folds), checked in or due today: domain/booking
 * finds them, each raises an alert naming the booking. */
struct bmatch {
	struct req *r;
	const struct wentry *w;
	int raised, failed;
};

/* A retro-match raises alerts only at the crossings this server serves
 * (crossing.node_id against Cluster.NodeId, 0 the centre, as eBT's lane
 * rows). An alert and its report rollups are node-class rows: written by
 * the centre for a node's crossing (a read that reached the centre before
 * the entry was approved there), they would meet the node's own rows on
 * the same keys and stop the centre's up connection from that node
 * (duplicate key; tests/cluster/test_link_cut.py). 1 yes, 0 no, -1 error. */
static int served_here(const char *code)
{
	struct crossing c;
	int rc = crossings_by_code(code, &c);

	if (rc <= 0)
		return rc;
	return c.node_id == conf_int("Cluster.NodeId", 0);
}

static int booking_hit_cb(const struct booking_plate_hit *h, void *ctx)
{
	struct bmatch *m = ctx;
	const struct wentry *w = m->w;
	const char *conf = h->exact ? "normalised" : "confusion";
	long long id;

	if (w->country[0] && h->plate_country[0] &&
	    strcmp(w->country, h->plate_country) != 0)
		return 0;
	switch (served_here(h->crossing)) {
	case 0:
		return 0;
	case -1:
		m->failed = 1;
		return 1;
	}
	id = raise_alert_booking("watch", 0, w->id, 0, h->number, h->crossing,
				 "-", w->priority, conf);
	if (id < 0 ||
	    notify(m->r, w, id, h->crossing, "-", h->number, conf) < 0) {
		m->failed = 1;
		return 1;
	}
	m->raised += id > 0;
	return 0;
}

static int match_bookings(struct req *r, const struct wentry *w)
{
	struct bmatch m = { r, w, 0, 0 };

	if (w->subject != W_PLATE)
		return 0;
	if (booking_active_for_plate(w->key, booking_hit_cb, &m) < 0 ||
	    m.failed)
		return -1;
	return m.raised;
}

int watch_match_entry(struct req *r, long long entry_id)
{
	long long hours = conf_int("Ingest.RetroHours", 12);
	struct arena a = { 0 };
	struct hits *hs = NULL;
	struct wentry w;
	struct row row;
	int rc, raised = 0;

	rc = watch_entry_active(&a, entry_id, &row);
	if (rc <= 0)
		goto out;
	if (fill_entry(&row, &w) < 0) {
		rc = -1;
		goto out;
	}
	hs = calloc(1, sizeof(*hs));
	if (!hs) {
		rc = -1;
		goto out;
	}
	hs->a = &a;
	/* Retro-matching: the events of the last hours that carry its key
	 * (or a lookalike), from the register's index that fits. */
	if (w.subject == W_VIN)
		rc = devices_recent_vin(w.key, hours, hit_cb, hs);
	else if (w.subject == W_PERSON)
		rc = devices_recent_person(w.key, hours, hit_cb, hs);
	else
		rc = devices_recent_fold(w.fold,
					 w.subject == W_DOCUMENT
						 ? "document"
						 : subject_names[w.subject],
					 hours, hit_cb, hs);
	if (rc < 0)
		goto out;
	for (int i = 0; i < hs->n; i++) {
		const struct hit *h = &hs->h[i];
		const char *conf;
		long long id;

		if (h->day < w.from_day || h->day > w.to_day)
			continue;
		if (w.country[0] && h->country[0] &&
		    strcmp(w.country, h->country) != 0)
			continue;
		rc = served_here(h->crossing);
		if (rc < 0)
			goto out;
		if (rc == 0)
			continue;
		conf = confidence_of(&w, h->key, h->raw);
		id = raise_alert("watch", h->event_id, w.id, 0, h->crossing,
				 h->lane, w.priority, conf);
		if (id < 0 ||
		    notify(r, &w, id, h->crossing, h->lane, NULL, conf) < 0) {
			rc = -1;
			goto out;
		}
		raised += id > 0;
	}
	rc = match_bookings(r, &w);
	if (rc >= 0)
		rc += raised;
out:
	free(hs);
	arena_reset(&a);
	return rc;
}

/* The entries this process matched since it started: a second look at
 * the same entry would raise nothing (alerts are unique per event and
 * entry, and per booking and entry), but need not be made. */
#define ARRIVED_MAX 256
struct arrived {
	long long id[ARRIVED_MAX];
	int n;
};

static int arrived_cb(const struct row *row, void *ctx)
{
	struct arrived *a = ctx;

	a->id[a->n++] = row_int(row, "id", 0);
	return a->n >= ARRIVED_MAX;
}

/* On a crossing node an entry approved at the centre arrives by
 * replication: no request here approved it, so nothing matched it against
 * the trucks already read or booked at this crossing (ui-watch-entry.c
 * does that where the entry is approved; at the centre it skips a node's
 * crossings: served_here). The background process does it here, when the
 * watch list's version (watch_state, replicated with the entry) moves: each
 * entry approved within Ingest.RetroHours and not matched yet, in its own
 * transaction. A failure leaves the version unrecorded: the next tick
 * tries again. */
void watch_match_arrived(struct req *r)
{
	static long long seen = -1;
	static struct arrived done;
	struct arrived now = { { 0 }, 0 };
	long long v, hours = conf_int("Ingest.RetroHours", 12);
	int i, k, rc;

	if (watch_version(&v) < 0 || v == seen)
		return;
	if (watch_decided_since_each(hours, arrived_cb, &now) < 0)
		return;
	for (i = 0; i < now.n; i++) {
		for (k = 0; k < done.n && done.id[k] != now.id[i]; k++)
			;
		if (k < done.n)
			continue;
		if (db_begin() < 0)
			return;
		rc = watch_match_entry(r, now.id[i]);
		if (rc < 0 || db_commit() < 0) {
			db_rollback();
			log_warn("watch entry %lld: not matched here yet",
				 now.id[i]);
			return;
		}
		log_info("watch entry %lld arrived: %d alert(s) raised here",
			 now.id[i], rc);
		if (done.n == ARRIVED_MAX)
			done.n = 0;
		done.id[done.n++] = now.id[i];
	}
	seen = v;
}

struct silent {
	struct arena *a;
	long long id[100];
	const char *crossing[100], *lane[100];
	int n;
};

static int silent_cb(const struct row *row, void *ctx)
{
	struct silent *s = ctx;

	s->id[s->n] = row_int(row, "id", 0);
	s->crossing[s->n] = arena_strdup(s->a, row_get(row, "crossing", ""));
	s->lane[s->n] = arena_strdup(s->a, row_get(row, "lane", ""));
	s->n++;
	return s->n >= 100;
}

void watch_devices_down(void)
{
	static double last;
	struct arena a = { 0 };
	struct silent s;

	/* Officers' pages poll every second or so: one look every few
	 * seconds per worker is plenty. */
	if (now_mono() - last < conf_int("Ingest.DownCheckSeconds", 3))
		return;
	last = now_mono();
	memset(&s, 0, sizeof(s));
	s.a = &a;
	if (devices_silent_each(silent_cb, &s) < 0)
		goto out;
	for (int i = 0; i < s.n; i++) {
		if (db_begin() < 0)
			break;
		/* The conditional update decides which worker raises it.
		 * Copies of the device row (auth.c) go when this commits:
		 * its next event then clears the mark. */
		epoch_bump(EPOCH_DEVICES);
		if (devices_mark_down(s.id[i]) == 1 &&
		    raise_alert("device_down", 0, 0, s.id[i], s.crossing[i],
				s.lane[i], 2, NULL) < 0) {
			db_rollback();
			continue;
		}
		if (db_commit() < 0)
			log_warn("device %lld: down alert not committed",
				 s.id[i]);
	}
out:
	arena_reset(&a);
}
