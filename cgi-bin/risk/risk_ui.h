/* risk_ui.h: the risk program (domain/risk.h is the module): the analysts'
 * pages under /skr/risk, the crossing officers' control tasks under
 * /skr/control */
#ifndef ZSOG_RISK_UI_H
#define ZSOG_RISK_UI_H

#include "req.h"

/* handlers */
int start_fn(struct req *r);			/* ui-start.c */
int reinspect_new_fn(struct req *r);		/* ui-reinspect.c */
int reinspect_create_fn(struct req *r);
int reinspect_withdraw_fn(struct req *r);

/* ---- risk profiles (i14-rules) ---- */
int profiles_fn(struct req *r);			/* ui-profiles.c */
int profile_new_fn(struct req *r);
int profile_create_fn(struct req *r);
int profile_fn(struct req *r);
int profile_save_fn(struct req *r);
/* Profile id into Profile.*, Versions, Can.* and the form: 1, 0, -1. */
int profile_load(struct req *r, long long id);
int profile_render(struct req *r, long long id, int status);
int profile_state_fn(struct req *r);		/* ui-profile-state.c */
int profile_approve_fn(struct req *r);
int profile_backtest_fn(struct req *r);		/* ui-profile-backtest.c */

#endif
