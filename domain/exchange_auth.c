/* exchange_auth.c: which partner sent a POSTed file: an HMAC-SHA256 of its
 * code, a timestamp and the body under the partner's key, the scheme the
 * lane devices use (docs/ingest.md, docs/exchange.md) */
#include "exchange.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "hmac.h"
#include "log.h"

static struct sql q_source = SQL(
	"SELECT id, code, secret, unit_id, staff_id FROM exchange_source"
	" WHERE code = ? AND disabled = 0");

/* The enabled source with this code: 1, 0 none, -1 error. */
static int source_get(struct arena *a, const char *code,
		      struct exchange_source *src)
{
	struct row row;
	int rc = db_get(a, &q_source, &row, "s", code);

	if (rc != 1)
		return rc;
	memset(src, 0, sizeof(*src));
	src->id = row_int(&row, "id", 0);
	src->unit_id = row_int(&row, "unit_id", 0);
	src->staff_id = row_int(&row, "staff_id", 0);
	snprintf(src->code, sizeof(src->code), "%s", row_get(&row, "code", ""));
	snprintf(src->secret, sizeof(src->secret), "%s",
		 row_get(&row, "secret", ""));
	return 1;
}

int exchange_source_by_code(struct arena *a, const char *code,
			    struct exchange_source *src)
{
	return source_get(a, code, src);
}

static int digits(const char *s, size_t max)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= max && s[n] == '\0';
}

int exchange_auth(struct arena *a, const char *code, const char *ts,
		  const char *sig, const char *body, size_t len,
		  struct exchange_source *src, const char **why)
{
	long long skew = conf_int("Exchange.ClockSkewSeconds", 300), t;
	char want[65];
	int rc;

	*why = "auth_missing";
	if (!code || !ts || !sig || !*code || strlen(code) > 40 ||
	    !digits(ts, 12) || strlen(sig) != 64)
		return 401;
	/* The window bounds replays; inside it a replay finds its file
	 * already imported (source and file id). */
	t = strtoll(ts, NULL, 10);
	if (t < now_unix() - skew || t > now_unix() + skew) {
		*why = "auth_timestamp";
		return 401;
	}
	rc = source_get(a, code, src);
	if (rc < 0) {
		*why = "unavailable";
		return 503;
	}
	/* An unknown source costs the same HMAC as a known one. */
	if (hmac_sign_request(
		    rc == 1 ? src->secret
			    : "0000000000000000000000000000000000000000000000000000000000000000",
		    code, ts, body, len, want) < 0) {
		log_err("exchange source %s: unusable key", code);
		*why = "unavailable";
		return 503;
	}
	if (sodium_memcmp(want, sig, 64) != 0 || rc != 1) {
		log_warn("exchange source %s: bad signature or unknown source",
			 code);
		*why = "auth_signature";
		return 401;
	}
	*why = NULL;
	return 0;
}
