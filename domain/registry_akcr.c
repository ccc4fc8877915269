/* registry_akcr.c: AKC-R, the company's excise registration: the request
 * an application carries, applying it on approval, ending it with the
 * company, and reading it for the pages and the XML status service */
#include "registry_akcr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry_int.h"
#include "registry_records.h"
#include "req.h"

/* The activities of art. 16 of the Excise Duty Act a company registers
 * (docs/ecustomer.md, "AKC-R"): the codes are stored, the language files
 * give the words. */
const char *const registry_akcr_activities[] = {
	"tax_warehouse",	 /* skład podatkowy */
	"registered_consignee",	 /* zarejestrowany odbiorca */
	"temporary_consignee",	 /* tymczasowo zarejestrowany odbiorca */
	"registered_consignor",	 /* zarejestrowany wysyłający */
	"intermediary",		 /* pośredniczący podmiot handlowy */
	"exempt_user",		 /* podmiot zużywający (zwolnienie) */
	"intermediate_consumer", /* zużycie wyrobów pośrednich */
	"importer",		 /* importer */
	"intra_eu_acquirer",	 /* nabycie wewnątrzwspólnotowe */
	NULL,
};

static struct sql q_reg = SQL(
	"SELECT number, status, start_date, approved_at, ended_at"
	" FROM excise_registration WHERE company_id = ?");
static struct sql q_reg_lock = SQL(
	"SELECT number, status, DATE_FORMAT(start_date, '%Y-%m-%d') AS start"
	" FROM excise_registration WHERE company_id = ? FOR UPDATE");
static struct sql q_reg_insert = SQL(
	"INSERT INTO excise_registration (company_id, number, status,"
	" start_date, approved_at) VALUES (?, ?, 'active', ?, UTC_TIMESTAMP())");
static struct sql q_reg_start = SQL(
	"UPDATE excise_registration SET start_date = ? WHERE company_id = ?");
static struct sql q_reg_end = SQL(
	"UPDATE excise_registration SET status = 'ended',"
	" ended_at = UTC_TIMESTAMP() WHERE company_id = ? AND status = 'active'");
static struct sql q_acts = SQL(
	"SELECT code FROM excise_activity WHERE company_id = ? ORDER BY code");
static struct sql q_acts_del = SQL(
	"DELETE FROM excise_activity WHERE company_id = ?");
static struct sql q_act_insert = SQL(
	"INSERT INTO excise_activity (company_id, code) VALUES (?, ?)");
static struct sql q_places = SQL(
	"SELECT town, postcode, street, house_no FROM excise_place"
	" WHERE company_id = ? ORDER BY id");
static struct sql q_places_del = SQL(
	"DELETE FROM excise_place WHERE company_id = ?");
static struct sql q_place_insert = SQL(
	"INSERT INTO excise_place (company_id, town, postcode, street,"
	" house_no) VALUES (?, ?, ?, ?, ?)");
static struct sql q_get = SQL(
	"SELECT r.number, r.status,"
	" DATE_FORMAT(r.start_date, '%Y-%m-%d') AS start,"
	" (SELECT GROUP_CONCAT(a.code ORDER BY a.code SEPARATOR ',')"
	"  FROM excise_activity a WHERE a.company_id = r.company_id) AS acts"
	" FROM excise_registration r WHERE r.company_id = ?");
static struct sql q_pending = SQL(
	"SELECT COUNT(*) AS n FROM application WHERE kind = 'akcr'"
	" AND subject_id = ? AND status IN ('submitted', 'under_review')");
static struct sql q_notice = SQL(
	"SELECT a.kind, a.payload, c.id, c.name, c.contact_email, r.number"
	" FROM application a JOIN company c ON c.id = a.subject_id"
	" LEFT JOIN excise_registration r ON r.company_id = c.id"
	" WHERE a.id = ? AND a.kind IN ('company', 'akcr')");

int registry_akcr_is_activity(const char *code)
{
	const char *const *a;

	for (a = registry_akcr_activities; code && *a; a++)
		if (strcmp(*a, code) == 0)
			return 1;
	return 0;
}

/* "p<N>_<what>" with N in 1..AKCR_PLACES_MAX: the place's slot (0-based)
 * and *what, or -1. */
static int place_field(const char *name, const char **what)
{
	if (name[0] != 'p' || name[1] < '1' ||
	    name[1] > '0' + AKCR_PLACES_MAX || name[2] != '_')
		return -1;
	*what = name + 3;
	return name[1] - '1';
}

int registry_akcr_parse(struct arena *ar, const char *payload,
			struct akcr_request *req)
{
	struct field *f = NULL; /* the parser appends to f[0..n) */
	size_t n = 0, i;
	int k;

	memset(req, 0, sizeof(*req));
	if (!payload)
		return 0;
	if (req_parse_urlencoded(ar, payload, strlen(payload), &f, &n))
		return -1;
	for (i = 0; i < n; i++) {
		const char *what, *v = f[i].value;
		struct akcr_place *p;

		if (strcmp(f[i].name, "akcr_start") == 0) {
			req->start = v;
		} else if (strcmp(f[i].name, "activity") == 0) {
			if (req->nactivity < 16)
				req->activity[req->nactivity++] = v;
		} else if ((k = place_field(f[i].name, &what)) >= 0) {
			p = &req->place[k];
			if (strcmp(what, "town") == 0)
				p->town = v;
			else if (strcmp(what, "postcode") == 0)
				p->postcode = v;
			else if (strcmp(what, "street") == 0)
				p->street = *v ? v : NULL;
			else if (strcmp(what, "house_no") == 0)
				p->house_no = v;
			if (k + 1 > req->nplace)
				req->nplace = k + 1;
		}
	}
	return req->start ? 1 : 0;
}

void registry_akcr_request_hdf(HDF *hdf, const char *prefix,
			       const struct akcr_request *req)
{
	int i;

	hdf_set_valuef(hdf, "%s.start=%s", prefix, req->start);
	for (i = 0; i < req->nactivity; i++)
		hdf_set_valuef(hdf, "%s.Activity.%d.code=%s", prefix, i,
			       req->activity[i]);
	for (i = 0; i < req->nplace; i++) {
		const struct akcr_place *p = &req->place[i];

		hdf_set_valuef(hdf, "%s.Place.%d.town=%s", prefix, i,
			       p->town ? p->town : "");
		hdf_set_valuef(hdf, "%s.Place.%d.postcode=%s", prefix, i,
			       p->postcode ? p->postcode : "");
		if (p->street)
			hdf_set_valuef(hdf, "%s.Place.%d.street=%s", prefix, i,
				       p->street);
		hdf_set_valuef(hdf, "%s.Place.%d.house_no=%s", prefix, i,
			       p->house_no ? p->house_no : "");
	}
}

int registry_akcr_picture(HDF *hdf, const char *prefix, long long company)
{
	char at[96];
	int rc = db_select_hdf(&q_reg, hdf, prefix, "i", company);

	if (rc <= 0)
		return rc;
	snprintf(at, sizeof(at), "%s.0.Activity", prefix);
	if (db_select_hdf(&q_acts, hdf, at, "i", company) < 0)
		return -1;
	snprintf(at, sizeof(at), "%s.0.Place", prefix);
	return db_select_hdf(&q_places, hdf, at, "i", company) < 0 ? -1 : 1;
}

struct collect {
	struct arena *ar;
	struct akcr_request *req;
};

static int act_row(const struct row *row, void *ctx)
{
	struct collect *c = ctx;

	if (c->req->nactivity < 16)
		c->req->activity[c->req->nactivity++] = arena_strdup(
			c->ar, row_get(row, "code", ""));
	return 0;
}

static int place_row(const struct row *row, void *ctx)
{
	struct collect *c = ctx;
	struct akcr_place *p;
	const char *street = row_get(row, "street", NULL);

	if (c->req->nplace >= AKCR_PLACES_MAX)
		return 0;
	p = &c->req->place[c->req->nplace++];
	p->town = arena_strdup(c->ar, row_get(row, "town", ""));
	p->postcode = arena_strdup(c->ar, row_get(row, "postcode", ""));
	p->street = street ? arena_strdup(c->ar, street) : NULL;
	p->house_no = arena_strdup(c->ar, row_get(row, "house_no", ""));
	return 0;
}

/* The activities and places on record into req (after memset). */
static int current_lists(struct arena *ar, long long company,
			 struct akcr_request *req)
{
	struct collect c = { ar, req };

	if (db_each(&q_acts, act_row, &c, "i", company) < 0 ||
	    db_each(&q_places, place_row, &c, "i", company) < 0)
		return -1;
	return 0;
}

int registry_akcr_current(struct arena *ar, long long company,
			  struct akcr_request *req, const char **status)
{
	struct row row;
	int rc;

	memset(req, 0, sizeof(*req));
	*status = NULL;
	rc = db_get(ar, &q_get, &row, "i", company);
	if (rc <= 0)
		return rc;
	req->start = row_get(&row, "start", NULL);
	*status = row_get(&row, "status", NULL);
	return current_lists(ar, company, req) < 0 ? -1 : 1;
}

int registry_akcr_pending(long long company)
{
	struct arena ar = { 0 };
	struct row row;
	int rc = db_get(&ar, &q_pending, &row, "i", company);

	if (rc == 1)
		rc = row_int(&row, "n", 0) > 0;
	arena_reset(&ar);
	return rc;
}

/* A place as one line of history: "Składowa 3, 10-001 Olsztyn". */
static const char *place_line(struct arena *ar, const struct akcr_place *p)
{
	return arena_printf(ar, "%s%s%s, %s %s", p->street ? p->street : "",
			    p->street ? " " : "", p->house_no, p->postcode,
			    p->town);
}

static int has_line(const char *const *lines, int n, const char *line)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(lines[i], line) == 0)
			return 1;
	return 0;
}

/* History of a list's change: what went (old value) and what came (new). */
static int history_lists(const struct registry_actor *by, long long company,
			 const char *field, const char *const *was, int nwas,
			 const char *const *now, int nnow)
{
	int i;

	for (i = 0; i < nwas; i++)
		if (!has_line(now, nnow, was[i]) &&
		    registry_history(by, "company", company, field, was[i],
				     NULL))
			return -1;
	for (i = 0; i < nnow; i++)
		if (!has_line(was, nwas, now[i]) &&
		    registry_history(by, "company", company, field, NULL,
				     now[i]))
			return -1;
	return 0;
}

/* The registration's row: a new one with a number from the sequence, or
 * the start date of one on record changed. */
static int apply_row(struct arena *ar, const struct registry_actor *by,
		     long long company, const char *start)
{
	struct row reg;
	char *number;
	long long n;
	int rc = db_get(ar, &q_reg_lock, &reg, "i", company);

	if (rc < 0)
		return -1;
	if (rc == 1) {
		const char *was = row_get(&reg, "start", "");

		if (strcmp(row_get(&reg, "status", ""), "active") != 0)
			return APP_NOT_ACTIVE;
		if (strcmp(was, start) == 0)
			return APP_OK;
		if (db_exec(&q_reg_start, "si", start, company) < 0 ||
		    registry_history(by, "company", company, "akcr_start", was,
				     start))
			return -1;
		return APP_OK;
	}
	/* The first registration: a number never handed out before. */
	number = arena_alloc(ar, 14);
	n = registry_next_in(ar, "akcr");
	if (!number || n < 0 || registry_akcr_number(n, number) < 0 ||
	    db_exec(&q_reg_insert, "iss", company, number, start) != 1 ||
	    registry_history(by, "company", company, "akcr_number", NULL,
			     number) ||
	    registry_history(by, "company", company, "akcr_status", NULL,
			     "active") ||
	    registry_history(by, "company", company, "akcr_start", NULL, start))
		return -1;
	return APP_OK;
}

int registry_akcr_apply(struct arena *ar, const struct registry_actor *by,
			long long company, const struct akcr_request *req)
{
	struct akcr_request was;
	const char *old_lines[AKCR_PLACES_MAX], *new_lines[AKCR_PLACES_MAX];
	int rc = apply_row(ar, by, company, req->start), i;

	if (rc != APP_OK)
		return rc;
	memset(&was, 0, sizeof(was));
	if (current_lists(ar, company, &was) < 0 ||
	    history_lists(by, company, "akcr_activity", was.activity,
			  was.nactivity, req->activity, req->nactivity))
		return -1;
	for (i = 0; i < was.nplace; i++)
		old_lines[i] = place_line(ar, &was.place[i]);
	for (i = 0; i < req->nplace; i++)
		new_lines[i] = place_line(ar, &req->place[i]);
	if (history_lists(by, company, "akcr_place", old_lines, was.nplace,
			  new_lines, req->nplace))
		return -1;
	/* The request is the whole new list: what it leaves out goes. */
	if (db_exec(&q_acts_del, "i", company) < 0 ||
	    db_exec(&q_places_del, "i", company) < 0)
		return -1;
	for (i = 0; i < req->nactivity; i++)
		if (db_exec(&q_act_insert, "is", company, req->activity[i]) !=
		    1)
			return -1;
	for (i = 0; i < req->nplace; i++) {
		const struct akcr_place *p = &req->place[i];

		if (db_exec(&q_place_insert, "issss", company, p->town,
			    p->postcode, p->street, p->house_no) != 1)
			return -1;
	}
	return APP_OK;
}

int registry_akcr_end(const struct registry_actor *by, long long company)
{
	long long n = db_exec(&q_reg_end, "i", company);

	if (n < 0)
		return -1;
	if (n == 0)
		return 0; /* none, or ended already */
	return registry_history(by, "company", company, "akcr_status", "active",
				"ended");
}

int registry_akcr_get(struct arena *ar, long long company,
		      struct registry_akcr *out)
{
	struct row row;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_get(ar, &q_get, &row, "i", company);
	if (rc <= 0)
		return rc;
	out->number = row_get(&row, "number", NULL);
	out->status = row_get(&row, "status", NULL);
	out->start_date = row_get(&row, "start", NULL);
	out->activities = row_get(&row, "acts", "");
	return 1;
}

int registry_akcr_notice(struct arena *ar, long long app, struct akcr_notice *n)
{
	struct akcr_request req;
	struct row row;
	int rc;

	memset(n, 0, sizeof(*n));
	rc = db_get(ar, &q_notice, &row, "i", app);
	if (rc <= 0)
		return rc;
	/* A company's registration asks for AKC-R only when its payload
	 * carries the request; an akcr application always does. */
	if (strcmp(row_get(&row, "kind", ""), "akcr") != 0 &&
	    registry_akcr_parse(ar, row_get(&row, "payload", NULL), &req) != 1)
		return 0;
	n->company_id = row_int(&row, "id", 0);
	n->company = row_get(&row, "name", "");
	n->email = row_get(&row, "contact_email", "");
	n->number = row_get(&row, "number", NULL);
	return 1;
}
