/* ui-guest.c: a one-off booking without a portal account: the form, a
 * 6-digit code sent to the e-mail and the phone given, and its confirmation
 * (docs/ebt.md, "Booking without an account") */
#include "ebt.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "crossings.h"
#include "form.h"
#include "log.h"
#include "outbox.h"
#include "resp.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

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
	{ "crossing", P_REQUIRED, 12, NULL, check_id,
	  "ebt_no_crossing" },				     /* G_CROSSING */
	{ "day", P_REQUIRED, 10, NULL, check_date, "date" }, /* G_DAY */
	{ "hour", 0, 2, NULL, check_hour,
	  "ebt_hour" }, /* G_HOUR: required, the picker's message */
	{ "email", P_REQUIRED, 254, valid_email_norm, valid_email,
	  "email" },						 /* G_EMAIL */
	{ "phone", P_REQUIRED, 20, NULL, valid_phone, "phone" }, /* G_PHONE */
};

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

/* The form; with a crossing and a day chosen (Form.crossing, Form.day,
 * valid), the day's hours to pick from (Hours, booking_pick_hours) and
 * the pair as Pick.{crossing, day}, which the booking form carries. */
static int render_form(struct req *r, int status)
{
	long long crossing = valid_id(
		hdf_get_value(r->hdf, "Form.crossing", ""));
	const char *day = hdf_get_value(r->hdf, "Form.day", "");
	int n;

	if (crossings_ebt_options(r->lang, r->hdf, "Crossings") < 0)
		return -1;
	if (crossing > 0 && valid_date(day, NULL, NULL, NULL) &&
	    !hdf_get_value(r->hdf, "Form.crossing.Error", NULL) &&
	    !hdf_get_value(r->hdf, "Form.day.Error", NULL)) {
		n = booking_pick_hours(crossing, day, -1, r->hdf, "Hours");
		if (n >= 0)
			n = crossings_hdf(crossing, 1, r->hdf, "Pick");
		if (n < 0)
			return -1;
		if (n > 0) {
			hdf_set_int_value(r->hdf, "Pick.crossing",
					  (int)crossing);
			hdf_set_value(r->hdf, "Pick.day", day);
		}
	}
	return view_render(r, status, "ebt/guest.cs");
}

enum { Q_CROSSING, Q_DAY, Q__MAX };
static const struct param pick_params[Q__MAX] = {
	{ "crossing", P_QUERY, 12, NULL, check_id,
	  "ebt_no_crossing" },				  /* Q_CROSSING */
	{ "day", P_QUERY, 10, NULL, check_date, "date" }, /* Q_DAY */
};

/* ?crossing=&day= (the form's first part, a GET that works without
 * JavaScript) chooses the day whose free hours are offered. */
int guest_form_fn(struct req *r)
{
	const char *v[Q__MAX];
	char today[11];

	if (form_read(r, pick_params, Q__MAX, v))
		return render_form(r, 422);
	if (!v[Q_DAY]) {
		tzpl_today(1, today);
		hdf_set_value(r->hdf, "Form.day", today);
	}
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

struct code_ctx {
	struct req *r;
	const char *email, *phone;
};

/* Inside the request's transaction: the code to the e-mail and, as a text
 * message, to the phone. */
static int code_cb(void *ctx, const char *code)
{
	struct code_ctx *m = ctx;
	struct req *r = m->r;
	int rc;

	hdf_set_value(r->hdf, "Mail.code", code);
	hdf_set_int_value(r->hdf, "Mail.minutes", BOOKING_GUEST_MINUTES);
	rc = outbox_put(r, m->email, "ebt.subject.guest_code",
			"mail/ebt_guest_code.cs") < 0 ||
	     outbox_put(r, sms_address(r, m->phone), "ebt.subject.guest_code",
			"mail/ebt_guest_sms.cs") < 0;
	/* The page rendered later must not carry it. */
	hdf_remove_tree(r->hdf, "Mail.code");
	return rc ? -1 : 0;
}

int guest_post_fn(struct req *r)
{
	struct booking_form f = { 0 };
	const char *v[G__MAX];
	struct code_ctx m = { r, NULL, NULL };
	enum bk_status st;
	char token[33];
	int bad, rc;

	bad = form_read(r, guest_params, G__MAX, v);
	if (!v[G_HOUR] && !hdf_get_value(r->hdf, "Form.hour.Error", NULL)) {
		view_field_error(r, "hour", "err.ebt_hour");
		bad++;
	}
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
	if (crossings_hdf(f.crossing_id, 1, r->hdf, "Mail") < 0)
		return -1;
	hdf_set_value(r->hdf, "Mail.day", f.day);
	hdf_set_int_value(r->hdf, "Mail.hour", f.hour);
	m.email = v[G_EMAIL];
	m.phone = v[G_PHONE];
	rc = booking_guest_request(v[G_EMAIL], v[G_PHONE], &f, code_cb, &m,
				   token);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		hdf_set_int_value(r->hdf, "Guest.limit", booking_guest_limit());
		return field_refusal(r, 429, "email", "err.ebt_guest_limit");
	}
	log_info("guest booking request for crossing %lld sent a code",
		 f.crossing_id);
	return resp_redirect(
		r, arena_printf(&r->arena, "/ebt/guest/confirm?r=%s", token));
}

/* The request behind ?r= or the form's r: 1 found (g filled), else the
 * 404 answered and 0 (*rc holds what to return). */
static int load(struct req *r, const char *token, struct guest_request *g,
		int *rc)
{
	int found = booking_guest_find(&r->arena, token, g);

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
	struct guest_request g;
	int rc = 0;

	if (!load(r, req_query(r, "r"), &g, &rc))
		return rc;
	/* An expired or used-up request is no longer there to confirm. */
	if (!g.alive)
		return resp_error(r, 404, "not_found");
	hdf_set_value(r->hdf, "Guest.email", g.email);
	return view_render(r, 200, "ebt/guest-confirm.cs");
}

struct guest_ctx {
	struct req *r;
	const char *email;
};

/* Inside the booking's transaction: the e-mail with the number goes with
 * it. */
static int booked_cb(void *ctx, const struct booking_ref *b)
{
	struct guest_ctx *g = ctx;
	struct req *r = g->r;

	if (booking_get(0, b->crossing_id, b->number, r->hdf, "Mail") != BK_OK)
		return -1;
	return outbox_put(r, g->email, "ebt.subject.booked",
			  "mail/ebt_guest_booked.cs") < 0
		       ? -1
		       : 0;
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
			  (int)(BOOKING_GUEST_ATTEMPTS - attempts));
	view_field_error(r, "code", "err.ebt_guest_code");
	hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
	return view_render(r, 422, "ebt/guest-confirm.cs");
}

int guest_confirm_fn(struct req *r)
{
	struct guest_request g;
	struct guest_ctx ctx = { r, NULL };
	struct booking_ref ref;
	enum bk_status st;
	int rc = 0;

	if (!load(r, req_form(r, "r"), &g, &rc))
		return rc;
	ctx.email = g.email;
	hdf_set_value(r->hdf, "Guest.email", g.email);
	switch (booking_guest_try(&g, req_form(r, "code"))) {
	case GUEST_ERROR:
		return -1;
	case GUEST_DEAD:
		return resp_error(r, 410, "ebt_guest_dead");
	case GUEST_WRONG:
		return code_refusal(r, g.attempts);
	case GUEST_RIGHT:
		break;
	}
	/* Confirmed already (a resent form): the same booking again. */
	if (g.number)
		return done_page(r, g.f.crossing_id, g.number);
	st = booking_guest_create(&g, booked_cb, &ctx, &ref);
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
