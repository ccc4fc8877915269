/* staff.c: staff accounts and their roles: the counts and lists other
 * modules' pages show */
#include "staff.h"

#include "db.h"
#include "units.h"

static struct sql q_find_signin = SQL(
	"SELECT id, full_name, email, pwhash, disabled, lang FROM staff"
	" WHERE login = ?");
/* Only staff whose unit lies under root (the filter's unit, itself inside
 * the administrator's subtree, or the administrator's own unit). */
static struct sql q_list = SQL(
	UNITS_SUBTREE " SELECT s.id, s.login, s.full_name, s.email, s.disabled,"
		      " sub.code AS unit_code, sub.name_pl, sub.name_en,"
		      " (SELECT GROUP_CONCAT(x.role) FROM staff_role x"
		      "  WHERE x.staff_id = s.id) AS roles"
		      " FROM staff s JOIN sub ON sub.id = s.unit_id"
		      " WHERE (? = '' OR EXISTS (SELECT 1 FROM staff_role y"
		      "  WHERE y.staff_id = s.id AND y.role = ?))"
		      " AND (? < 0 OR s.disabled = ?)"
		      " ORDER BY s.login LIMIT 500");
static struct sql q_get = SQL(
	UNITS_SUBTREE
	" SELECT s.id, s.login, s.full_name, s.email, s.unit_id, s.disabled,"
	" DATE_FORMAT(s.created_at, '%Y-%m-%d %H:%i') AS created_at,"
	" sub.code AS unit_code, sub.name_pl, sub.name_en, c.login AS created_by,"
	" (SELECT GROUP_CONCAT(x.role) FROM staff_role x"
	"  WHERE x.staff_id = s.id) AS roles"
	" FROM staff s JOIN sub ON sub.id = s.unit_id"
	" LEFT JOIN staff c ON c.id = s.created_by"
	" WHERE s.id = ?");
/* old -> new in the audit row is exact because of this lock. */
static struct sql q_lock = SQL(
	"SELECT unit_id, disabled FROM staff WHERE id = ? FOR UPDATE");
static struct sql q_roles = SQL(
	"SELECT GROUP_CONCAT(role) AS roles FROM staff_role WHERE staff_id = ?");
static struct sql q_insert = SQL(
	"INSERT INTO staff (login, email, full_name, pwhash, unit_id,"
	" created_at, created_by) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), ?)");
static struct sql q_set_unit = SQL("UPDATE staff SET unit_id = ? WHERE id = ?");
static struct sql q_set_disabled = SQL(
	"UPDATE staff SET disabled = ? WHERE id = ?");
static struct sql q_set_password = SQL(
	"UPDATE staff SET pwhash = ? WHERE id = ?");
static struct sql q_del_roles = SQL(
	"DELETE FROM staff_role WHERE staff_id = ?");
static struct sql q_add_role = SQL(
	"INSERT INTO staff_role (staff_id, role) VALUES (?, ?)");
static struct sql q_count = SQL(
	"SELECT unit_id, COUNT(*) AS n FROM staff WHERE disabled = 0"
	" GROUP BY unit_id");

int staff_each_in_subtree(long long root, const char *role, long long disabled,
			  db_row_cb cb, void *ctx)
{
	return db_each(&q_list, cb, ctx, "issii", root, role, role, disabled,
		       disabled) < 0
		       ? -1
		       : 0;
}

int staff_get_in_subtree(struct arena *a, long long root, long long id,
			 struct row *row)
{
	return db_get(a, &q_get, row, "ii", root, id);
}

int staff_lock(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_lock, row, "i", id);
}

int staff_roles_of(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_roles, row, "i", id);
}

int staff_create(const char *login, const char *email, const char *name,
		 const char *pwhash, long long unit, long long by,
		 long long *id)
{
	if (db_exec(&q_insert, "ssssii", login, email, name, pwhash, unit, by) <
	    0)
		return db_duplicate() ? -2 : -1;
	*id = db_insert_id(&q_insert);
	return 0;
}

int staff_set_unit(long long id, long long unit)
{
	return db_exec(&q_set_unit, "ii", unit, id) < 0 ? -1 : 0;
}

int staff_set_disabled(long long id, long long disabled)
{
	return db_exec(&q_set_disabled, "ii", disabled, id) < 0 ? -1 : 0;
}

int staff_set_password(long long id, const char *pwhash)
{
	return db_exec(&q_set_password, "si", pwhash, id) < 0 ? -1 : 0;
}

int staff_roles_clear(long long id)
{
	return db_exec(&q_del_roles, "i", id) < 0 ? -1 : 0;
}

int staff_role_add(long long id, const char *role)
{
	return db_exec(&q_add_role, "is", id, role) < 0 ? -1 : 0;
}

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
