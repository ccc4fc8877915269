/* control.c: opening a control task when a decision asks for a control */
#include "control.h"

#include <stdio.h>

#include "db_bulk.h"

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

/* Many at once: a batch of events opens a task for about one event in
 * twenty (the random rate alone), and two single-row statements each were
 * a third of a batch's round trips (docs/performance.md, "Ingestion"). A
 * statement of known row count gets consecutive ids (db_bulk_id), so the
 * steps name their tasks without reading them back. */
static struct bulk b_open = BULK(
	"INSERT INTO control_task (decision_id, crossing, colour, company_id,"
	" state, created_at) VALUES ",
	"(?, ?, ?, ?, 'open', UTC_TIMESTAMP(3))", 4);
static struct bulk b_step_open = BULK(
	"INSERT INTO control_step (task_id, step, at) VALUES ",
	"(?, 'open', UTC_TIMESTAMP(3))", 1);

/* One chunk's parameters; a worker serves one request at a time. */
static MYSQL_BIND binds[BULK_MAX * 4];
static struct {
	long long decision, company, task;
	unsigned long len[4];
} vals[BULK_MAX];

/* k tasks (a db_bulk_chunk() size > 1) and their steps: two statements. */
static int open_chunk(struct control_open *t, int k)
{
	for (int j = 0; j < k; j++) {
		MYSQL_BIND *b = &binds[j * 4];

		vals[j].decision = t[j].decision_id;
		vals[j].company = t[j].company_id;
		bulk_bind_int(&b[0], &vals[j].decision);
		bulk_bind_str(&b[1], t[j].crossing, &vals[j].len[1]);
		bulk_bind_str(&b[2], t[j].colour, &vals[j].len[2]);
		if (vals[j].company > 0)
			bulk_bind_int(&b[3], &vals[j].company);
		else
			bulk_bind_str(&b[3], NULL, &vals[j].len[3]);
	}
	if (db_bulk_exec(&b_open, binds, k) != k)
		return -1;
	for (int j = 0; j < k; j++) {
		t[j].task_id = db_bulk_id(&b_open, k, j);
		vals[j].task = t[j].task_id;
		bulk_bind_int(&binds[j], &vals[j].task);
	}
	return db_bulk_exec(&b_step_open, binds, k) == k ? 0 : -1;
}

int control_tasks_open(struct control_open *t, int n)
{
	int bulk = n > 1 ? db_bulk_ok() : 0, k;

	if (bulk < 0)
		return -1;
	for (int pos = 0; pos < n; pos += k) {
		k = bulk ? db_bulk_chunk(n - pos) : 1;
		if (k > 1 ? open_chunk(t + pos, k)
			  : control_task_open(t[pos].decision_id,
					      t[pos].crossing, t[pos].colour,
					      t[pos].company_id,
					      &t[pos].task_id))
			return -1;
	}
	return 0;
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
