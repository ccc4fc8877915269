/* ui-guest.c: a one-off booking without a portal account: the form, a
 * 6-digit code sent to the e-mail and the phone given, and its confirmation
 * (docs/ebt.md, "Booking without an account") */
#include "ebt.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "outbox.h"
#include "resp.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

#define GUEST_MINUTES 15	/* a request's and its code's lifetime */
#define GUEST_ATTEMPTS 5	/* tries at the code, the right one included */

static struct sql q_crossings = SQL(
	"SELECT id AS Value, IF(? = 'en', name_en, name_pl) AS Label"
	" FROM crossing ORDER BY id");
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

static int check_id(const char *v)
{
	return valid_id(v) > 0;
}

static int check_date(const char *v)
{
	return valid_date(v, NULL, NULL, NULL);
}

static int check_hour(const char *v)
{
	return valid_digits(v, strlen(v)) && strlen(v) <= 2 && atoi(v) <= 23;
}

enum { G_CROSSING, G_DAY, G_HOUR, G_EMAIL, G_PHONE, G__MAX };
static const struct param guest_params[G__MAX] = {
	{ "crossing", P_REQUIRED, 12, NULL, check_id, "ebt_no_crossing" },	/* G_CROSSING */
	{ "day", P_REQUIRED, 10, NULL, check_date, "date" },	/* G_DAY */
	{ "hour", P_REQUIRED, 2, NULL, check_hour, "ebt_hour" },	/* G_HOUR */
	{ "email", P_REQUIRED, 254, valid_email_norm, valid_email, "email" },	/* G_EMAIL */
	{ "phone", P_REQUIRED, 20, NULL, valid_phone, "phone" },	/* G_PHONE */
};

/* Hex SHA-256 of s: what is stored of the token and of the code. */
static void sha256_hex(const char *s, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	hex_encode(out, h, sizeof(h));
}

/* The outbox has no SMS channel: a text message is a row like an e-mail,
 * addressed "sms:<number>", for the gateway that drains the outbox. The
 * number loses its separators; nine digits without a prefix are Polish. */
static const char *sms_address(struct req *r, const char *phone)
{
	char d[24];
	size_t i, n = 0;

	for (i = 0; phone[i] && n + 1 < sizeof(d); i++)
		if ((phone[i] >= '0' && phone[i] <= '9') ||
		    (phone[i] == '+' && n == 0))
			d[n++] = phone[i];
	d[n] = '\0';
	return arena_printf(&r->arena, "sms:%s%s",
			    d[0] != '+' && n == 9 ? "+48" : "", d);
}

static int render_form(struct req *r, int status)
{
	if (db_select_hdf(&q_crossings, r->hdf, "Crossings", "s", r->lang) < 0)
		return -1;
	return view_render(r, status, "ebt/guest.cs");
}

int guest_form_fn(struct req *r)
{
	char today[11];

	tzpl_today(1, today);
	hdf_set_value(r->hdf, "Form.day", today);
	hdf_set_value(r->hdf, "Form.plate_country", "PL");
	return render_form(r, 200);
}

/* One field's refusal, the form re-shown as typed. */
static int field_refusal(struct req *r, int status, const char *field,
			 const char *key)
{
	view_field_error(r, field, key);
	hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
	return render_form(r, status);
}

/* What the guest's request transaction needs. */
struct store_tx {
	struct req *r;
	const char *const *v;
	const struct booking_form *f;
	const char *token_hash, *code_hash, *code, *mrns;
};

/* The request, the code's e-mail and text message, in one transaction
 * (db_tx: two requests of the same e-mail at once may deadlock). Returns
 * 0 stored, 1 over the daily limit (nothing stored), -1 error. */
static int store_tx(void *arg)
{
	const struct store_tx *t = arg;
	const struct booking_form *f = t->f;
	struct req *r = t->r;
	struct row row;

	if (db_get(&r->arena, &q_count, &row, "s", t->v[G_EMAIL]) <= 0)
		return -1;
	if (row_int(&row, "n", 0) >= conf_int("Ebt.GuestPerEmailPerDay", 3))
		return 1;
	if (db_exec(&q_insert, "sssisissssssssiisi", t->token_hash,
		    t->v[G_EMAIL], t->v[G_PHONE], f->crossing_id, f->day,
		    (long long)f->hour, f->plate, f->plate_country,
		    f->trailer_plate, f->driver_name, f->driver_doc,
		    f->driver_phone, t->mrns, f->goods, f->mass_kg,
		    f->packages, t->code_hash, (long long)GUEST_MINUTES) < 0)
		return -1;
	hdf_set_value(r->hdf, "Mail.code", t->code);
	hdf_set_int_value(r->hdf, "Mail.minutes", GUEST_MINUTES);
	if (outbox_put(r, t->v[G_EMAIL], "ebt.subject.guest_code",
		       "mail/ebt_guest_code.cs") < 0 ||
	    outbox_put(r, sms_address(r, t->v[G_PHONE]),
		       "ebt.subject.guest_code", "mail/ebt_guest_sms.cs") < 0)
		return -1;
	return 0;
}

int guest_post_fn(struct req *r)
{
	struct booking_form f = { 0 };
	const char *v[G__MAX];
	enum bk_status st;
	char token[33], token_hash[65], code[7], code_hash[65];
	struct store_tx t = { r, v, &f, token_hash, code_hash, code, "" };
	struct buf mrns = { 0 };
	int bad, rc, i;

	bad = form_read(r, guest_params, G__MAX, v);
	bad += ebt_read_form(r, &f, 0);
	if (bad) {
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
		return render_form(r, 422);
	}
	f.crossing_id = valid_id(v[G_CROSSING]);
	f.day = v[G_DAY];
	f.hour = atoi(v[G_HOUR]);
	st = booking_slot_bookable(f.crossing_id, f.day, f.hour);
	if (st == BK_ERROR)
		return -1;
	if (st == BK_NO_CROSSING)
		return field_refusal(r, 422, "crossing", "err.ebt_no_crossing");
	/* Past, closed, beyond the horizon or full: nothing to send a code
	 * for. */
	if (st != BK_OK)
		return field_refusal(r, 422, "hour",
				     arena_printf(&r->arena, "err.ebt_%s",
						  booking_status_key(st)));
	rand_hex(token, 16);
	sha256_hex(token, token_hash);
	snprintf(code, sizeof(code), "%06u",
		 (unsigned)randombytes_uniform(1000000));
	if (booking_crossing(f.crossing_id, r->hdf, "Mail") < 0)
		return -1;
	hdf_set_value(r->hdf, "Mail.day", f.day);
	hdf_set_int_value(r->hdf, "Mail.hour", f.hour);
	sha256_hex(code, code_hash);
	for (i = 0; i < f.nmrn; i++)
		buf_printf(&mrns, "%s%s", i ? " " : "", f.mrn[i]);
	if (mrns.p)
		t.mrns = mrns.p;
	rc = db_tx(store_tx, &t);
	buf_free(&mrns);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		hdf_set_int_value(r->hdf, "Guest.limit",
				  conf_int("Ebt.GuestPerEmailPerDay", 3));
		return field_refusal(r, 429, "email", "err.ebt_guest_limit");
	}
	log_info("guest booking request for crossing %lld sent a code",
		 f.crossing_id);
	return resp_redirect(r, arena_printf(&r->arena,
		"/ebt/guest/confirm?r=%s", token));
}

/* The request behind ?r= or the form's r: 1 found (row filled), else the
 * 404 answered and 0 (*rc holds what to return). */
static int load(struct req *r, const char *token, struct row *row, int *rc)
{
	char hash[65];
	int found = 0;

	if (valid_hex_lower(token, 32)) {
		sha256_hex(token, hash);
		found = db_get(&r->arena, &q_by_token, row, "is",
			       (long long)GUEST_ATTEMPTS, hash);
	}
	if (found < 0) {
		*rc = -1;
		return 0;
	}
	if (found == 0) {
		*rc = resp_error(r, 404, "not_found");
		return 0;
	}
	hdf_set_value(r->hdf, "Guest.r", token);
	return 1;
}

int guest_confirm_form_fn(struct req *r)
{
	struct row row;
	int rc = 0;

	if (!load(r, req_query(r, "r"), &row, &rc))
		return rc;
	/* An expired or used-up request is no longer there to confirm. */
	if (!row_int(&row, "alive", 0))
		return resp_error(r, 404, "not_found");
	hdf_set_value(r->hdf, "Guest.email", row_get(&row, "email", ""));
	return view_render(r, 200, "ebt/guest-confirm.cs");
}

struct guest_ctx {
	struct req *r;
	long long request_id;
	const char *email;
};

/* Inside the booking's transaction: the request is used by this booking
 * only, and the e-mail with the number goes with it. */
static int booked_cb(void *ctx, const struct booking_ref *b)
{
	struct guest_ctx *g = ctx;
	struct req *r = g->r;

	if (db_exec(&q_used, "ii", b->id, g->request_id) != 1)
		return -1;
	if (booking_get(0, b->crossing_id, b->number, r->hdf, "Mail") != BK_OK)
		return -1;
	return outbox_put(r, g->email, "ebt.subject.booked",
			  "mail/ebt_guest_booked.cs") < 0 ? -1 : 0;
}

/* The one-time page: what was booked and its QR code, no link back. */
static int done_page(struct req *r, long long crossing, const char *number)
{
	struct buf svg = { 0 };
	char *b64;
	size_t len;

	if (booking_get(0, crossing, number, r->hdf, "B") != BK_OK)
		return -1;
	if (ebt_qr_svg(number, &svg) == 0) {
		/* Inline: there is no address the image could be fetched
		 * from again later. */
		len = sodium_base64_encoded_len(svg.len,
						sodium_base64_VARIANT_ORIGINAL);
		b64 = arena_alloc(&r->arena, len);
		sodium_bin2base64(b64, len, (const unsigned char *)svg.p,
				  svg.len, sodium_base64_VARIANT_ORIGINAL);
		hdf_set_value(r->hdf, "B.qr", b64);
	}
	buf_free(&svg);
	resp_header(r, "Cache-Control", "no-store");
	return view_render(r, 200, "ebt/guest-done.cs");
}

static int code_refusal(struct req *r, long long attempts)
{
	hdf_set_int_value(r->hdf, "Guest.left",
			  (int)(GUEST_ATTEMPTS - attempts));
	view_field_error(r, "code", "err.ebt_guest_code");
	hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
	return view_render(r, 422, "ebt/guest-confirm.cs");
}

int guest_confirm_fn(struct req *r)
{
	struct booking_form f = { 0 };
	struct booking_ref ref;
	struct guest_ctx g = { r, 0, NULL };
	struct row row;
	enum bk_status st;
	const char *code = req_form(r, "code");
	char hash[65], *save = NULL, *t;
	long long n, attempts;
	int rc = 0;

	if (!load(r, req_form(r, "r"), &row, &rc))
		return rc;
	g.request_id = row_int(&row, "id", 0);
	g.email = row_get(&row, "email", "");
	hdf_set_value(r->hdf, "Guest.email", g.email);
	n = db_exec(&q_attempt, "ii", g.request_id, (long long)GUEST_ATTEMPTS);
	if (n < 0)
		return -1;
	if (n == 0)
		return resp_error(r, 410, "ebt_guest_dead");
	attempts = row_int(&row, "attempts", 0) + 1;
	/* Anything but six digits is simply wrong (and still a try). */
	if (!code || strlen(code) != 6 || !valid_digits(code, 6))
		code = "-";
	sha256_hex(code, hash);
	if (sodium_memcmp(hash, row_get(&row, "code_hash", ""), 64) != 0) {
		log_warn("wrong guest code for request %lld (try %lld)",
			 g.request_id, attempts);
		if (attempts >= GUEST_ATTEMPTS)
			return resp_error(r, 410, "ebt_guest_dead");
		return code_refusal(r, attempts);
	}
	/* Confirmed already (a resent form): the same booking again. */
	if (row_get(&row, "number", NULL))
		return done_page(r, row_int(&row, "crossing_id", 0),
				 row_get(&row, "number", ""));
	f.crossing_id = row_int(&row, "crossing_id", 0);
	f.day = row_get(&row, "day", "");
	f.hour = (int)row_int(&row, "hour", 0);
	f.plate = row_get(&row, "plate", "");
	f.plate_country = row_get(&row, "plate_country", "");
	f.trailer_plate = row_get(&row, "trailer_plate", NULL);
	f.driver_name = row_get(&row, "driver_name", "");
	f.driver_doc = row_get(&row, "driver_doc", "");
	f.driver_phone = row_get(&row, "driver_phone", "");
	for (t = strtok_r(arena_strdup(&r->arena, row_get(&row, "mrns", "")),
			  " ", &save);
	     t && f.nmrn < BOOKING_MAX_MRN; t = strtok_r(NULL, " ", &save))
		f.mrn[f.nmrn++] = t;
	f.goods = row_get(&row, "goods", "");
	f.mass_kg = row_int(&row, "mass_kg", 0);
	f.packages = row_int(&row, "packages", 0);
	/* The request's own key: two confirmations at once make one
	 * booking (uq_booking_idem), the second answers with it. */
	f.idem_key = arena_printf(&r->arena, "%.32s",
				  row_get(&row, "token_hash", ""));
	st = booking_guest_create(g.email, &f, booked_cb, &g, &ref);
	if (st == BK_OK) {
		if (!ref.replayed)
			log_info("guest booking %s made", ref.number);
		return done_page(r, ref.crossing_id, ref.number);
	}
	if (st == BK_ERROR)
		return -1;
	/* Full, past, closed or the truck booked meanwhile: nothing booked;
	 * the request stays until it expires. */
	return ebt_refusal(r, st);
}
