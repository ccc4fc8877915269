/* auth.c: which device sent a request: an HMAC-SHA256 of the device code,
 * a timestamp and the body under the device's secret (docs/ingest.md) */
#include "ingest.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "crossings.h"
#include "db.h"
#include "devices.h"
#include "epochs.h"
#include "hmac.h"
#include "kept.h"
#include "log.h"
#include "watch.h"

static int digits(const char *s, size_t max)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= max && s[n] == '\0';
}

/* The device rows this worker read in the last Ingest.DeviceCacheMs (2 s):
 * a single event is then one round trip (its INSERT) instead of two
 * (docs/performance.md, "Ingestion"). A copy is dropped when a device is
 * added or marked down (EPOCH_DEVICES) or the watch list changes
 * (EPOCH_WATCH: the copy carries its version), in any worker. Its
 * "seen_now" may be up to the cache's life old, so last_seen moves every
 * 1-3 s under steady traffic; heartbeats are at least 10 s apart. */
#define DCACHE_SIZE 128
struct dcache_entry {
	char code[41], crossing[9], lane[17], lane_kind[16], secret[65];
	long long id, crossing_id, unit_id, watch_version;
	int ebt, seen_now;
	struct kept k; /* EPOCH_DEVICES and EPOCH_WATCH */
};
static struct dcache_entry dcache[DCACHE_SIZE];

static struct dcache_entry *dcache_slot(const char *code)
{
	unsigned h = 5381;

	for (const char *p = code; *p; p++)
		h = h * 33 + (unsigned char)*p;
	return &dcache[h % DCACHE_SIZE];
}

static struct dcache_entry *dcache_find(const char *code)
{
	struct dcache_entry *e = dcache_slot(code);

	if (!kept_good(&e->k) || strcmp(e->code, code) != 0)
		return NULL;
	return e;
}

/* Fills the entry from a row (and its crossing) read after s was
 * noted. */
static struct dcache_entry *dcache_put(const struct row *row,
				       const struct crossing *c,
				       long long watch_version,
				       const struct kept_stamp *s)
{
	struct dcache_entry *e = dcache_slot(row_get(row, "code", ""));
	long long ttl = conf_int("Ingest.DeviceCacheMs", 2000);

	memset(e, 0, sizeof(*e));
	snprintf(e->code, sizeof(e->code), "%s", row_get(row, "code", ""));
	snprintf(e->crossing, sizeof(e->crossing), "%s",
		 row_get(row, "crossing", ""));
	snprintf(e->lane, sizeof(e->lane), "%s", row_get(row, "lane", ""));
	snprintf(e->lane_kind, sizeof(e->lane_kind), "%s",
		 row_get(row, "lane_kind", ""));
	snprintf(e->secret, sizeof(e->secret), "%s",
		 row_get(row, "secret", ""));
	e->id = row_int(row, "id", 0);
	e->crossing_id = c->id;
	e->unit_id = c->unit_id;
	e->ebt = c->ebt;
	e->watch_version = watch_version;
	e->seen_now = row_int(row, "seen_now", 0) == 1;
	/* Not kept (kept_may): caches off, an unusable TTL. The entry still
	 * serves this request. */
	kept_set(&e->k, s, ttl);
	return e;
}

void auth_device_seen(const struct device *dev)
{
	struct dcache_entry *e = dcache_slot(dev->code);

	if (e->id == dev->id && strcmp(e->code, dev->code) == 0)
		e->seen_now = 1;
}

int auth_device(struct req *r, const char *body, size_t len, struct device *dev,
		const char **why)
{
	const char *code = req_env(r, "HTTP_X_DEVICE");
	const char *ts = req_env(r, "HTTP_X_TIMESTAMP");
	const char *sig = req_env(r, "HTTP_X_SIGNATURE");
	long long skew = conf_int("Ingest.ClockSkewSeconds", 300), t;
	struct dcache_entry *e = NULL;
	struct kept_stamp s;
	struct crossing c;
	long long wv = -1;
	char want[65];
	struct row row;
	int rc = 1;

	*why = "auth_missing";
	if (!code || !ts || !sig || strlen(code) > 40 || !digits(ts, 12) ||
	    strlen(sig) != 64)
		return 401;
	/* The window bounds replays; inside it a replay only finds its
	 * events already stored (each is keyed by device and seq). */
	t = strtoll(ts, NULL, 10);
	if (t < now_unix() - skew || t > now_unix() + skew) {
		*why = "auth_timestamp";
		return 401;
	}
	if (!(e = dcache_find(code))) {
		s = kept_note(EPOCH_BIT(EPOCH_DEVICES) |
			      EPOCH_BIT(EPOCH_WATCH));
		/* The device (from domain/devices), its crossing (its id and
		 * branch, from domain/crossings) and the watch list's version
		 * (domain/watch): on a miss of this worker's copy only. */
		rc = devices_by_code(&r->arena, code, &row);
		/* Every device names a crossing (fk_device_crossing). */
		if (rc == 1)
			rc = crossings_by_code(row_get(&row, "crossing", ""),
					       &c);
		if (rc == 1 && watch_version(&wv) < 0)
			rc = -1;
		if (rc < 0) {
			*why = "unavailable";
			return 503;
		}
		/* Unknown devices are not kept: one added is known at once. */
		if (rc == 1)
			e = dcache_put(&row, &c, wv, &s);
	}
	/* An unknown device costs the same HMAC as a known one. */
	if (hmac_sign_request(
		    e ? e->secret
		      : "0000000000000000000000000000000000000000000000000000000000000000",
		    code, ts, body, len, want) < 0) {
		log_err("device %s: unusable secret", code);
		*why = "unavailable";
		return 503;
	}
	if (sodium_memcmp(want, sig, 64) != 0 || !e) {
		log_warn("device %s: bad signature or unknown device", code);
		*why = "auth_signature";
		return 401;
	}
	dev->id = e->id;
	dev->code = arena_strdup(&r->arena, e->code);
	dev->crossing = arena_strdup(&r->arena, e->crossing);
	dev->lane = arena_strdup(&r->arena, e->lane);
	dev->lane_kind = arena_strdup(&r->arena, e->lane_kind);
	dev->crossing_id = e->crossing_id;
	dev->unit_id = e->unit_id;
	dev->ebt = e->ebt;
	dev->watch_version = e->watch_version;
	dev->seen_now = e->seen_now;
	*why = NULL;
	return 0;
}
