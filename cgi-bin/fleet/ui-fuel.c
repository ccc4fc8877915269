/* ui-fuel.c: refuellings (/skr/fleet/fuel): the list with the period's
 * consumption per vehicle and its CSV, the form a driver or a fleet
 * manager enters one with, and the anomalies (/skr/fleet/anomalies) */
#include "fleet_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "csv.h"
#include "fleet_fuel.h"
#include "form.h"
#include "resp.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

#define LIST_MAX 500
#define CSV_MAX 50000
#define VEHICLES_MAX 2000
/* The default period of the lists: the last 90 days. */
#define DEFAULT_DAYS 90

/* Fleet.AnomalyPercent: above the norm by more than this is flagged. */
static int anomaly_pct(void)
{
	int p = conf_int("Fleet.AnomalyPercent", FLEET_FUEL_ANOMALY_PCT);

	return p < 0 || p > 200 ? FLEET_FUEL_ANOMALY_PCT : p;
}

static int valid_vehicle(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

static int valid_flag(const char *s)
{
	return !strcmp(s, "1");
}

/* unit in the comma-separated units */
static int in_units(const char *units, long long unit)
{
	size_t n = strlen(units ? units : "");
	char *set = malloc(n + 3), needle[32];
	int found;

	if (!set)
		return 0;
	snprintf(set, n + 3, ",%s,", units ? units : "");
	snprintf(needle, sizeof(needle), ",%lld,", unit);
	found = strstr(set, needle) != NULL;
	free(set);
	return found;
}

/* The refuellings the officer sees: their read scope; only a driver: the
 * ones they entered in their unit. 0, 403 answered, -1. */
static int fuel_scope(struct req *r, struct fleet_fuel_filter *f)
{
	struct fleet_scope s;
	int rc;

	memset(f, 0, sizeof(*f));
	if ((rc = fleet_ui_scope(r, &s)))
		return rc;
	if (s.read_root) {
		if (!(f->units = fleet_scope_units(r, s.read_root)))
			return -1;
	} else {
		f->units = arena_printf(&r->arena, "%lld", s.drive_unit);
		f->entered_by = r->sess.account_id;
		hdf_set_value(r->hdf, "Fleet.DriverOnly", "1");
	}
	if (s.manage_root || s.drive_unit)
		hdf_set_value(r->hdf, "Fleet.CanEnter", "1");
	return 0;
}

/* As Opt.vehicle: with units (a list's filter), the vehicles the officer
 * reads; without, the ones they may enter for: a manager's subtree, else
 * a driver's own unit. The count or -1. */
int fleet_ui_vehicle_options(struct req *r, const char *units)
{
	struct fleet_scope s;
	struct fleet_vehicle_filter vf = { 0 };

	if (fleet_scope(r, &s) < 0)
		return -1;
	if (units && s.read_root) {
		vf.root = s.read_root;
	} else if (s.manage_root) {
		vf.root = s.manage_root;
	} else if (s.drive_unit) {
		vf.root = s.drive_unit;
		vf.only_unit = 1;
	} else {
		return 0;
	}
	return fleet_vehicle_list_hdf(r->hdf, "Opt.vehicle", &vf, VEHICLES_MAX);
}

enum { L_VEHICLE, L_FROM, L_TO, L_ANOMALY, L__MAX };
static const struct param list_params[L__MAX] = {
	{ "vehicle", P_QUERY, 18, NULL, valid_vehicle,
	  "fleet_choice" },				  /* L_VEHICLE */
	{ "from", P_QUERY, 10, NULL, valid_day, "date" }, /* L_FROM */
	{ "to", P_QUERY, 10, NULL, valid_day, "date" },	  /* L_TO */
	{ "anomaly", P_QUERY, 1, NULL, valid_flag,
	  "fleet_choice" }, /* L_ANOMALY */
};

/* The UTC second Warsaw's day y-m-d begins at. */
static long long day_start(int y, int m, int d)
{
	return tzpl_to_utc(y, m, d, 0);
}

/* The UTC second the Warsaw day after y-m-d begins at (23, 24 or 25
 * hours later). */
static long long day_end(int y, int m, int d)
{
	struct tzpl_tm tm;

	tzpl_from_utc(tzpl_to_utc(y, m, d, 12) + 86400, &tm);
	return tzpl_to_utc(tm.year, tm.mon, tm.day, 0);
}

/* The list's filters: scope, vehicle, period (Warsaw days, both
 * included), only flagged. 0, 422 (Form.*.Error), 403 answered, -1. */
static int read_filter(struct req *r, struct fleet_fuel_filter *f)
{
	const char *v[L__MAX], *from, *to;
	char dfrom[11], dto[11];
	int y, m, d, bad, rc;

	if ((rc = fuel_scope(r, f)))
		return rc;
	bad = form_read(r, list_params, L__MAX, v);
	tzpl_today(-(DEFAULT_DAYS - 1), dfrom);
	tzpl_today(0, dto);
	if (!v[L_FROM])
		hdf_set_value(r->hdf, "Form.from", dfrom);
	if (!v[L_TO])
		hdf_set_value(r->hdf, "Form.to", dto);
	from = v[L_FROM] ? v[L_FROM] : dfrom;
	to = v[L_TO] ? v[L_TO] : dto;
	if (strcmp(from, to) > 0 &&
	    !hdf_get_value(r->hdf, "Form.to.Error", NULL)) {
		view_field_error(r, "to", "Fleet.Fuel.err_reversed");
		bad++;
	}
	if (valid_date(from, &y, &m, &d))
		f->from = day_start(y, m, d);
	if (valid_date(to, &y, &m, &d))
		f->to = day_end(y, m, d);
	if (v[L_VEHICLE]) {
		struct row row;

		f->vehicle = valid_id(v[L_VEHICLE]);
		rc = fleet_fuel_vehicle(&r->arena, f->vehicle, &row);
		if (rc < 0)
			return -1;
		if (rc == 0 ||
		    !in_units(f->units, row_int(&row, "unit_id", 0))) {
			view_field_error(r, "vehicle", "fleet_choice");
			bad++;
		} else {
			hdf_set_value(r->hdf, "Fleet.Fuel.Plate",
				      row_get(&row, "plate", ""));
		}
	}
	f->anomalies = v[L_ANOMALY] != NULL;
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return 422;
	}
	return 0;
}

static int list_page(struct req *r, const char *tpl, int only_anomalies)
{
	struct fleet_fuel_filter f;
	int rc, n;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	/* The CSV link carries the same filters. */
	hdf_set_value(r->hdf, "List.Query", r->query ? r->query : "");
	hdf_set_int_value(r->hdf, "Fleet.Fuel.Pct", anomaly_pct());
	if (fleet_ui_vehicle_options(r, f.units) < 0)
		return -1;
	if (rc == 422)
		return view_render(r, 422, tpl);
	if (only_anomalies)
		f.anomalies = 1;
	n = fleet_fuel_list_hdf(r->hdf, "Fuel", &f, LIST_MAX + 1);
	if (fleet_ui_list_cap(r, "Fuel", n, LIST_MAX) < 0)
		return -1;
	if (!only_anomalies &&
	    fleet_fuel_consumption_hdf(r->hdf, "Consumption", &f,
				       anomaly_pct()) < 0)
		return -1;
	if (req_query(r, "added"))
		hdf_set_value(r->hdf, "Page.Notice",
			      view_text(r, "Fleet.Fuel.added"));
	return view_render(r, 200, tpl);
}

int fuel_fn(struct req *r)
{
	return list_page(r, "fleet/fuel.cs", 0);
}

int anomalies_fn(struct req *r)
{
	return list_page(r, "fleet/anomalies.cs", 1);
}

/* A refuelling's anomalies ("norm,tank") in words, "; " between. */
static const char *anomaly_words(struct req *r, const char *codes)
{
	const char *out = "";

	for (const char *p = codes; *p;) {
		size_t len = strcspn(p, ",");
		const char *w = view_text(
			r, arena_printf(&r->arena, "Fleet.Fuel.kind.%.*s",
					(int)len, p));

		out = *out ? arena_printf(&r->arena, "%s; %s", out, w) : w;
		p += len;
		if (*p)
			p++;
	}
	return out;
}

static int csv_cb(const struct row *row, void *ctx)
{
	struct fleet_ui_csv *c = ctx;
	struct req *r = c->r;
	const char *card = row_get(row, "card_last4", NULL);
	char at[40];
	int bad;

	if (view_local_time(row_get(row, "filled_at", ""), at, sizeof(at)) < 0)
		snprintf(at, sizeof(at), "%s", row_get(row, "filled_at", ""));
	bad = csv_cell(&c->b, 1, at) ||
	      csv_cell(&c->b, 0, row_get(row, "plate", "")) ||
	      csv_num(&c->b, 0, atof(row_get(row, "litres", "0")), 2) ||
	      csv_num(&c->b, 0, row_int(row, "price_gr", 0) / 100.0, 2) ||
	      csv_num(&c->b, 0, row_int(row, "cost_gr", 0) / 100.0, 2) ||
	      csv_num(&c->b, 0, (double)row_int(row, "odo_km", 0), 0) ||
	      csv_cell(&c->b, 0, row_get(row, "station", "")) ||
	      csv_cell(&c->b, 0,
		       card ? arena_printf(&r->arena, "…%s", card) : "") ||
	      csv_cell(&c->b, 0,
		       anomaly_words(r, row_get(row, "anomalies", ""))) ||
	      csv_end(&c->b);
	if (bad) {
		c->failed = 1;
		return 1;
	}
	return 0;
}

static const char *const csv_head[] = {
	"Fleet.Fuel.at",      "Fleet.v.plate",	 "Fleet.Fuel.litres",
	"Fleet.Fuel.price",   "Fleet.Fuel.cost", "Fleet.Fuel.odometer",
	"Fleet.Fuel.station", "Fleet.Fuel.card", "Fleet.Fuel.anomalies",
};

int fuel_csv_fn(struct req *r)
{
	struct fleet_fuel_filter f;
	struct fleet_ui_csv c = { r, { NULL, 0, 0 }, 0 };
	int rc;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422) {
		if (fleet_ui_vehicle_options(r, f.units) < 0)
			return -1;
		return view_render(r, 422, "fleet/fuel.cs");
	}
	if (fleet_ui_csv_head(r, &c.b, csv_head,
			      sizeof(csv_head) / sizeof(csv_head[0])) < 0 ||
	    fleet_fuel_each(&f, CSV_MAX, csv_cb, &c) < 0 || c.failed) {
		buf_free(&c.b);
		return -1;
	}
	return fleet_ui_csv_send(r, &c.b, "refuellings");
}

/* ---- entering a refuelling ---- */

static int valid_time(const char *s)
{
	return valid_time_hm(s, NULL, NULL);
}

static int valid_odo(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= 7 && strspn(s, "0123456789") == n;
}

static int valid_station(const char *s)
{
	return valid_text(s, 120);
}

/* A fuel card number as printed: spaces and dashes between groups. */
static size_t card_norm(const char *in, char *out, size_t outsz)
{
	size_t n = 0;

	for (; *in; in++) {
		if (*in == ' ' || *in == '-')
			continue;
		if (n + 1 >= outsz)
			return 0;
		out[n++] = *in;
	}
	out[n] = '\0';
	return n;
}

/* 8 to 19 digits: the lengths of payment and fleet cards (ISO/IEC 7812). */
static int valid_card(const char *s)
{
	size_t n = strlen(s);

	return n >= 8 && n <= 19 && strspn(s, "0123456789") == n;
}

enum {
	A_VEHICLE,
	A_DAY,
	A_TIME,
	A_LITRES,
	A_PRICE,
	A_ODO,
	A_STATION,
	A_CARD,
	A__MAX
};
static const struct param add_params[A__MAX] = {
	{ "vehicle", P_REQUIRED, 18, NULL, valid_vehicle,
	  "fleet_choice" },				    /* A_VEHICLE */
	{ "day", P_REQUIRED, 10, NULL, valid_day, "date" }, /* A_DAY */
	{ "time", P_REQUIRED, 5, NULL, valid_time,
	  "fleet_fuel_time" },				/* A_TIME */
	{ "litres", P_REQUIRED, 12, NULL, NULL, NULL }, /* A_LITRES */
	{ "price", P_REQUIRED, 12, NULL, NULL, NULL },	/* A_PRICE */
	{ "odometer", P_REQUIRED, 7, NULL, valid_odo,
	  "fleet_fuel_odometer" }, /* A_ODO */
	{ "station", P_REQUIRED, 120, NULL, valid_station,
	  NULL }, /* A_STATION */
	{ "card", P_SECRET, 23, card_norm, valid_card,
	  "fleet_fuel_card" }, /* A_CARD */
};

int fuel_new_fn(struct req *r)
{
	struct fleet_fuel_filter f;
	const char *v;
	char today[11];
	int rc;

	if ((rc = fuel_scope(r, &f)))
		return rc < 0 ? -1 : 0;
	if (!hdf_get_value(r->hdf, "Fleet.CanEnter", NULL))
		return resp_error(r, 403, "fleet_fuel_forbidden");
	if (fleet_ui_vehicle_options(r, NULL) < 0)
		return -1;
	if ((v = req_query(r, "vehicle")) && valid_id(v))
		hdf_set_value(r->hdf, "Form.vehicle", v);
	tzpl_today(0, today);
	hdf_set_value(r->hdf, "Form.day", today);
	return view_render(r, 200, "fleet/fuel-new.cs");
}

static int form_again(struct req *r, int status)
{
	hdf_set_value(r->hdf, "Page.FormErrors", "1");
	if (fleet_ui_vehicle_options(r, NULL) < 0)
		return -1;
	return view_render(r, status, "fleet/fuel-new.cs");
}

/* The vehicle of a refuelling: one outside the officer's units does not
 * exist for them (404); one they read but neither manage nor drive in is
 * not theirs to fuel (403). 0 theirs, the status answered, -1. */
int fleet_ui_fuel_vehicle(struct req *r, long long id, struct row *row)
{
	struct fleet_scope s;
	long long unit;
	int rc, driver;

	if (fleet_scope(r, &s) < 0)
		return -1;
	if ((rc = fleet_fuel_vehicle(&r->arena, id, row)) < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "fleet_not_found") < 0 ? -1 : 404;
	unit = row_int(row, "unit_id", 0);
	driver = s.drive_unit && s.drive_unit == unit;
	if ((rc = fleet_can_read(r, unit)) < 0)
		return -1;
	if (!rc && !driver)
		return resp_error(r, 404, "fleet_not_found") < 0 ? -1 : 404;
	if ((rc = fleet_can_manage(r, unit)) < 0)
		return -1;
	if (!rc && !driver)
		return resp_error(r, 403, "fleet_fuel_forbidden") < 0 ? -1
								      : 403;
	return 0;
}

int fuel_add_fn(struct req *r)
{
	const char *v[A__MAX];
	struct fleet_fuel_in in = { 0 };
	struct fleet_fuel_out out;
	struct fleet_scope s;
	struct row row;
	int bad, rc, y, m, d, h, mi;

	if ((rc = fleet_ui_scope(r, &s)))
		return rc < 0 ? -1 : 0;
	bad = form_read(r, add_params, A__MAX, v);
	if (v[A_VEHICLE]) {
		in.vehicle_id = valid_id(v[A_VEHICLE]);
		if ((rc = fleet_ui_fuel_vehicle(r, in.vehicle_id, &row)))
			return rc < 0 ? -1 : 0;
	}
	if (v[A_LITRES] && (!fleet_fuel_hundredths(v[A_LITRES], &in.cl) ||
			    in.cl <= 0 || in.cl > FLEET_FUEL_MAX_CL)) {
		view_field_error(r, "litres", "Fleet.Fuel.err_litres");
		bad++;
	}
	if (v[A_PRICE] &&
	    (!fleet_fuel_hundredths(v[A_PRICE], &in.price_gr) ||
	     in.price_gr <= 0 || in.price_gr > FLEET_FUEL_MAX_PRICE_GR)) {
		view_field_error(r, "price", "Fleet.Fuel.err_price");
		bad++;
	}
	if (v[A_DAY] && v[A_TIME] && valid_date(v[A_DAY], &y, &m, &d) &&
	    valid_time_hm(v[A_TIME], &h, &mi)) {
		long long t = tzpl_to_utc(y, m, d, h);

		/* An hour skipped in spring is on no receipt. */
		if (t < 0) {
			view_field_error(r, "time", "err.fleet_fuel_time");
			bad++;
		} else if ((in.filled_utc = t + 60LL * mi) > time(NULL)) {
			view_field_error(r, "day", "Fleet.Fuel.err_future");
			bad++;
		}
	}
	if (bad)
		return form_again(r, 422);
	in.day = v[A_DAY];
	in.odo_km = strtoll(v[A_ODO], NULL, 10);
	in.station = v[A_STATION];
	/* Only the last four digits are ever stored (docs/fleet.md). */
	in.card_last4 = v[A_CARD] ? v[A_CARD] + strlen(v[A_CARD]) - 4 : NULL;
	in.pct = anomaly_pct();
	rc = fleet_fuel_add(r, &in, &out);
	if (rc < 0)
		return -1;
	if (rc == FLEET_FUEL_NO_VEHICLE)
		return resp_error(r, 404, "fleet_not_found");
	if (rc == FLEET_FUEL_ODO_BELOW) {
		hdf_set_valuef(r->hdf, "Form.odometer.Error=%s %lld km.",
			       view_text(r, "Fleet.Fuel.err_odo_below"),
			       out.fuel_km);
		return form_again(r, 422);
	}
	return resp_redirect(r, arena_printf(&r->arena,
					     "/skr/fleet/fuel?vehicle=%lld&"
					     "added=%lld",
					     in.vehicle_id, out.id));
}

/* ---- the vehicle page's fuel section ---- */

#define SECTION_ROWS 10

int fleet_section_fuel(struct req *r, long long vehicle_id, long long unit_id)
{
	struct fleet_fuel_filter f = { 0 };
	struct fleet_scope s;
	char from[11];
	int y, m, d, n, rc;

	if (fleet_scope(r, &s) < 0)
		return -1;
	f.units = arena_printf(&r->arena, "%lld", unit_id);
	f.vehicle = vehicle_id;
	/* Only a driver: the refuellings they entered, as in the list. */
	if (!s.read_root)
		f.entered_by = r->sess.account_id;
	if ((rc = fleet_can_manage(r, unit_id)) < 0)
		return -1;
	if (rc || s.drive_unit == unit_id)
		hdf_set_value(r->hdf, "Fleet.CanEnter", "1");
	/* The last year's consumption, the newest refuellings. */
	tzpl_today(-364, from);
	if (!valid_date(from, &y, &m, &d))
		return -1;
	f.from = day_start(y, m, d);
	f.to = time(NULL) + 86400;
	hdf_set_int_value(r->hdf, "Fleet.Fuel.Pct", anomaly_pct());
	if (fleet_fuel_consumption_hdf(r->hdf, "Vehicle.Consumption", &f,
				       anomaly_pct()) < 0)
		return -1;
	f.from = 0;
	n = fleet_fuel_list_hdf(r->hdf, "Vehicle.Fuel", &f, SECTION_ROWS);
	return n < 0 ? -1 : 0;
}
