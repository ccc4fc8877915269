/* shared.c: what the e-Booking TRUCK pages share: the person behind the
 * account, the officer's crossing, reading the booking form, refusals */
#include "ebt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crossings.h"
#include "form.h"
#include "registry.h"
#include "resp.h"
#include "route.h"
#include "valid.h"
#include "view.h"

int ebt_person(struct req *r, long long *person, int *rc)
{
	int found = registry_person_of_account(r->sess.account_id, person);

	if (found < 0) {
		*rc = -1;
		return 0;
	}
	if (found == 0) {
		/* Booking needs an approved e-Customer person first. */
		*rc = resp_error(r, 403, "ebt_no_person");
		return 0;
	}
	return 1;
}

int ebt_staff_crossing(struct req *r, long long *crossing, int *rc)
{
	long long id = route_arg_id(r, 0);
	int runs = id ? crossings_run_by(id, r->sess.unit_id) : 0;

	if (runs < 0) {
		*rc = -1;
		return 0;
	}
	/* Another branch's crossing does not exist for this officer. */
	if (runs == 0) {
		*rc = resp_error(r, 404, "not_found");
		return 0;
	}
	if (crossings_hdf(id, 1, r->hdf, "Crossing") < 0) {
		*rc = -1;
		return 0;
	}
	booking_maintain(id);
	*crossing = id;
	return 1;
}

int ebt_status_http(enum bk_status st)
{
	switch (st) {
	case BK_OK:
		return 200;
	case BK_FORBIDDEN:
		return 403;
	case BK_NOT_FOUND:
	case BK_NO_CROSSING:
		return 404;
	case BK_FULL:
	case BK_PLATE_ACTIVE:
	case BK_STATE:
	case BK_NO_PLACE:
	case BK_AT_CROSSING:
		return 409;
	case BK_ERROR:
		return 500;
	default:
		return 422;
	}
}

int ebt_refusal(struct req *r, enum bk_status st)
{
	char key[48];

	if (st == BK_ERROR)
		return -1;
	snprintf(key, sizeof(key), "ebt_%s", booking_status_key(st));
	return resp_error(r, ebt_status_http(st), key);
}

static size_t norm_plate(const char *in, char *out, size_t outsz)
{
	return valid_plate_normalise(in, out, outsz);
}

static size_t norm_upper(const char *in, char *out, size_t outsz)
{
	size_t i, n = 0;

	for (i = 0; in[i] && n + 1 < outsz; i++)
		out[n++] = (in[i] >= 'a' && in[i] <= 'z') ? in[i] - 32 : in[i];
	out[n] = '\0';
	return n;
}

static int check_line100(const char *v)
{
	return valid_text(v, 100);
}

static int check_line40(const char *v)
{
	return valid_text(v, 40);
}

static int check_goods(const char *v)
{
	return valid_text(v, 500) ||
	       (valid_utf8(v, strlen(v)) && strlen(v) <= 2000);
}

static int check_mass(const char *v)
{
	long long n = valid_digits(v, strlen(v)) ? atoll(v) : 0;

	return n >= 1 && n <= BOOKING_MAX_MASS;
}

static int check_packages(const char *v)
{
	return valid_digits(v, strlen(v)) && strlen(v) <= 6;
}

static int check_mrns(const char *v)
{
	return strlen(v) > 0; /* each MRN is checked after the split */
}

enum {
	F_PLATE,
	F_COUNTRY,
	F_TRAILER,
	F_DRIVER,
	F_DOC,
	F_PHONE,
	F_MRNS,
	F_GOODS,
	F_MASS,
	F_PACKAGES,
	F__MAX
};
static const struct param params[F__MAX] = {
	{ "plate", P_REQUIRED, 20, norm_plate, NULL, "plate" },
	{ "plate_country", P_REQUIRED, 2, norm_upper, valid_country,
	  "country" },
	{ "trailer_plate", 0, 20, norm_plate, NULL, "plate" },
	{ "driver_name", P_REQUIRED, 100, NULL, check_line100, "invalid" },
	{ "driver_doc", P_REQUIRED, 40, NULL, check_line40, "invalid" },
	{ "driver_phone", P_REQUIRED, 20, NULL, valid_phone, "phone" },
	{ "mrns", P_REQUIRED | P_MULTILINE, 250, norm_upper, check_mrns,
	  "mrn" },
	{ "goods", P_REQUIRED | P_MULTILINE, 500, NULL, check_goods,
	  "invalid" },
	{ "mass_kg", P_REQUIRED, 5, NULL, check_mass, "ebt_mass" },
	{ "packages", 0, 6, NULL, check_packages, "ebt_packages" },
};

int ebt_read_form(struct req *r, struct booking_form *f, int walkin)
{
	const char *v[F__MAX];
	int bad = form_read(r, params, F__MAX, v);

	f->plate = v[F_PLATE];
	f->plate_country = v[F_COUNTRY];
	f->trailer_plate = v[F_TRAILER] && *v[F_TRAILER] ? v[F_TRAILER] : NULL;
	f->driver_name = v[F_DRIVER];
	f->driver_doc = v[F_DOC];
	f->driver_phone = v[F_PHONE];
	f->goods = v[F_GOODS];
	f->mass_kg = v[F_MASS] ? atoll(v[F_MASS]) : 0;
	f->packages = v[F_PACKAGES] && *v[F_PACKAGES] ? atoll(v[F_PACKAGES])
						      : 0;
	if (v[F_MRNS] &&
	    booking_split_mrns(arena_strdup(&r->arena, v[F_MRNS]), f) < 0) {
		view_field_error(r, "mrns", "err.mrn");
		bad++;
	}
	if (bad)
		hdf_set_int_value(r->hdf, "Page.FormErrors", bad);
	(void)walkin;
	return bad;
}
