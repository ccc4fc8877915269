/* control_export.c: the control task of decisions, for another module's
 * list (the analysts' export of a risk data set) in one query */
#include "control.h"

#include "db_join.h"

static struct sql q_tasks = SQL(
	"SELECT t.decision_id, t.id AS task_id, t.state AS task_state,"
	" t.outcome AS task_outcome, t.category AS task_category"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN control_task t ON t.decision_id = j.id");

int control_decision_tasks_hdf(HDF *hdf, const char *prefix, const char *key)
{
	return db_join_hdf(&q_tasks, hdf, prefix, key, NULL) < 0 ? -1 : 0;
}
