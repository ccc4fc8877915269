/* staff_session.c: the intranet's kind of session: the officer behind a
 * session, with roles and unit, and the names of the roles */
#include "staff.h"

#include "db.h"
#include "units.h"

/* Bit i of enum role is role_names[i]: the values of staff_role.role. */
static const char *const role_names[] = {
	"admin", "registration", "crossing",  "risk",
	"fleet", "auditor",	 "watchlist", NULL,
};
_Static_assert(sizeof(role_names) / sizeof(role_names[0]) - 1 == 7 &&
		       ROLE__ALL == (1 << 7) - 1,
	       "a name for every role bit");

/* A disabled officer's sessions end at their next page. national: the
 * officer's unit is the Ministry, the top of the hierarchy. */
static struct sql q_account = SQL(
	"SELECT st.full_name AS name, st.email, st.unit_id,"
	" (SELECT GROUP_CONCAT(role) FROM staff_role r"
	"  WHERE r.staff_id = st.id) AS roles,"
	" " UNITS_IS_TOP(
		"st.unit_id") " AS national"
			      " FROM staff st WHERE st.id = ? AND st.disabled = 0");

static struct sql q_lang = SQL("UPDATE staff SET lang = ? WHERE id = ?");

const struct session_kind staff_session = {
	.name = "staff",
	.cookie = "zsog_staff",
	.path = "/skr/",
	.signin = "/skr/signin",
	.home = "/skr/",
	.look = "intranet",
	.account = &q_account,
	.roles = role_names,
	.set_lang = &q_lang,
};

unsigned staff_role_bit(const char *name)
{
	return session_role_bit(&staff_session, name);
}

const char *staff_role_name(unsigned bit)
{
	return session_role_name(&staff_session, bit);
}
