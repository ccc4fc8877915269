/* crossings.c: look-ups of the crossings: by id or code, eBT's lists, the
 * branch that runs one, the crossings an officer's unit sees */
#include "crossings.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "epochs.h"
#include "kept.h"
#include "units.h"

#define CROSSING_COLS                                                      \
	"id, unit_id, node_id, code, name_pl, name_en, ebt, horizon_days," \
	" change_deadline_min, arrive_before_min, arrive_after_min,"       \
	" noshow_delay_min, lanes, slots_until"

static struct sql q_get = SQL("SELECT " CROSSING_COLS
			      " FROM crossing WHERE id = ?");
static struct sql q_by_code = SQL("SELECT " CROSSING_COLS
				  " FROM crossing WHERE code = ?");
static struct sql q_hdf = SQL(
	"SELECT id, code, name_pl, name_en, to_country, unit_id, horizon_days,"
	" change_deadline_min, arrive_before_min, arrive_after_min,"
	" noshow_delay_min, lanes FROM crossing"
	" WHERE id = ? AND (ebt = 1 OR ? = 0)");
static struct sql q_run_by = SQL(
	"SELECT 1 FROM crossing WHERE id = ? AND unit_id = ? AND ebt = 1");
static struct sql q_ebt = SQL(
	"SELECT id, code, name_pl, name_en, horizon_days FROM crossing"
	" WHERE ebt = 1 ORDER BY id");
static struct sql q_ebt_options = SQL(
	"SELECT id AS Value, CASE ? WHEN 'code' THEN code WHEN 'en' THEN name_en"
	" ELSE name_pl END AS Label FROM crossing WHERE ebt = 1 ORDER BY id");
static struct sql q_ebt_of_unit = SQL(
	"SELECT id, code, name_pl, name_en FROM crossing WHERE unit_id = ?"
	" AND ebt = 1 ORDER BY id");
static struct sql q_ebt_ids = SQL(
	"SELECT id FROM crossing WHERE ebt = 1 ORDER BY id");
static struct sql q_codes_of_units = SQL(
	"SELECT code FROM crossing WHERE FIND_IN_SET(unit_id, ?) ORDER BY code");
static struct sql q_code_options = SQL(
	"SELECT code AS Value, IF(? = 'en', name_en, name_pl) AS Label"
	" FROM crossing WHERE FIND_IN_SET(code, ?) ORDER BY Label");
static struct sql q_of_codes = SQL(
	"SELECT id, code, IF(? = 'en', name_en, name_pl) AS name, ebt,"
	" unit_id = ? AS own FROM crossing WHERE FIND_IN_SET(code, ?)"
	" ORDER BY name, code");
static struct sql q_names = SQL(
	"SELECT code, IF(? = 'en', name_en, name_pl) AS name FROM crossing");

static void fill(const struct row *row, struct crossing *c)
{
	c->id = row_int(row, "id", 0);
	c->unit_id = row_int(row, "unit_id", 0);
	c->node_id = row_int(row, "node_id", 0); /* NULL: the centre, 0 */
	snprintf(c->code, sizeof(c->code), "%s", row_get(row, "code", ""));
	snprintf(c->name_pl, sizeof(c->name_pl), "%s",
		 row_get(row, "name_pl", ""));
	snprintf(c->name_en, sizeof(c->name_en), "%s",
		 row_get(row, "name_en", ""));
	c->ebt = row_int(row, "ebt", 0) == 1;
	c->horizon = (int)row_int(row, "horizon_days", 30);
	c->deadline = (int)row_int(row, "change_deadline_min", 120);
	c->before = (int)row_int(row, "arrive_before_min", 120);
	c->after = (int)row_int(row, "arrive_after_min", 60);
	c->noshow = (int)row_int(row, "noshow_delay_min", 60);
	c->lanes = (int)row_int(row, "lanes", 4);
	snprintf(c->slots_until, sizeof(c->slots_until), "%s",
		 row_get(row, "slots_until", ""));
}

/* Each worker keeps the crossings it read by id for a second, and only
 * while EPOCH_SLOTS stands still (kept.h; nothing read inside a
 * transaction): a booking reads its crossing several times a request. Every writer of the table bumps it after the commit
 * (crossings_configure, crossings_slots_made; by hand: zsog-admin
 * flush-caches). */
#define CACHE_SIZE 16
#define CACHE_MS 1000
static struct {
	struct crossing c;
	struct kept k;
} cache[CACHE_SIZE];

static int cached(long long id, struct crossing *c)
{
	int k = (int)(id % CACHE_SIZE);

	if (id <= 0 || cache[k].c.id != id || !kept_good(&cache[k].k))
		return 0;
	*c = cache[k].c;
	return 1;
}

static void keep(const struct crossing *c, const struct kept_stamp *s)
{
	int k = (int)(c->id % CACHE_SIZE);

	if (c->id <= 0 || !kept_may(s, CACHE_MS))
		return;
	cache[k].c = *c;
	kept_set(&cache[k].k, s, CACHE_MS);
}

static int load(struct sql *q, const char *fmt, long long id, const char *code,
		struct crossing *c)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	memset(c, 0, sizeof(*c));
	rc = fmt[0] == 'i' ? db_get(&a, q, &row, fmt, id)
			   : db_get(&a, q, &row, fmt, code);
	if (rc == 1)
		fill(&row, c);
	arena_reset(&a);
	return rc;
}

int crossings_get(long long id, struct crossing *c)
{
	struct kept_stamp s;
	int rc;

	if (cached(id, c))
		return 1;
	s = kept_note(EPOCH_BIT(EPOCH_SLOTS));
	rc = load(&q_get, "i", id, NULL, c);
	if (rc == 1)
		keep(c, &s);
	return rc;
}

int crossings_by_code(const char *code, struct crossing *c)
{
	return load(&q_by_code, "s", 0, code ? code : "", c);
}

int crossings_hdf(long long id, int ebt_only, HDF *hdf, const char *prefix)
{
	struct arena a = { 0 };
	struct row row;
	int rc = db_get(&a, &q_hdf, &row, "ii", id, (long long)(ebt_only != 0));

	if (rc == 1)
		for (int i = 0; i < row.n; i++)
			if (row.v[i])
				hdf_set_valuef(hdf, "%s.%s=%s", prefix,
					       row.name[i], row.v[i]);
	arena_reset(&a);
	return rc;
}

int crossings_run_by(long long id, long long unit_id)
{
	struct arena a = { 0 };
	struct row row;
	int rc = db_get(&a, &q_run_by, &row, "ii", id, unit_id);

	arena_reset(&a);
	return rc;
}

int crossings_ebt_list(HDF *hdf, const char *prefix)
{
	return db_select_hdf(&q_ebt, hdf, prefix, "");
}

int crossings_ebt_options(const char *label, HDF *hdf, const char *prefix)
{
	return db_select_hdf(&q_ebt_options, hdf, prefix, "s", label);
}

int crossings_ebt_of_unit(long long unit_id, HDF *hdf, const char *prefix)
{
	return db_select_hdf(&q_ebt_of_unit, hdf, prefix, "i", unit_id);
}

struct ids {
	long long *ids;
	int n, max;
};

static int id_cb(const struct row *row, void *ctx)
{
	struct ids *x = ctx;

	if (x->n >= x->max)
		return 1;
	x->ids[x->n++] = row_int(row, "id", 0);
	return 0;
}

int crossings_ebt_ids(long long *ids, int n)
{
	struct ids x = { ids, 0, n };

	return db_each(&q_ebt_ids, id_cb, &x, "") < 0 ? -1 : x.n;
}

struct codes {
	struct buf b;
	int failed;
};

static int code_cb(const struct row *row, void *ctx)
{
	struct codes *x = ctx;

	x->failed = buf_printf(&x->b, "%s%s", x->b.len ? "," : "",
			       row_get(row, "code", "")) < 0;
	return x->failed;
}

const char *crossings_subtree_codes(struct arena *a, long long unit_id)
{
	const char *units = units_subtree(a, unit_id), *codes = NULL;
	struct codes x = { { 0 }, 0 };

	if (!units)
		return NULL;
	/* Joined here, not by GROUP_CONCAT, which stops at 1024 bytes. */
	if (db_each(&q_codes_of_units, code_cb, &x, "s", units) >= 0 &&
	    !x.failed)
		codes = arena_strdup(a, x.b.p ? x.b.p : "");
	buf_free(&x.b);
	return codes;
}

int crossings_code_options(const char *codes, const char *lang, HDF *hdf,
			   const char *prefix)
{
	return db_select_hdf(&q_code_options, hdf, prefix, "ss", lang, codes);
}

int crossings_of_codes_hdf(const char *codes, const char *lang,
			   long long unit_id, HDF *hdf, const char *prefix)
{
	return db_select_hdf(&q_of_codes, hdf, prefix, "sis", lang, unit_id,
			     codes);
}

struct names {
	HDF *hdf;
	const char *prefix;
};

static int name_cb(const struct row *row, void *ctx)
{
	struct names *x = ctx;
	char path[256];
	NEOERR *err;

	snprintf(path, sizeof(path), "%s.%s", x->prefix,
		 row_get(row, "code", ""));
	err = hdf_set_value(x->hdf, path, row_get(row, "name", ""));
	if (err) {
		nerr_ignore(&err);
		return 1;
	}
	return 0;
}

int crossings_names_hdf(const char *lang, HDF *hdf, const char *prefix)
{
	struct names x = { hdf, prefix };

	/* A handful of rows: cheaper than asking per row of a list. */
	return db_each(&q_names, name_cb, &x, "s", lang) < 0 ? -1 : 0;
}
