/* staff.c: staff accounts and their roles: the counts and lists other
 * modules' pages show */
#include "staff.h"

#include "db.h"

static struct sql q_find_signin = SQL(
	"SELECT id, full_name, email, pwhash, disabled FROM staff"
	" WHERE login = ?");
static struct sql q_count = SQL(
	"SELECT unit_id, COUNT(*) AS n FROM staff WHERE disabled = 0"
	" GROUP BY unit_id");

int staff_find_signin(struct arena *a, const char *login, struct row *row)
{
	return db_get(a, &q_find_signin, row, "s", login);
}

struct count_ctx {
	HDF *hdf;
	const char *prefix;
	int failed;
};

static int count_cb(const struct row *row, void *ctx)
{
	struct count_ctx *c = ctx;
	NEOERR *err = hdf_set_valuef(c->hdf, "%s.%s=%s", c->prefix,
				     row_get(row, "unit_id", "0"),
				     row_get(row, "n", "0"));

	if (err) {
		nerr_ignore(&err);
		c->failed = 1;
		return 1;
	}
	return 0;
}

int staff_count_hdf(HDF *hdf, const char *prefix)
{
	struct count_ctx c = { hdf, prefix, 0 };

	if (db_each(&q_count, count_cb, &c, "") < 0 || c.failed)
		return -1;
	return 0;
}
