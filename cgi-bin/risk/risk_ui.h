/* risk_ui.h: the risk program (domain/risk.h is the module): the analysts'
 * pages under /skr/risk, the crossing officers' control tasks under
 * /skr/control */
#ifndef ZSOG_RISK_UI_H
#define ZSOG_RISK_UI_H

#include "req.h"

/* handlers */
int start_fn(struct req *r);			/* ui-start.c */

#endif
