/* risk_profile.c: risk profiles and their versions: create, save a new
 * version, list, read, the life cycle and the four-eyes approval */
#include "risk_profile.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "crossings.h"
#include "epoch.h"
#include "epochs.h"
#include "staff.h"

const char *const risk_lane_kinds[] = {
	"car",	"truck",    "bus",	    "pedestrian",
	"rail", "terminal", "waiting_zone", NULL,
};

static struct sql q_insert = SQL(
	"INSERT INTO risk_profile (name, author_id, state, created_at, changed_at)"
	" VALUES (?, ?, 'draft', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
static struct sql q_version = SQL(
	"INSERT INTO risk_profile_version (profile_id, no, rule_text, weight, fixed,"
	" random_per_mille, crossings, lane_kinds, valid_from, valid_to,"
	" created_by, created_at)"
	" SELECT ?, COALESCE(MAX(no), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" UTC_TIMESTAMP()"
	" FROM risk_profile_version WHERE profile_id = ?");
static struct sql q_point = SQL(
	"UPDATE risk_profile SET name = ?, version_id = ?, changed_at = UTC_TIMESTAMP()"
	" WHERE id = ?");
static struct sql q_lock = SQL(
	"SELECT p.state, p.version_id, v.created_by FROM risk_profile p"
	" JOIN risk_profile_version v ON v.id = p.version_id"
	" WHERE p.id = ? FOR UPDATE");
static struct sql q_list = SQL(
	"SELECT p.id, p.name, p.state, p.author_id, v.no AS version_no,"
	" a.no AS active_no, DATE_FORMAT(p.changed_at, '%Y-%m-%d %H:%i') AS changed_at,"
	" v.fixed, v.weight FROM risk_profile p"
	" JOIN risk_profile_version v ON v.id = p.version_id"
	" LEFT JOIN risk_profile_version a ON a.id = p.active_version_id"
	" ORDER BY FIELD(p.state, 'active', 'testing', 'draft', 'retired'), p.name"
	" LIMIT 500");
static struct sql q_get = SQL(
	"SELECT p.id, p.name, p.state, p.author_id,"
	" v.id AS version_id, v.no AS version_no, v.rule_text, v.weight, v.fixed,"
	" " RISK_RATE_PCT(
		"v.random_per_mille") " AS random_pct, v.crossings, v.lane_kinds, v.valid_from, v.valid_to,"
				      " v.created_by AS version_by,"
				      " p.active_version_id, DATE_FORMAT(p.created_at, '%Y-%m-%d %H:%i') AS created_at,"
				      " DATE_FORMAT(p.changed_at, '%Y-%m-%d %H:%i') AS changed_at"
				      " FROM risk_profile p JOIN risk_profile_version v ON v.id = p.version_id"
				      " WHERE p.id = ?");
static struct sql q_versions = SQL(
	"SELECT v.id, v.no, v.rule_text, v.weight, v.fixed,"
	" " RISK_RATE_PCT(
		"v.random_per_mille") " AS random_pct, v.crossings, v.lane_kinds,"
				      " v.valid_from, v.valid_to, v.created_by AS created_by_id,"
				      " DATE_FORMAT(v.created_at, '%Y-%m-%d %H:%i') AS created_at,"
				      " a.approved_by AS approved_by_id,"
				      " DATE_FORMAT(a.approved_at, '%Y-%m-%d %H:%i') AS approved_at"
				      " FROM risk_profile_version v"
				      " LEFT JOIN risk_approval a ON a.version_id = v.id"
				      " WHERE v.profile_id = ? ORDER BY v.no DESC LIMIT 200");
static struct sql q_move = SQL(
	"UPDATE risk_profile SET state = ?, changed_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND state = ?");
/* The writer never approves their own version: the database says so too. */
static struct sql q_approve = SQL(
	"INSERT INTO risk_approval (version_id, approved_by, approved_at)"
	" SELECT v.id, ?, UTC_TIMESTAMP() FROM risk_profile_version v"
	" WHERE v.id = ? AND v.created_by <> ?");
static struct sql q_activate = SQL(
	"UPDATE risk_profile SET state = 'active', active_version_id = version_id,"
	" changed_at = UTC_TIMESTAMP() WHERE id = ? AND state = 'testing'");

static size_t scope_list(const char *in, char *out, size_t outsz, int lanes)
{
	char item[32];
	size_t n = 0, k;

	if (!in || outsz == 0)
		return 0;
	out[0] = '\0';
	while (*in) {
		while (*in == ',' || *in == ' ' || *in == '\t')
			in++;
		if (!*in)
			break;
		for (k = 0; *in && *in != ',' && *in != ' ' && *in != '\t';
		     in++) {
			if (k + 1 >= sizeof(item))
				return 0;
			item[k++] = *in;
		}
		item[k] = '\0';
		if (lanes) {
			int found = 0;

			for (int i = 0; risk_lane_kinds[i]; i++)
				if (!strcasecmp(item, risk_lane_kinds[i])) {
					strcpy(item, risk_lane_kinds[i]);
					found = 1;
				}
			if (!found)
				return 0;
		} else {
			struct crossing x;

			/* a crossing code: 2 to 8 letters or digits */
			if (k < 2 || k > 8)
				return 0;
			for (size_t i = 0; i < k; i++) {
				char c = item[i];

				if (c >= 'a' && c <= 'z')
					item[i] = c - 'a' + 'A';
				else if (!((c >= 'A' && c <= 'Z') ||
					   (c >= '0' && c <= '9') || c == '-'))
					return 0;
			}
			/* and a crossing's */
			if (crossings_by_code(item, &x) != 1)
				return 0;
		}
		if (n + k + 2 > outsz)
			return 0;
		n += (size_t)snprintf(out + n, outsz - n, "%s%s", n ? "," : "",
				      item);
	}
	return n;
}

size_t risk_scope_crossings(const char *in, char *out, size_t outsz)
{
	return scope_list(in, out, outsz, 0);
}

size_t risk_scope_lane_kinds(const char *in, char *out, size_t outsz)
{
	return scope_list(in, out, outsz, 1);
}

static long long add_version(long long id, const struct risk_profile_in *in,
			     long long by)
{
	char weight[24], rate[24];

	/* a fixed decision stores no weight, no rate none: NULL, bound as a
	 * string */
	snprintf(weight, sizeof(weight), "%lld", in->weight);
	snprintf(rate, sizeof(rate), "%d", in->random_per_mille);
	if (db_exec(&q_version, "issssssssii", id, in->rule,
		    in->fixed ? NULL : weight, in->fixed,
		    in->random_per_mille >= 0 ? rate : NULL, in->crossings,
		    in->lane_kinds, in->valid_from, in->valid_to, by, id) != 1)
		return -1;
	return db_insert_id(&q_version);
}

struct create_tx {
	const struct risk_profile_in *in;
	long long by, id;
};

static int create_run(void *ctx)
{
	struct create_tx *c = ctx;
	long long v;

	if (db_exec(&q_insert, "si", c->in->name, c->by) != 1)
		return db_duplicate() ? -2 : -1;
	c->id = db_insert_id(&q_insert);
	if ((v = add_version(c->id, c->in, c->by)) <= 0)
		return -1;
	if (db_exec(&q_point, "sii", c->in->name, v, c->id) != 1)
		return -1;
	return 0;
}

/* A weight is stored only without a fixed decision (the table checks it). */
static struct risk_profile_in stored(const struct risk_profile_in *in)
{
	struct risk_profile_in s = *in;

	if (s.fixed)
		s.weight = 0;
	return s;
}

long long risk_profile_create(const struct risk_profile_in *in, long long by)
{
	struct risk_profile_in s = stored(in);
	struct create_tx c = { &s, by, 0 };
	int rc;

	if (!s.fixed && s.weight <= 0)
		return -1;
	rc = db_tx(create_run, &c);
	return rc ? rc : c.id;
}

struct save_tx {
	long long id;
	const struct risk_profile_in *in;
	long long by;
};

static int save_run(void *ctx)
{
	struct save_tx *s = ctx;
	struct arena a = { 0 };
	struct row row;
	const char *state;
	long long v;
	int rc = db_get(&a, &q_lock, &row, "i", s->id);

	if (rc != 1) {
		rc = rc < 0 ? -1 : 1; /* none: refused like a wrong state */
		goto out;
	}
	state = row_get(&row, "state", "");
	if (strcmp(state, "draft") && strcmp(state, "testing")) {
		rc = 1; /* refused, nothing written */
		goto out;
	}
	rc = -1;
	if ((v = add_version(s->id, s->in, s->by)) <= 0)
		goto out;
	if (db_exec(&q_point, "sii", s->in->name, v, s->id) < 0) {
		rc = db_duplicate() ? -2 : -1;
		goto out;
	}
	rc = 0;
out:
	arena_reset(&a);
	return rc;
}

int risk_profile_save(long long id, const struct risk_profile_in *in,
		      long long by)
{
	struct risk_profile_in st = stored(in);
	struct save_tx s = { id, &st, by };
	int rc;

	if (!st.fixed && st.weight <= 0)
		return -1;
	rc = db_tx(save_run, &s);
	/* a testing profile is evaluated in its newest version */
	if (rc == 0) {
		epoch_bump(EPOCH_RISK);
		return 1;
	}
	return rc == 1 ? 0 : rc;
}

/* Officers' names come from their module, one query per list. */
int risk_profile_list_hdf(HDF *hdf, const char *prefix)
{
	if (db_select_hdf(&q_list, hdf, prefix, "") < 0)
		return -1;
	return staff_names_hdf(hdf, prefix, "author_id", "author");
}

int risk_profile_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

int risk_profile_versions_hdf(HDF *hdf, const char *prefix, long long id)
{
	if (db_select_hdf(&q_versions, hdf, prefix, "i", id) < 0 ||
	    staff_names_hdf(hdf, prefix, "created_by_id", "created_by") < 0 ||
	    staff_names_hdf(hdf, prefix, "approved_by_id", "approved_by") < 0)
		return -1;
	return 0;
}

void risk_profile_can(const char *state, long long writer, long long me,
		      struct risk_profile_can *c)
{
	memset(c, 0, sizeof(*c));
	c->own = writer == me;
	if (!state)
		return;
	if (!strcmp(state, "draft")) {
		c->edit = c->test = 1;
	} else if (!strcmp(state, "testing")) {
		c->edit = c->draft = c->backtest = 1;
		c->approve = !c->own;
	} else if (!strcmp(state, "active")) {
		c->retire = 1;
	}
}

int risk_profile_move(long long id, const char *from, const char *to)
{
	static const char *const allowed[][2] = {
		{ "draft", "testing" },
		{ "testing", "draft" },
		{ "active", "retired" },
	};
	long long n;
	size_t i;

	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (!strcmp(from, allowed[i][0]) && !strcmp(to, allowed[i][1]))
			break;
	if (i == sizeof(allowed) / sizeof(allowed[0]))
		return 0;
	if ((n = db_exec(&q_move, "sis", to, id, from)) < 0)
		return -1;
	/* a retired profile stops deciding, a testing one starts or stops
	 * its shadow evaluation, at once in every worker */
	if (n > 0)
		epoch_bump(EPOCH_RISK);
	return n > 0;
}

struct approve_tx {
	long long id, by;
};

static int approve_run(void *ctx)
{
	struct approve_tx *t = ctx;
	struct arena a = { 0 };
	struct row row;
	long long n;
	int rc = db_get(&a, &q_lock, &row, "i", t->id);

	if (rc != 1) {
		rc = rc < 0 ? -1 : 1; /* none: refused like a wrong state */
		goto out;
	}
	if (strcmp(row_get(&row, "state", ""), "testing"))
		goto out;
	rc = 2;
	if (row_int(&row, "created_by", 0) == t->by)
		goto out;
	rc = -1;
	n = db_exec(&q_approve, "iii", t->by, row_int(&row, "version_id", 0),
		    t->by);
	if (n != 1) {
		if (n == 0)
			rc = 2;
		goto out;
	}
	if (db_exec(&q_activate, "i", t->id) != 1)
		goto out;
	epoch_bump(EPOCH_RISK);
	rc = 0;
out:
	arena_reset(&a);
	return rc;
}

int risk_profile_approve(long long id, long long by)
{
	struct approve_tx t = { id, by };
	int rc = db_tx(approve_run, &t);

	if (rc == 0)
		return 1;
	if (rc == 2)
		return -2;
	return rc == 1 ? 0 : -1;
}
