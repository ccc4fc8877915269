/* risk_names.c: profile versions in words for other modules' lists (the
 * alerts and control report's figures per profile) */
#include "risk.h"

#include "db_join.h"

static struct sql q_version_names = SQL(
	"SELECT v.id, v.profile_id, v.no AS version_no, p.name"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN risk_profile_version v ON v.id = j.id"
	" JOIN risk_profile p ON p.id = v.profile_id");

int risk_version_names_hdf(HDF *hdf, const char *prefix, const char *key)
{
	return db_join_hdf(&q_version_names, hdf, prefix, key, NULL) < 0 ? -1
									 : 0;
}
