/* booking_guest.c: a one-off booking without a portal account (issue 4,
 * optional): the request waiting for its code, the tries at the code, and
 * the booking itself with the same rules and capacity guarantee as
 * booking_create(), with no company or person to check */
#include "booking_int.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "log.h"
#include "util.h"
#include "valid.h"

/* FOR UPDATE locks the e-mail's range of the index until COMMIT: two
 * requests at once cannot both pass the last free one of the day. */
static struct sql q_count = SQL(
	"SELECT COUNT(*) AS n FROM ebt_guest_request"
	" WHERE email = ? AND created_at >= UTC_DATE() FOR UPDATE");
static struct sql q_insert = SQL(
	"INSERT INTO ebt_guest_request (token_hash, email, phone, crossing_id,"
	" day, hour, plate, plate_country, trailer_plate, driver_name,"
	" driver_doc, driver_phone, mrns, goods, mass_kg, packages, code_hash,"
	" expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? MINUTE, UTC_TIMESTAMP())");
static struct sql q_by_token = SQL(
	"SELECT g.id, g.token_hash, g.email, g.crossing_id, DATE_FORMAT(g.day, '%Y-%m-%d')"
	" AS day, g.hour, g.plate, g.plate_country, g.trailer_plate,"
	" g.driver_name, g.driver_doc, g.driver_phone, g.mrns, g.goods,"
	" g.mass_kg, g.packages, g.code_hash, g.attempts, b.number,"
	" g.expires_at > UTC_TIMESTAMP() AND g.attempts < ? AS alive"
	" FROM ebt_guest_request g LEFT JOIN booking b ON b.id = g.booking_id"
	" WHERE g.token_hash = ?");
/* Every try counts before the code is compared: parallel guesses cannot
 * get past the limit. */
static struct sql q_attempt = SQL(
	"UPDATE ebt_guest_request SET attempts = attempts + 1 WHERE id = ?"
	" AND attempts < ? AND expires_at > UTC_TIMESTAMP()");
static struct sql q_used = SQL(
	"UPDATE ebt_guest_request SET booking_id = ? WHERE id = ?"
	" AND booking_id IS NULL");

/* Hex SHA-256 of s: what is stored of the token and of the code. */
static void sha256_hex(const char *s, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	hex_encode(out, h, sizeof(h));
}

int booking_guest_limit(void)
{
	return (int)conf_int("Ebt.GuestPerEmailPerDay", 3);
}

/* What the request's transaction needs. */
struct request_tx {
	const char *email, *phone;
	const struct booking_form *f;
	const char *mrns, *token_hash, *code, *code_hash;
	booking_code_cb cb;
	void *ctx;
};

/* One run of the request's transaction (db_tx: two requests of the same
 * e-mail at once may deadlock): the count, the row, cb. Returns 0 stored,
 * 1 over the daily limit (nothing stored), -1 error. */
static int request_tx(void *arg)
{
	const struct request_tx *t = arg;
	const struct booking_form *f = t->f;
	struct arena a = { 0 };
	struct row row;
	int rc = -1;

	if (db_get(&a, &q_count, &row, "s", t->email) <= 0)
		goto out;
	if (row_int(&row, "n", 0) >= booking_guest_limit()) {
		rc = 1;
		goto out;
	}
	if (db_exec(&q_insert, "sssisissssssssiisi", t->token_hash, t->email,
		    t->phone, f->crossing_id, f->day, (long long)f->hour,
		    f->plate, f->plate_country, f->trailer_plate,
		    f->driver_name, f->driver_doc, f->driver_phone, t->mrns,
		    f->goods, f->mass_kg, f->packages, t->code_hash,
		    (long long)BOOKING_GUEST_MINUTES) < 0 ||
	    (t->cb && t->cb(t->ctx, t->code) != 0))
		goto out;
	rc = 0;
out:
	arena_reset(&a);
	return rc;
}

int booking_guest_request(const char *email, const char *phone,
			  const struct booking_form *f, booking_code_cb cb,
			  void *ctx, char token[33])
{
	struct buf mrns = { 0 };
	char token_hash[65], code[7], code_hash[65];
	struct request_tx t = { email, phone,	  f,  "", token_hash,
				code,  code_hash, cb, ctx };
	int rc, i;

	if (!email || !phone)
		return -1;
	rand_hex(token, 16);
	sha256_hex(token, token_hash);
	snprintf(code, sizeof(code), "%06u",
		 (unsigned)randombytes_uniform(1000000));
	sha256_hex(code, code_hash);
	/* The MRNs separated by spaces (booking_split_mrns reads them). */
	for (i = 0; i < f->nmrn; i++)
		buf_printf(&mrns, "%s%s", i ? " " : "", f->mrn[i]);
	if (mrns.p)
		t.mrns = mrns.p;
	rc = db_tx(request_tx, &t);
	sodium_memzero(code, sizeof(code));
	buf_free(&mrns);
	/* 1 stored, 0 over the daily limit, -1 error (booking.h). */
	return rc == 0 ? 1 : rc == 1 ? 0 : -1;
}

int booking_guest_find(struct arena *a, const char *token,
		       struct guest_request *g)
{
	struct booking_form *f = &g->f;
	struct row row;
	char hash[65];
	int rc;

	memset(g, 0, sizeof(*g));
	if (!token || !valid_hex_lower(token, 32))
		return 0;
	sha256_hex(token, hash);
	rc = db_get(a, &q_by_token, &row, "is",
		    (long long)BOOKING_GUEST_ATTEMPTS, hash);
	if (rc <= 0)
		return rc;
	g->id = row_int(&row, "id", 0);
	g->email = row_get(&row, "email", "");
	g->attempts = row_int(&row, "attempts", 0);
	g->alive = row_int(&row, "alive", 0) == 1;
	g->number = row_get(&row, "number", NULL);
	g->code_hash = row_get(&row, "code_hash", "");
	f->crossing_id = row_int(&row, "crossing_id", 0);
	f->day = row_get(&row, "day", "");
	f->hour = (int)row_int(&row, "hour", 0);
	f->plate = row_get(&row, "plate", "");
	f->plate_country = row_get(&row, "plate_country", "");
	f->trailer_plate = row_get(&row, "trailer_plate", NULL);
	f->driver_name = row_get(&row, "driver_name", "");
	f->driver_doc = row_get(&row, "driver_doc", "");
	f->driver_phone = row_get(&row, "driver_phone", "");
	/* Checked when stored; a list that no longer splits is caught by
	 * booking_check_form() at the booking. */
	booking_split_mrns(arena_strdup(a, row_get(&row, "mrns", "")), f);
	f->goods = row_get(&row, "goods", "");
	f->mass_kg = row_int(&row, "mass_kg", 0);
	f->packages = row_int(&row, "packages", 0);
	/* The request's own key: two confirmations at once make one
	 * booking (uq_booking_idem), the second answers with it. */
	f->idem_key = arena_printf(a, "%.32s", row_get(&row, "token_hash", ""));
	return 1;
}

enum guest_try booking_guest_try(struct guest_request *g, const char *code)
{
	char hash[65];
	long long n = db_exec(&q_attempt, "ii", g->id,
			      (long long)BOOKING_GUEST_ATTEMPTS);

	if (n < 0)
		return GUEST_ERROR;
	if (n == 0)
		return GUEST_DEAD;
	g->attempts++;
	/* Anything but six digits is simply wrong (and still a try). */
	if (!code || strlen(code) != 6 || !valid_digits(code, 6))
		code = "-";
	sha256_hex(code, hash);
	if (sodium_memcmp(hash, g->code_hash, 64) == 0)
		return GUEST_RIGHT;
	log_warn("wrong guest code for request %lld (try %lld)", g->id,
		 g->attempts);
	return g->attempts >= BOOKING_GUEST_ATTEMPTS ? GUEST_DEAD : GUEST_WRONG;
}

enum bk_status booking_slot_bookable(long long crossing_id, const char *day,
				     int hour)
{
	struct crossing c;
	struct bk_slot s;
	enum bk_status st;
	int rc = bk_crossing_load(crossing_id, &c);

	if (rc <= 0)
		return rc < 0 ? BK_ERROR : BK_NO_CROSSING;
	booking_maintain(c.id);
	st = bk_slot_check(&c, day, hour, &s);
	if (st != BK_OK)
		return st;
	/* Only a hint: the place is taken, or refused, at confirmation. */
	return s.booked >= s.capacity ? BK_FULL : BK_OK;
}

struct used_ctx {
	long long request_id;
	booking_commit_cb cb;
	void *ctx;
};

/* Inside the booking's transaction: the request is used by this booking
 * only; then the caller's work (the e-mail with the number). */
static int used_cb(void *ctx, const struct booking_ref *b)
{
	struct used_ctx *u = ctx;

	if (db_exec(&q_used, "ii", b->id, u->request_id) != 1)
		return -1;
	return u->cb ? u->cb(u->ctx, b) : 0;
}

enum bk_status booking_guest_create(const struct guest_request *g,
				    booking_commit_cb cb, void *ctx,
				    struct booking_ref *out)
{
	struct used_ctx u = { g->id, cb, ctx };
	const struct booking_form *f = &g->f;
	struct crossing c;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((out->bad_field = booking_check_form(f)))
		return BK_INVALID;
	if (!g->email || !valid_email(g->email)) {
		out->bad_field = "email";
		return BK_INVALID;
	}
	/* Without the key two confirmations at once could book twice. */
	if (!f->idem_key) {
		out->bad_field = "idem";
		return BK_INVALID;
	}
	rc = bk_crossing_load(f->crossing_id, &c);
	if (rc <= 0)
		return rc < 0 ? BK_ERROR : BK_NO_CROSSING;
	return bk_create_in_slot(0, g->email, f, &c, "", used_cb, &u, out);
}
