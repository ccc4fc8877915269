/* control_tasks.c: the crossing officers' control tasks: the list, one
 * task with its steps, the outcome and notes (each an appended step) */
#include "control.h"

#include "db_join.h"
#include "staff.h"

static struct sql q_list = SQL(
	"SELECT id, decision_id, crossing, colour, state, outcome, category,"
	" DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at,"
	" DATE_FORMAT(closed_at, '%Y-%m-%d %H:%i:%s') AS closed_at"
	" FROM control_task WHERE FIND_IN_SET(crossing, ?)"
	" AND (? = '' OR state = 'open') ORDER BY id DESC LIMIT 200");

int control_tasks_hdf(HDF *hdf, const char *prefix, const char *scope,
		      int open_only)
{
	return db_select_hdf(&q_list, hdf, prefix, "ss", scope,
			     open_only ? "1" : "");
}

/* The scope's codes (letters and digits, comma-separated) as rows, each
 * looked up on ix_control_task_crossing (crossing, state): the open tasks'
 * index entries only. FIND_IN_SET(crossing, ?) read every task's entry,
 * the closed ones of years included (the start page's cost grew with the
 * table: docs/performance.md, "Dashboard"). */
static struct sql q_open = SQL(
	"SELECT t.crossing, COUNT(*) AS n"
	" FROM JSON_TABLE(CONCAT('[\"', REPLACE(?, ',', '\",\"'), '\"]'),"
	/* COLLATE: as report_int.h's REPORT_IN_CODES says. */
	"  '$[*]' COLUMNS (code VARCHAR(8) COLLATE utf8mb4_unicode_ci PATH '$')) j"
	" STRAIGHT_JOIN control_task t ON t.crossing = j.code"
	"  AND t.state = 'open' GROUP BY t.crossing");

int control_open_each(const char *scope, db_row_cb cb, void *ctx)
{
	return db_each(&q_open, cb, ctx, "s", scope);
}

static struct sql q_get = SQL(
	"SELECT id, decision_id, crossing, colour, state, outcome, category,"
	" DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at,"
	" DATE_FORMAT(closed_at, '%Y-%m-%d %H:%i:%s') AS closed_at"
	" FROM control_task WHERE id = ?");
static struct sql q_of_decision = SQL(
	"SELECT id, state, outcome, UNIX_TIMESTAMP(closed_at) AS closed_at"
	" FROM control_task WHERE decision_id = ?");

int control_task_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

int control_task_of_decision(struct arena *a, long long decision_id,
			     struct row *row)
{
	return db_get(a, &q_of_decision, row, "i", decision_id);
}

static struct sql q_steps = SQL(
	"SELECT id, step, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at,"
	" staff_id, outcome, category, notes FROM control_step"
	" WHERE task_id = ? ORDER BY id");

int control_steps_hdf(HDF *hdf, const char *prefix, long long id)
{
	if (db_select_hdf(&q_steps, hdf, prefix, "i", id) < 0)
		return -1;
	return staff_names_hdf(hdf, prefix, "staff_id", "who");
}

static struct sql q_close = SQL(
	"UPDATE control_task SET state = 'closed', outcome = ?, category = ?,"
	" closed_at = UTC_TIMESTAMP(3) WHERE id = ? AND state = 'open'");
static struct sql q_step = SQL(
	"INSERT INTO control_step (task_id, step, at, staff_id, outcome,"
	" category, notes) VALUES (?, ?, UTC_TIMESTAMP(3), ?, ?, ?, ?)");

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

long long control_task_close(long long id, const char *outcome,
			     const char *category, const char *notes,
			     long long staff)
{
	long long n = db_exec(&q_close, "ssi", outcome, nz(category), id);

	if (n <= 0)
		return n;
	if (db_exec(&q_step, "isisss", id, "closed", staff, outcome,
		    nz(category), nz(notes)) != 1)
		return -1;
	return 1;
}

int control_task_note(long long id, const char *notes, long long staff)
{
	return db_exec(&q_step, "isisss", id, "note", staff, NULL, NULL,
		       notes) == 1
		       ? 0
		       : -1;
}

/* For other modules' lists: the task of each decision. */
static struct sql q_join = SQL(
	"SELECT t.decision_id, t.id AS task_id, t.state AS task_state,"
	" t.outcome AS task_outcome"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j"
	" JOIN control_task t ON t.decision_id = j.id");

int control_tasks_of_decisions_hdf(HDF *hdf, const char *prefix,
				   const char *key)
{
	return db_join_hdf(&q_join, hdf, prefix, key, NULL) < 0 ? -1 : 0;
}
