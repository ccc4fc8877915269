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
		      const char *colour, long long *id);

/* Each child of prefix with a decision id under key gets its task
 * (control_export.c): task_id, task_state, task_outcome, task_category.
 * 0 or -1. */
int control_decision_tasks_hdf(HDF *hdf, const char *prefix,
			       const char *key);

#endif
