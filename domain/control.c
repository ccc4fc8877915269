/* control.c: opening a control task when a decision asks for a control */
#include "control.h"

static struct sql q_open = SQL(
	"INSERT INTO control_task (decision_id, crossing, colour, state,"
	" created_at) VALUES (?, ?, ?, 'open', UTC_TIMESTAMP(3))");
static struct sql q_step_open = SQL(
	"INSERT INTO control_step (task_id, step, at) VALUES (?, 'open',"
	" UTC_TIMESTAMP(3))");

int control_task_open(long long decision_id, const char *crossing,
		      const char *colour, long long *id)
{
	if (db_exec(&q_open, "iss", decision_id, crossing, colour) != 1)
		return -1;
	*id = db_insert_id(&q_open);
	return db_exec(&q_step_open, "i", *id) == 1 ? 0 : -1;
}
