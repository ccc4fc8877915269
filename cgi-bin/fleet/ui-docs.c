/* ui-docs.c: a vehicle's documents and deadlines: its documents page (and
 * the vehicle page's section), the add, renew and edit forms, and the
 * deadlines of the officer's units with their CSV (/skr/fleet/deadlines) */
#include "fleet_ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "csv.h"
#include "fleet_docs.h"
#include "form.h"
#include "resp.h"
#include "route.h"
#include "tzpl.h"
#include "units.h"
#include "valid.h"
#include "view.h"

#define LIST_MAX 2000
#define KM_MAX 2000000

/* ---- the deadline of a document row, in the HDF ---- */

static const char *const states[] = { "none", "ok", "soon", "overdue" };

/* A deadline as prefix.{state, due, days_left, days_late, due_km,
 * km_left, km_late, by_km}: what the templates say in words. */
static void due_set(struct req *r, const char *prefix,
		    const struct fleet_due *d)
{
	char day[11];

	hdf_set_valuef(r->hdf, "%s.state=%s", prefix, states[d->state]);
	if (d->day >= 0) {
		hdf_set_valuef(r->hdf, "%s.due=%s", prefix,
			       fleet_day_text(d->day, day));
		hdf_set_valuef(r->hdf, "%s.days_left=%ld", prefix,
			       d->days_left);
		hdf_set_valuef(r->hdf, "%s.days_late=%ld", prefix,
			       -d->days_left);
	}
	if (d->km >= 0) {
		hdf_set_valuef(r->hdf, "%s.due_km=%lld", prefix, d->km);
		hdf_set_valuef(r->hdf, "%s.km_left=%lld", prefix, d->km_left);
		hdf_set_valuef(r->hdf, "%s.km_late=%lld", prefix, -d->km_left);
	}
	hdf_set_valuef(r->hdf, "%s.by_km=%d", prefix, d->by_km);
}

/* A row of the HDF (a list's child) as a struct row; its strings stay the
 * HDF's. */
static void row_of(HDF *node, struct row *row)
{
	HDF *c;

	row->n = 0;
	for (c = hdf_obj_child(node); c && row->n < DB_MAXCOLS;
	     c = hdf_obj_next(c)) {
		row->name[row->n] = hdf_obj_name(c);
		row->v[row->n++] = hdf_obj_value(c);
	}
}

/* The same in words for the CSV: "overdue by 3 days", "in 5 days". */
static const char *due_words(struct req *r, const struct fleet_due *d)
{
	if (d->by_km && d->km_left < 0)
		return arena_printf(&r->arena, "%s %lld km",
				    view_text(r, "Fleet.Doc.due.overdue_by"),
				    -d->km_left);
	if (d->by_km)
		return arena_printf(&r->arena, "%s %lld km",
				    view_text(r, "Fleet.Doc.due.in"),
				    d->km_left);
	if (d->day < 0)
		return "";
	if (d->days_left < 0)
		return arena_printf(
			&r->arena, "%s %ld %s",
			view_text(r, "Fleet.Doc.due.overdue_by"), -d->days_left,
			view_plural(r, -d->days_left, "Fleet.Doc.due.day"));
	if (d->days_left == 0)
		return view_text(r, "Fleet.Doc.due.today");
	return arena_printf(&r->arena, "%s %ld %s",
			    view_text(r, "Fleet.Doc.due.in"), d->days_left,
			    view_plural(r, d->days_left, "Fleet.Doc.due.day"));
}

static long today_n(void)
{
	char today[11];
	long n = 0;

	tzpl_today(0, today);
	fleet_day_parse(today, &n);
	return n;
}

/* ---- the vehicle's documents ---- */

/* The vehicle of the URL when the officer may read it (manage: manage
 * it) into *v; 0, or the status answered (403 in words, 404 outside the
 * scope: never reveal it exists), or -1. */
static int vehicle_of(struct req *r, long long id, int manage, struct row *v)
{
	struct fleet_scope s;
	int rc;

	rc = fleet_ui_scope(r, &s);
	if (rc)
		return rc;
	rc = fleet_docs_vehicle(&r->arena, id, v);
	if (rc < 0)
		return -1;
	if (rc == 1)
		rc = fleet_can_read(r, row_int(v, "unit_id", 0));
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "fleet_not_found") < 0 ? -1 : 404;
	rc = fleet_can_manage(r, row_int(v, "unit_id", 0));
	if (rc < 0)
		return -1;
	if (rc == 0 && manage)
		return resp_error(r, 403, "fleet_doc_forbidden") < 0 ? -1 : 403;
	/* Written off is final (docs/fleet.md): its documents stay as they
	 * are. */
	if (manage && !strcmp(row_get(v, "status", ""), "written_off"))
		return resp_error(r, 403, "fleet_final") < 0 ? -1 : 403;
	hdf_set_valuef(r->hdf, "Vehicle.id=%lld", id);
	hdf_set_value(r->hdf, "Vehicle.plate", row_get(v, "plate", ""));
	hdf_set_value(r->hdf, "Vehicle.make", row_get(v, "make", ""));
	hdf_set_value(r->hdf, "Vehicle.model", row_get(v, "model", ""));
	hdf_set_value(r->hdf, "Vehicle.odometer_km",
		      row_get(v, "odometer_km", "0"));
	return 0;
}

int fleet_section_documents(struct req *r, long long vehicle_id,
			    long long unit_id)
{
	struct fleet_rules rules;
	struct row v, row;
	long today = today_n();
	HDF *o;
	int n;

	if (fleet_docs_vehicle(&r->arena, vehicle_id, &v) != 1)
		return -1;
	/* The vehicle page calls this for whoever may read it (a driver
	 * too): the add, renew and correct links only for its manager, and
	 * never for a vehicle written off. */
	n = fleet_can_manage(r, unit_id);
	if (n < 0)
		return -1;
	if (n && strcmp(row_get(&v, "status", ""), "written_off"))
		hdf_set_value(r->hdf, "Fleet.CanManage", "1");
	else
		hdf_remove_tree(r->hdf, "Fleet.CanManage");
	hdf_set_valuef(r->hdf, "Vehicle.id=%lld", vehicle_id);
	fleet_rules_conf(&rules);
	n = fleet_docs_of_vehicle_hdf(r->hdf, "Docs", vehicle_id);
	if (n < 0)
		return -1;
	hdf_set_int_value(r->hdf, "DocsCount", n);
	for (o = hdf_obj_child(hdf_get_obj(r->hdf, "Docs")); o;
	     o = hdf_obj_next(o)) {
		struct fleet_terms t;
		struct fleet_due d;

		if (strcmp(hdf_get_value(o, "current", "0"), "1"))
			continue;
		row_of(o, &row);
		fleet_terms_of(&row, &t);
		fleet_due_of(&t, &rules, today, row_int(&v, "odometer_km", 0),
			     &d);
		due_set(r, arena_printf(&r->arena, "Docs.%s", hdf_obj_name(o)),
			&d);
	}
	return 0;
}

int documents_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct row v;
	int rc = vehicle_of(r, id, 0, &v);

	if (rc)
		return rc < 0 ? -1 : 0;
	if (fleet_section_documents(r, id, row_int(&v, "unit_id", 0)) < 0)
		return -1;
	return view_render(r, 200, "fleet/documents.cs");
}

/* ---- the form: add, renew, edit ---- */

static int valid_kind(const char *s)
{
	return fleet_is_code(fleet_doc_kinds, s);
}

static int valid_season(const char *s)
{
	return !strcmp(s, "summer") || !strcmp(s, "winter");
}

static int valid_day(const char *s)
{
	int y, m, d;

	return valid_date(s, &y, &m, &d);
}

static int valid_number_in(const char *s, long long lo, long long hi)
{
	long long v;

	if (!*s || strlen(s) > 9 || !valid_digits(s, strlen(s)))
		return 0;
	v = strtoll(s, NULL, 10);
	return v >= lo && v <= hi;
}

static int valid_every_km(const char *s)
{
	return valid_number_in(s, 500, 200000);
}

static int valid_every_months(const char *s)
{
	return valid_number_in(s, 1, 120);
}

static int valid_km(const char *s)
{
	return valid_number_in(s, 0, KM_MAX);
}

enum {
	D_KIND,
	D_NUMBER,
	D_VALID_UNTIL,
	D_EVERY_KM,
	D_EVERY_MONTHS,
	D_DONE_ON,
	D_DONE_KM,
	D_SEASON,
	D_NOTE,
	D__MAX
};
static const struct param doc_params[D__MAX] = {
	{ "kind", 0, 16, NULL, valid_kind, "fleet_choice" }, /* D_KIND */
	{ "number", 0, 60, NULL, NULL, NULL },		     /* D_NUMBER */
	{ "valid_until", 0, 10, NULL, valid_day,
	  "fleet_date" }, /* D_VALID_UNTIL */
	{ "every_km", 0, 9, NULL, valid_every_km,
	  "fleet_every_km" }, /* D_EVERY_KM */
	{ "every_months", 0, 9, NULL, valid_every_months,
	  "fleet_every_months" }, /* D_EVERY_MONTHS */
	{ "done_on", 0, 10, NULL, valid_day, "fleet_date" },	/* D_DONE_ON */
	{ "done_km", 0, 9, NULL, valid_km, "fleet_km" },	/* D_DONE_KM */
	{ "season", 0, 8, NULL, valid_season, "fleet_choice" }, /* D_SEASON */
	{ "note", P_MULTILINE, 500, NULL, NULL, NULL },		/* D_NOTE */
};

static int need(struct req *r, const char **v, int i)
{
	if (v[i])
		return 0;
	if (!hdf_get_valuef(r->hdf, "Form.%s.Error", doc_params[i].name))
		view_field_error(r, doc_params[i].name, "required");
	return 1;
}

/* A date the form gives: not before 2000, and within 20 years (a typo in
 * the year is the usual mistake); done_on not after today. */
static int check_day(struct req *r, const char *name, const char *s, long today,
		     int past_only)
{
	long n;

	if (!s || fleet_day_parse(s, &n) < 0)
		return 0;
	if (past_only && n > today) {
		view_field_error(r, name, "fleet_date_future");
		return 1;
	}
	if (n < fleet_day(2000, 1, 1) || n > today + 20 * 366) {
		view_field_error(r, name, "fleet_date_range");
		return 1;
	}
	return 0;
}

/* Reads the document of kind (NULL: from the form) for a vehicle whose
 * odometer shows odometer; the fields its kind does not use are dropped.
 * The number of bad fields (each with its message beside it). */
static int read_doc(struct req *r, const char *kind, long long odometer,
		    struct fleet_doc_in *in)
{
	const char *v[D__MAX];
	long today = today_n();
	int bad, k;

	memset(in, 0, sizeof(*in));
	bad = form_read(r, doc_params, D__MAX, v);
	if (kind) {
		v[D_KIND] = kind;
		hdf_set_value(r->hdf, "Form.kind", kind);
	}
	bad += need(r, v, D_KIND);
	k = fleet_doc_kind(v[D_KIND]);
	in->kind = v[D_KIND];
	in->note = v[D_NOTE];
	switch (k) {
	case FLEET_DOC_REGISTRATION:
	case FLEET_DOC_INSURANCE:
		bad += need(r, v, D_NUMBER);
		if (k == FLEET_DOC_INSURANCE)
			bad += need(r, v, D_VALID_UNTIL);
		in->number = v[D_NUMBER];
		in->valid_until = v[D_VALID_UNTIL];
		bad += check_day(r, "valid_until", v[D_VALID_UNTIL], today, 0);
		break;
	case FLEET_DOC_INSPECTION:
		bad += need(r, v, D_VALID_UNTIL);
		in->number = v[D_NUMBER];
		in->valid_until = v[D_VALID_UNTIL];
		bad += check_day(r, "valid_until", v[D_VALID_UNTIL], today, 0);
		break;
	case FLEET_DOC_SERVICE:
		bad += need(r, v, D_DONE_ON) + need(r, v, D_DONE_KM);
		if (!v[D_EVERY_KM] && !v[D_EVERY_MONTHS] &&
		    !hdf_get_value(r->hdf, "Form.every_km.Error", NULL) &&
		    !hdf_get_value(r->hdf, "Form.every_months.Error", NULL)) {
			view_field_error(r, "every_km", "fleet_every");
			bad++;
		}
		if (v[D_DONE_KM] &&
		    strtoll(v[D_DONE_KM], NULL, 10) > odometer) {
			view_field_error(r, "done_km", "fleet_km_above");
			bad++;
		}
		in->number = v[D_NUMBER];
		in->done_on = v[D_DONE_ON];
		in->done_km = v[D_DONE_KM];
		in->every_km = v[D_EVERY_KM];
		in->every_months = v[D_EVERY_MONTHS];
		bad += check_day(r, "done_on", v[D_DONE_ON], today, 1);
		break;
	case FLEET_DOC_TYRES:
		bad += need(r, v, D_DONE_ON) + need(r, v, D_SEASON);
		in->done_on = v[D_DONE_ON];
		in->season = v[D_SEASON];
		bad += check_day(r, "done_on", v[D_DONE_ON], today, 1);
		break;
	default:
		break;
	}
	return bad;
}

static int form_page(struct req *r, int status)
{
	if (fleet_ui_options(r, "Opt.kind", "doc_kind", fleet_doc_kinds) < 0)
		return -1;
	if (status == 422)
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
	return view_render(r, status, "fleet/document-form.cs");
}

int document_new_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	const char *kind = req_query(r, "kind");
	struct row v;
	int rc = vehicle_of(r, id, 1, &v);

	if (rc)
		return rc < 0 ? -1 : 0;
	/* Renewing: the kind chosen already (a link beside the document). */
	if (kind && valid_kind(kind))
		hdf_set_value(r->hdf, "Form.kind", kind);
	hdf_set_valuef(r->hdf, "Doc.Action=/skr/fleet/vehicles/%lld/documents",
		       id);
	return form_page(r, 200);
}

struct doc_tx {
	struct req *r;
	long long vehicle_id, doc_id;
	const char *plate;
	const struct fleet_doc_in *in;
	int edit;
};

/* What the audit row says (audit.h): the document's kind, the plate and
 * the figures it has; the key names which ones ("fleet_doc_valid_done",
 * skr.audit.detail in the language files), the number last as free text
 * that may hold a '|'. */
static const char *doc_detail(struct doc_tx *t)
{
	const struct fleet_doc_in *in = t->in;
	int number = in->number && *in->number, done = in->done_on != NULL;
	const char *key = arena_printf(
		&t->r->arena, "@skr.audit.detail.fleet_doc%s%s%s%s|%s|%s",
		in->valid_until ? "_valid" : "", done ? "_done" : "",
		done && in->done_km ? "_km" : "", number ? "_number" : "",
		t->plate, in->kind);

	return arena_printf(&t->r->arena, "%s%s%s%s%s%s%s%s%s", key,
			    in->valid_until ? "|" : "",
			    in->valid_until ? in->valid_until : "",
			    done ? "|" : "", done ? in->done_on : "",
			    done && in->done_km ? "|" : "",
			    done && in->done_km ? in->done_km : "",
			    number ? "|" : "", number ? in->number : "");
}

static int doc_tx_fn(void *ctx)
{
	struct doc_tx *t = ctx;
	long long n;

	if (t->edit) {
		n = fleet_doc_update(t->doc_id, t->in);
		if (n < 0)
			return -1;
	} else if (fleet_doc_add(t->vehicle_id, t->in, &t->doc_id) < 0) {
		return -1;
	}
	return audit_log(t->r,
			 t->edit ? "fleet.document.edit" : "fleet.document.add",
			 arena_printf(&t->r->arena, "fleet_document:%lld",
				      t->doc_id),
			 doc_detail(t)) < 0
		       ? -1
		       : 0;
}

int document_add_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct fleet_doc_in in;
	struct doc_tx t = { r, id, 0, NULL, &in, 0 };
	struct row v;
	int rc = vehicle_of(r, id, 1, &v);

	if (rc)
		return rc < 0 ? -1 : 0;
	hdf_set_valuef(r->hdf, "Doc.Action=/skr/fleet/vehicles/%lld/documents",
		       id);
	if (read_doc(r, NULL, row_int(&v, "odometer_km", 0), &in))
		return form_page(r, 422);
	t.plate = row_get(&v, "plate", "");
	if (db_tx(doc_tx_fn, &t) != 0)
		return -1;
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/fleet/vehicles/%lld/documents",
				id));
}

/* The document of the URL and its vehicle, for its manager. */
static int doc_of(struct req *r, long long id, struct row *d, struct row *v)
{
	int rc = fleet_doc_get(&r->arena, id, d);

	if (rc < 0)
		return -1;
	if (rc == 0) {
		struct fleet_scope s;

		rc = fleet_ui_scope(r, &s);
		if (rc)
			return rc;
		return resp_error(r, 404, "fleet_not_found") < 0 ? -1 : 404;
	}
	rc = vehicle_of(r, row_int(d, "vehicle_id", 0), 1, v);
	if (rc)
		return rc;
	hdf_set_valuef(r->hdf, "Doc.Action=/skr/fleet/documents/%lld", id);
	hdf_set_valuef(r->hdf, "Doc.id=%lld", id);
	hdf_set_value(r->hdf, "Doc.Edit", "1");
	return 0;
}

int document_edit_fn(struct req *r)
{
	static const char *const cols[][2] = {
		{ "kind", "kind" },
		{ "number", "number" },
		{ "valid_until", "valid_until" },
		{ "every_km", "service_every_km" },
		{ "every_months", "service_every_months" },
		{ "done_on", "done_on" },
		{ "done_km", "done_km" },
		{ "season", "season" },
		{ "note", "note" },
	};
	struct row d, v;
	size_t i;
	int rc = doc_of(r, route_arg_id(r, 0), &d, &v);

	if (rc)
		return rc < 0 ? -1 : 0;
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		hdf_set_valuef(r->hdf, "Form.%s=%s", cols[i][0],
			       row_get(&d, cols[i][1], ""));
	return form_page(r, 200);
}

int document_save_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct fleet_doc_in in;
	struct doc_tx t = { r, 0, id, NULL, &in, 1 };
	struct row d, v;
	int rc = doc_of(r, id, &d, &v);

	if (rc)
		return rc < 0 ? -1 : 0;
	/* The kind of a document stays: another kind is another document. */
	if (read_doc(r, row_get(&d, "kind", ""), row_int(&v, "odometer_km", 0),
		     &in))
		return form_page(r, 422);
	t.vehicle_id = row_int(&d, "vehicle_id", 0);
	t.plate = row_get(&v, "plate", "");
	if (db_tx(doc_tx_fn, &t) != 0)
		return -1;
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/fleet/vehicles/%lld/documents",
				t.vehicle_id));
}

/* ---- the deadlines of the officer's units ---- */

static int valid_unit(const char *s)
{
	return valid_id(s) > 0;
}

static int valid_within(const char *s)
{
	return valid_number_in(s, 0, 366);
}

static int valid_flag(const char *s)
{
	return !strcmp(s, "1");
}

enum { L_UNIT, L_WITHIN, L_OVERDUE, L__MAX };
static const struct param list_params[L__MAX] = {
	{ "unit", P_QUERY, 18, NULL, valid_unit, "fleet_unit" }, /* L_UNIT */
	{ "within", P_QUERY, 3, NULL, valid_within,
	  "fleet_within" }, /* L_WITHIN */
	{ "overdue", P_QUERY, 8, NULL, valid_flag,
	  "fleet_choice" }, /* L_OVERDUE */
};

struct deadline_filter {
	long long root, unit;
	long within; /* -1 any */
	int overdue;
};

/* 0 valid, 422 (beside each bad field), 403 answered, -1 error. */
static int read_filter(struct req *r, struct deadline_filter *f)
{
	struct fleet_scope s;
	const char *v[L__MAX];
	int rc, bad;

	memset(f, 0, sizeof(*f));
	rc = fleet_ui_scope(r, &s);
	if (rc)
		return rc;
	/* A driver reads no deadlines: the managers keep them. */
	if (!s.read_root)
		return resp_error(r, 403, "fleet_doc_forbidden") < 0 ? -1 : 403;
	f->root = s.read_root;
	if (s.manage_root)
		hdf_set_value(r->hdf, "Fleet.CanManage", "1");
	bad = form_read(r, list_params, L__MAX, v);
	if (v[L_UNIT]) {
		f->unit = strtoll(v[L_UNIT], NULL, 10);
		rc = units_in_subtree(&r->arena, f->root, f->unit);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			view_field_error(r, "unit", "fleet_unit");
			bad++;
		}
	}
	f->within = v[L_WITHIN] ? strtol(v[L_WITHIN], NULL, 10) : -1;
	f->overdue = v[L_OVERDUE] != NULL;
	if (fleet_ui_unit_options(r, "Opt.unit", f->root) < 0)
		return -1;
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return 422;
	}
	return 0;
}

struct item {
	HDF *node;
	struct fleet_due d;
};

/* Most urgent first: overdue, then by days left (a km deadline as due
 * now), then by plate (the query's order, kept by a stable tie-break). */
static int item_cmp(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	long kx = x->d.state == FLEET_DUE_OVERDUE ? -100000 : 0;
	long ky = y->d.state == FLEET_DUE_OVERDUE ? -100000 : 0;

	kx += x->d.by_km ? 0 : x->d.days_left;
	ky += y->d.by_km ? 0 : y->d.days_left;
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return x->node < y->node ? -1 : x->node > y->node;
}

/* The deadlines matching f into Deadlines.N (most urgent first); the
 * count or -1. */
static int deadlines_read(struct req *r, const struct deadline_filter *f,
			  struct item **out)
{
	struct fleet_rules rules;
	struct item *items;
	long today = today_n();
	int n = 0, i = 0;
	HDF *o;

	fleet_rules_conf(&rules);
	if (fleet_deadlines_hdf(r->hdf, "All", f->root, f->unit) < 0)
		return -1;
	for (o = hdf_obj_child(hdf_get_obj(r->hdf, "All")); o;
	     o = hdf_obj_next(o))
		n++;
	items = arena_alloc(&r->arena, (size_t)(n ? n : 1) * sizeof(*items));
	if (!items)
		return -1;
	for (o = hdf_obj_child(hdf_get_obj(r->hdf, "All")); o;
	     o = hdf_obj_next(o)) {
		struct fleet_terms t;
		struct row row;

		row_of(o, &row);
		fleet_terms_of(&row, &t);
		fleet_due_of(&t, &rules, today, row_int(&row, "odometer_km", 0),
			     &items[i].d);
		if (items[i].d.state == FLEET_DUE_NONE ||
		    (f->overdue && items[i].d.state != FLEET_DUE_OVERDUE) ||
		    (f->within >= 0 && items[i].d.state != FLEET_DUE_OVERDUE &&
		     !(items[i].d.day >= 0 &&
		       items[i].d.days_left <= f->within)))
			continue;
		items[i++].node = o;
	}
	qsort(items, (size_t)i, sizeof(*items), item_cmp);
	*out = items;
	return i > LIST_MAX ? LIST_MAX : i;
}

static const char *const copy_cols[] = {
	"id",	  "vehicle_id", "plate",       "make",	  "model",  "kind",
	"number", "unit_code",	"odometer_km", "done_on", "season",
};

int deadlines_fn(struct req *r)
{
	struct deadline_filter f;
	struct item *items;
	int rc, n, i;
	size_t k;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/deadlines.cs");
	n = deadlines_read(r, &f, &items);
	if (n < 0)
		return -1;
	for (i = 0; i < n; i++) {
		const char *p = arena_printf(&r->arena, "Deadlines.%d", i);

		for (k = 0; k < sizeof(copy_cols) / sizeof(copy_cols[0]); k++)
			hdf_set_valuef(
				r->hdf, "%s.%s=%s", p, copy_cols[k],
				hdf_get_value(items[i].node, copy_cols[k], ""));
		due_set(r, p, &items[i].d);
	}
	hdf_remove_tree(r->hdf, "All");
	hdf_set_int_value(r->hdf, "List.Count", n);
	hdf_set_value(r->hdf, "List.Query", r->query ? r->query : "");
	return view_render(r, 200, "fleet/deadlines.cs");
}

static const char *const csv_head[] = {
	"Fleet.v.plate",    "Fleet.v.make",	   "Fleet.v.unit",
	"Fleet.Doc.f.kind", "Fleet.Doc.f.number",  "Fleet.Doc.due.date",
	"Fleet.Doc.due.km", "Fleet.Doc.due.state",
};

int deadlines_csv_fn(struct req *r)
{
	struct deadline_filter f;
	struct buf b = { 0 };
	struct item *items;
	char day[11];
	int rc, n, i, bad = 0;

	rc = read_filter(r, &f);
	if (rc == 403 || rc < 0)
		return rc < 0 ? -1 : 0;
	if (rc == 422)
		return view_render(r, 422, "fleet/deadlines.cs");
	n = deadlines_read(r, &f, &items);
	if (n < 0)
		return -1;
	bad = fleet_ui_csv_head(r, &b, csv_head,
				sizeof(csv_head) / sizeof(csv_head[0]));
	for (i = 0; i < n && !bad; i++) {
		HDF *o = items[i].node;
		const struct fleet_due *d = &items[i].d;

		bad = csv_cell(&b, 1, hdf_get_value(o, "plate", "")) ||
		      csv_cell(&b, 0,
			       arena_printf(&r->arena, "%s %s",
					    hdf_get_value(o, "make", ""),
					    hdf_get_value(o, "model", ""))) ||
		      csv_cell(&b, 0, hdf_get_value(o, "unit_code", "")) ||
		      csv_cell(
			      &b, 0,
			      view_text(r, arena_printf(&r->arena,
							"Fleet.doc_kind.%s",
							hdf_get_value(o, "kind",
								      "")))) ||
		      csv_cell(&b, 0, hdf_get_value(o, "number", "")) ||
		      csv_cell(&b, 0,
			       d->day >= 0 ? fleet_day_text(d->day, day)
					   : "") ||
		      (d->km >= 0 ? csv_num(&b, 0, (double)d->km, 0)
				  : csv_cell(&b, 0, "")) ||
		      csv_cell(&b, 0, due_words(r, d)) || csv_end(&b);
	}
	if (bad) {
		buf_free(&b);
		return -1;
	}
	return fleet_ui_csv_send(r, &b, "deadlines");
}
