/* risk_ui.h: the risk program (domain/risk.h is the module): the analysts'
 * pages under /skr/risk, the crossing officers' control tasks under
 * /skr/control */
#ifndef ZSOG_RISK_UI_H
#define ZSOG_RISK_UI_H

#include "db.h"
#include "req.h"

/* scope.c: the crossings of the officer's unit subtree (comma-separated
 * codes for FIND_IN_SET, "" none; NULL on error), and whether it has one */
const char *scope_crossings(struct req *r);
int scope_sees(struct req *r, const char *crossing);

/* decision.c: Decision.* (its columns, order_by_name, Hits.N) of decision
 * id: 1, 0 none, -1. And a row's columns under prefix. */
int decision_hdf(struct req *r, long long id);
void row_hdf(struct req *r, const struct row *row, const char *prefix);

/* handlers */
int start_fn(struct req *r);	     /* ui-start.c */
int reinspect_new_fn(struct req *r); /* ui-reinspect.c */
int reinspect_create_fn(struct req *r);
int reinspect_withdraw_fn(struct req *r);
int decision_fn(struct req *r); /* ui-decision.c */
int control_fn(struct req *r);	/* ui-control.c */
int control_task_fn(struct req *r);
int control_close_fn(struct req *r);
int control_note_fn(struct req *r);

/* ---- risk profiles (i14-rules) ---- */
int profiles_fn(struct req *r); /* ui-profiles.c */
int profile_new_fn(struct req *r);
int profile_create_fn(struct req *r);
int profile_fn(struct req *r);
int profile_save_fn(struct req *r);
/* Profile id into Profile.*, Versions, Can.* and the form: 1, 0, -1. */
int profile_load(struct req *r, long long id);
int profile_render(struct req *r, long long id, int status);
int profile_state_fn(struct req *r); /* ui-profile-state.c */
int profile_approve_fn(struct req *r);
int profile_backtest_fn(struct req *r); /* ui-profile-backtest.c */

#endif
