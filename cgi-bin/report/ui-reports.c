/* ui-reports.c: /skr/reports, the reports the officer's roles open, each
 * in words with what it counts */
#include "report_ui.h"

#include "access.h"
#include "log.h"
#include "view.h"

struct report {
	const char *id;	  /* L.report.list.<id>, <id>_text */
	const char *href; /* NULL: announced, not yet built */
	unsigned roles;	  /* the route's: any one opens it */
};

/* In the order the list shows them (docs/reports.md). */
static const struct report reports[] = {
	{ "traffic", "/skr/reports/traffic", ACC_REPORT_TRAFFIC },
	{ "ebt", "/skr/reports/ebt", ACC_REPORT_EBT },
	{ "alerts", "/skr/reports/alerts", ACC_REPORT_ALERTS },
	{ "devices", "/skr/reports/devices", ACC_REPORT_DEVICES },
	{ "registrations", "/skr/reports/registrations",
	  ACC_REPORT_REGISTRATIONS },
};

int reports_fn(struct req *r)
{
	size_t i, k = 0;
	NEOERR *err = NULL;

	for (i = 0; i < sizeof(reports) / sizeof(reports[0]); i++) {
		const struct report *p = &reports[i];

		if (!(r->sess.roles & p->roles))
			continue;
		err = hdf_set_valuef(r->hdf, "Reports.%zu.Id=%s", k, p->id);
		if (!err)
			err = hdf_set_valuef(r->hdf, "Reports.%zu.Href=%s", k,
					     p->href ? p->href : "");
		if (err) {
			log_err("reports list: out of memory");
			nerr_ignore(&err);
			return -1;
		}
		k++;
	}
	return view_render(r, 200, "report/list.cs");
}
