/* control.c: opening a control task when a decision asks for a control */
#include "control.h"

#include <stdio.h>

static struct sql q_open = SQL(
	"INSERT INTO control_task (decision_id, crossing, colour, company_id,"
	" state, created_at) VALUES (?, ?, ?, ?, 'open', UTC_TIMESTAMP(3))");
static struct sql q_step_open = SQL(
	"INSERT INTO control_step (task_id, step, at) VALUES (?, 'open',"
	" UTC_TIMESTAMP(3))");

int control_task_open(long long decision_id, const char *crossing,
		      const char *colour, long long company_id, long long *id)
{
	char company[24];

	if (company_id > 0)
		snprintf(company, sizeof(company), "%lld", company_id);
	if (db_exec(&q_open, "isss", decision_id, crossing, colour,
		    company_id > 0 ? company : NULL) != 1)
		return -1;
	*id = db_insert_id(&q_open);
	return db_exec(&q_step_open, "i", *id) == 1 ? 0 : -1;
}

static struct sql q_irregular = SQL(
	"SELECT COUNT(*) AS n FROM control_task WHERE company_id = ?"
	" AND closed_at >= UTC_TIMESTAMP() - INTERVAL ? DAY"
	" AND outcome IN ('irregularity', 'seizure')");

long long control_company_irregularities(long long company_id, long long days)
{
	struct arena a = { 0 };
	struct row row;
	long long n = -1;

	if (db_get(&a, &q_irregular, &row, "ii", company_id, days) == 1)
		n = row_int(&row, "n", 0);
	arena_reset(&a);
	return n;
}
