/* auth.c: which device sent a request: an HMAC-SHA256 of the device code,
 * a timestamp and the body under the device's secret (docs/ingest.md) */
#include "ingest.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "log.h"

/* The watch list's version and whether last_seen is already current ride
 * along, so storing a single event costs two round trips fewer. */
static struct sql q_device = SQL(
	"SELECT d.id, d.code, d.crossing, d.lane, d.lane_kind, d.secret,"
	" c.unit_id, COALESCE((SELECT version FROM watch_state WHERE id = 1),"
	" -1) AS watch_version, d.down_alerted = 0 AND d.last_seen >="
	" UTC_TIMESTAMP(3) - INTERVAL 1 SECOND AS seen_now"
	" FROM device d JOIN lane_crossing c ON c.code = d.crossing"
	" WHERE d.code = ? AND d.disabled = 0");

int auth_sign(const char *secret_hex, const char *device, const char *ts,
	      const char *body, size_t len, char out[65])
{
	crypto_auth_hmacsha256_state st;
	unsigned char key[32], mac[32];

	if (!secret_hex || strlen(secret_hex) != 64 ||
	    hex_decode(key, secret_hex, 32) < 0)
		return -1;
	crypto_auth_hmacsha256_init(&st, key, sizeof(key));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)device,
				      strlen(device));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts,
				      strlen(ts));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_memzero(key, sizeof(key));
	hex_encode(out, mac, sizeof(mac));
	return 0;
}

static int digits(const char *s, size_t max)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= max && s[n] == '\0';
}

int auth_device(struct req *r, const char *body, size_t len,
		struct device *dev, const char **why)
{
	const char *code = req_env(r, "HTTP_X_DEVICE");
	const char *ts = req_env(r, "HTTP_X_TIMESTAMP");
	const char *sig = req_env(r, "HTTP_X_SIGNATURE");
	long long skew = conf_int("Ingest.ClockSkewSeconds", 300), t;
	char want[65];
	struct row row;
	int rc;

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
	rc = db_get(&r->arena, &q_device, &row, "s", code);
	if (rc < 0) {
		*why = "unavailable";
		return 503;
	}
	/* An unknown device costs the same HMAC as a known one. */
	if (auth_sign(rc == 1 ? row_get(&row, "secret", "") :
		      "0000000000000000000000000000000000000000000000000000000000000000",
		      code, ts, body, len, want) < 0) {
		log_err("device %s: unusable secret", code);
		*why = "unavailable";
		return 503;
	}
	if (sodium_memcmp(want, sig, 64) != 0 || rc != 1) {
		log_warn("device %s: bad signature or unknown device", code);
		*why = "auth_signature";
		return 401;
	}
	dev->id = row_int(&row, "id", 0);
	dev->code = row_get(&row, "code", "");
	dev->crossing = row_get(&row, "crossing", "");
	dev->lane = row_get(&row, "lane", "");
	dev->lane_kind = row_get(&row, "lane_kind", "");
	dev->unit_id = row_int(&row, "unit_id", 0);
	dev->watch_version = row_int(&row, "watch_version", -1);
	dev->seen_now = row_int(&row, "seen_now", 0) == 1;
	*why = NULL;
	return 0;
}
