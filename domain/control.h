/* control.h: control tasks at the crossings: a yellow or red decision
 * opens one; the crossing's officers record its outcome. Every step is
 * appended (control_step refuses UPDATE and DELETE), like the
 * suspect-object procedure of an alert. The only code that names
 * control_task and control_step (control*.c). */
#ifndef ZSOG_CONTROL_H
#define ZSOG_CONTROL_H

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

/* In the open transaction: a task for decision_id at crossing (code),
 * colour yellow or red, with its first step "open"; its id in *id.
 * 0 or -1. */
int control_task_open(long long decision_id, const char *crossing,
		      const char *colour, long long company_id, long long *id);
/* Irregular outcomes (irregularity, seizure) of the company's controls
 * closed in the last days: count or -1. */
long long control_company_irregularities(long long company_id, long long days);

/* ---- the officers' pages (control_tasks.c) ---- */

/* The tasks at the crossings of scope (comma-separated codes), newest
 * first, at most 200 (open_only: not closed), as prefix.N: id,
 * decision_id, crossing, colour, state, outcome, category, created_at,
 * closed_at. Count or -1. */
int control_tasks_hdf(HDF *hdf, const char *prefix, const char *scope,
		      int open_only);
/* The open tasks at the crossings of scope, per crossing: cb gets rows
 * crossing, n. As db_each. */
int control_open_each(const char *scope, db_row_cb cb, void *ctx);
/* One task: the columns above. 1, 0 none, -1. */
int control_task_get(struct arena *a, long long id, struct row *row);
/* The task a decision opened: id, state, outcome, closed_at (UTC
 * seconds). 1, 0 none, -1. */
int control_task_of_decision(struct arena *a, long long decision_id,
			     struct row *row);
/* Its steps, oldest first, as prefix.N: id, step, at, staff_id, who (the
 * officer's name), outcome, category, notes. 0 or -1. */
int control_steps_hdf(HDF *hdf, const char *prefix, long long id);
/* In the open transaction: open -> closed with the outcome (category as
 * control_category_ok) and its step. 1 closed, 0 not open (someone was
 * first), -1 error. */
long long control_task_close(long long id, const char *outcome,
			     const char *category, const char *notes,
			     long long staff);
/* A note appended as a step of its own. 0 or -1. */
int control_task_note(long long id, const char *notes, long long staff);
/* Each child of prefix with a decision id under key gets task_id,
 * task_state, task_outcome of the task it opened. 0 or -1. */
int control_tasks_of_decisions_hdf(HDF *hdf, const char *prefix,
				   const char *key);

/* ---- rules (control_rules.c, no database) ---- */

/* Crossing officers and administrators record outcomes; others read. */
int control_may_act(unsigned roles);
int control_may_close(const char *state, unsigned roles);
/* no_irregularity, irregularity, seizure, handed_over */
int control_outcome_ok(const char *outcome);
/* An irregularity or a seizure names its category, a hand-over the
 * service; no irregularity names none. */
int control_category_ok(const char *outcome, const char *category);

/* Each child of prefix with a decision id under key gets its task
 * (control_export.c): task_id, task_state, task_outcome, task_category.
 * 0 or -1. */
int control_decision_tasks_hdf(HDF *hdf, const char *prefix, const char *key);

#endif
