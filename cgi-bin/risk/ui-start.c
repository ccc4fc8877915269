/* ui-start.c: the analysts' start page: the decisions of the last days
 * and the re-inspection orders */
#include "risk_ui.h"

#include "risk.h"
#include "view.h"

/* The start page counts a week of decisions. */
#define START_DAYS 7

int start_fn(struct req *r)
{
	if (risk_decision_counts_hdf(&r->arena, r->hdf, "Counts",
				     START_DAYS) < 0 ||
	    risk_reinspections_hdf(r->hdf, "Reinspections") < 0)
		return -1;
	hdf_set_int_value(r->hdf, "Counts.days", START_DAYS);
	return view_render(r, 200, "risk/start.cs");
}
