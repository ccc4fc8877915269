/* report_ui.h: the report program (domain/report*.h are the module): the
 * reports' pages under /skr/reports */
#ifndef ZSOG_REPORT_UI_H
#define ZSOG_REPORT_UI_H

#include "req.h"

/* handlers */
int reports_fn(struct req *r); /* ui-reports.c */

#endif
