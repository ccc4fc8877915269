/* risk_start.c: what the analysts' start page counts and lists */
#include "risk.h"

#include "staff.h"

static struct sql q_counts = SQL(
	"SELECT COALESCE(SUM(colour = 'green'), 0) AS green,"
	" COALESCE(SUM(colour = 'yellow'), 0) AS yellow,"
	" COALESCE(SUM(colour = 'red'), 0) AS red,"
	" COALESCE(SUM(random), 0) AS random, COUNT(*) AS total"
	" FROM risk_decision"
	" WHERE created_at >= UTC_TIMESTAMP() - INTERVAL ? DAY");

int risk_decision_counts_hdf(struct arena *a, HDF *hdf, const char *prefix,
			     int days)
{
	static const char *const cols[] = { "green", "yellow", "red", "random",
					    "total" };
	struct row row;
	NEOERR *err = STATUS_OK;

	if (db_get(a, &q_counts, &row, "i", (long long)days) != 1)
		return -1;
	for (size_t i = 0; !err && i < sizeof(cols) / sizeof(cols[0]); i++)
		err = hdf_set_valuef(hdf, "%s.%s=%s", prefix, cols[i],
				     row_get(&row, cols[i], "0"));
	if (err) {
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

static struct sql q_reinspections = SQL(
	"SELECT id, subject, value, reason, valid_from, valid_to, status,"
	" created_by, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS"
	" created_at, decision_id"
	" FROM reinspection"
	" ORDER BY status = 'active' DESC, id DESC LIMIT 100");

int risk_reinspections_hdf(HDF *hdf, const char *prefix)
{
	if (db_select_hdf(&q_reinspections, hdf, prefix, "") < 0)
		return -1;
	return staff_names_hdf(hdf, prefix, "created_by", "creator");
}
