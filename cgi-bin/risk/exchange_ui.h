/* exchange_ui.h: the risk program's exchange with partner services: the
 * import endpoint and its schemas, the inbox read by the background
 * process, the analysts' pages of received files and the export
 * (docs/exchange.md; domain/exchange.h is the module) */
#ifndef ZSOG_EXCHANGE_UI_H
#define ZSOG_EXCHANGE_UI_H

#include "req.h"

/* Loads the schemas served and validated with; 0 or -1. */
int exchange_ui_init(void);

/* handlers */
int exchange_import_fn(struct req *r); /* ui-exchange.c */
int exchange_xsd_fn(struct req *r);
int exchange_export_xsd_fn(struct req *r);
int exchange_files_fn(struct req *r); /* ui-exchange-files.c */
int exchange_file_fn(struct req *r);
int export_form_fn(struct req *r); /* ui-export.c */
int export_fn(struct req *r);

/* The inbox directory (Exchange.InboxDir): each file imported, then moved
 * to done/ or rejected/ (with a .reason beside it) (inbox.c). The files
 * left for the next tick go to metrics_backlog(); 0, or -1 when the
 * directory or the database could not be used. */
int exchange_inbox_tick(void);

#endif
