/* akcr-form.c: the AKC-R fields and the rules between them: at least one
 * activity of the list, at least one whole place with a Polish postcode,
 * a start date not in the past */
#include "akcr-form.h"

#include <stdio.h>
#include <string.h>

#include "ecustomer.h"
#include "form.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

static int check_text(const char *v)
{
	return valid_text(v, 150);
}

static int check_date(const char *v)
{
	return valid_date(v, NULL, NULL, NULL);
}

/* One place's fields; the names get the row's prefix (p1_ … p4_). */
enum { PL_TOWN, PL_POSTCODE, PL_STREET, PL_HOUSE, PL__MAX };
static const struct param place_params[PL__MAX] = {
	{ "town", 0, 100, NULL, check_text, NULL }, /* PL_TOWN */
	{ "postcode", 0, 6, NULL, valid_postcode_pl,
	  "postcode" },				       /* PL_POSTCODE */
	{ "street", 0, 150, NULL, check_text, NULL },  /* PL_STREET */
	{ "house_no", 0, 20, NULL, check_text, NULL }, /* PL_HOUSE */
};

static const struct param start_param = { "akcr_start", P_REQUIRED, 10,
					  NULL,		check_date, "date" };

static void error_at(struct req *r, const char *name, const char *key)
{
	char path[64];

	snprintf(path, sizeof(path), "Form.%s.Error", name);
	if (!hdf_get_value(r->hdf, path, NULL))
		view_field_error(r, name, key);
}

/* The ticked activities, each of the list, each once. */
static int read_activities(struct req *r, struct buf *payload)
{
	int n = 0, bad = 0;
	size_t i;

	for (i = 0; i < r->nf; i++) {
		const char *v = r->ffields[i].value;
		char path[80];

		if (strcmp(r->ffields[i].name, "activity") != 0)
			continue;
		if (!registry_akcr_is_activity(v) || n >= 16) {
			bad = 1;
			continue;
		}
		snprintf(path, sizeof(path), "Form.activity.%s", v);
		if (hdf_get_value(r->hdf, path, NULL))
			continue; /* ticked twice: once is enough */
		hdf_set_value(r->hdf, path, "1");
		buf_printf(payload, "&activity=%s",
			   v); /* a code: no escaping */
		n++;
	}
	if (bad || !n) {
		error_at(r, "activity",
			 bad ? "err.invalid" : "err.ec_akcr_activity");
		return 1;
	}
	return 0;
}

/* Row k (1-based): an empty row is skipped; a begun one needs its town,
 * postcode and house number. *filled gets whether it counts. */
static int read_place(struct req *r, int k, int *filled, struct buf *payload)
{
	struct param p[PL__MAX];
	const char *v[PL__MAX];
	char names[PL__MAX][24];
	int bad, i, any = 0;

	for (i = 0; i < PL__MAX; i++) {
		p[i] = place_params[i];
		snprintf(names[i], sizeof(names[i]), "p%d_%s", k,
			 place_params[i].name);
		p[i].name = names[i];
		if (req_form(r, names[i]) && *req_form(r, names[i]) &&
		    strspn(req_form(r, names[i]), " \t") !=
			    strlen(req_form(r, names[i])))
			any = 1;
	}
	*filled = 0;
	if (!any)
		return 0;
	bad = form_read(r, p, PL__MAX, v);
	if (!v[PL_TOWN] && !hdf_get_valuef(r->hdf, "Form.%s.Error", names[0]))
		bad++, error_at(r, names[PL_TOWN], "err.required");
	if (!v[PL_POSTCODE] &&
	    !hdf_get_valuef(r->hdf, "Form.%s.Error", names[PL_POSTCODE]))
		bad++, error_at(r, names[PL_POSTCODE], "err.required");
	if (!v[PL_HOUSE] &&
	    !hdf_get_valuef(r->hdf, "Form.%s.Error", names[PL_HOUSE]))
		bad++, error_at(r, names[PL_HOUSE], "err.required");
	if (bad)
		return bad;
	*filled = 1;
	for (i = 0; i < PL__MAX; i++) {
		buf_printf(payload, "&%s=", names[i]);
		ec_urlencode(payload, v[i] ? v[i] : "");
	}
	return 0;
}

int akcr_form_read(struct req *r, const char *kept_start, struct buf *payload)
{
	struct buf b = { 0 };
	const char *start;
	char today[11];
	int bad = 0, k, filled, places = 0;

	bad += form_read(r, &start_param, 1, &start);
	tzpl_today(0, today);
	/* Registration comes before the activity (art. 16): a new start
	 * date is today or later; one on record may stay as it is. */
	if (start && strcmp(start, today) < 0 &&
	    !(kept_start && strcmp(start, kept_start) == 0)) {
		error_at(r, "akcr_start", "err.ec_akcr_start_past");
		bad++;
	}
	if (start) {
		buf_puts(&b, "akcr_start=");
		ec_urlencode(&b, start);
	}
	bad += read_activities(r, &b);
	/* Rows are renumbered as they come: p1 is always the first place. */
	for (k = 1; k <= AKCR_PLACES_MAX; k++) {
		struct buf one = { 0 };
		int e = read_place(r, k, &filled, &one);

		bad += e;
		if (!e && filled) {
			places++;
			/* "&pK_" → "&pN_" for the N-th filled row */
			for (size_t i = 0; i + 2 < one.len; i++)
				if (one.p[i] == '&' && one.p[i + 1] == 'p')
					one.p[i + 2] = (char)('0' + places);
			buf_add(&b, one.p, one.len);
		}
		buf_free(&one);
	}
	if (!places && !hdf_get_value(r->hdf, "Form.p1_town.Error", NULL) &&
	    !hdf_get_value(r->hdf, "Form.p1_postcode.Error", NULL) &&
	    !hdf_get_value(r->hdf, "Form.p1_house_no.Error", NULL)) {
		error_at(r, "p1_town", "err.ec_akcr_place");
		bad++;
	}
	if (!bad)
		buf_add(payload, b.p, b.len);
	buf_free(&b);
	return bad;
}

void akcr_form_fill(struct req *r, const struct akcr_request *req)
{
	int i;

	if (req->start)
		hdf_set_value(r->hdf, "Form.akcr_start", req->start);
	for (i = 0; i < req->nactivity; i++)
		hdf_set_valuef(r->hdf, "Form.activity.%s=1", req->activity[i]);
	for (i = 0; i < req->nplace; i++) {
		const struct akcr_place *p = &req->place[i];

		hdf_set_valuef(r->hdf, "Form.p%d_town=%s", i + 1,
			       p->town ? p->town : "");
		hdf_set_valuef(r->hdf, "Form.p%d_postcode=%s", i + 1,
			       p->postcode ? p->postcode : "");
		hdf_set_valuef(r->hdf, "Form.p%d_street=%s", i + 1,
			       p->street ? p->street : "");
		hdf_set_valuef(r->hdf, "Form.p%d_house_no=%s", i + 1,
			       p->house_no ? p->house_no : "");
	}
}

void akcr_form_options(struct req *r)
{
	char key[96];
	int i;

	for (i = 0; registry_akcr_activities[i]; i++) {
		snprintf(key, sizeof(key), "ecustomer.akcr.activity.%s",
			 registry_akcr_activities[i]);
		hdf_set_valuef(r->hdf, "Options.Activity.%d.Value=%s", i,
			       registry_akcr_activities[i]);
		hdf_set_valuef(r->hdf, "Options.Activity.%d.Label=%s", i,
			       view_text(r, key));
	}
	/* The form's rows of places, numbered for the template. */
	for (i = 1; i <= AKCR_PLACES_MAX; i++) {
		hdf_set_valuef(r->hdf, "Options.Place.%d.pre=p%d", i - 1, i);
		hdf_set_valuef(r->hdf, "Options.Place.%d.num=%d", i - 1, i);
	}
}
