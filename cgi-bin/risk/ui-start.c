/* ui-start.c: the analysts' start page: the decisions of the last days
 * and the re-inspection orders, and the hit rate of random selection per
 * crossing (the baseline profiles are measured against) */
#include "risk_ui.h"

#include "crossings.h"
#include "risk.h"
#include "view.h"

/* The start page counts a week of decisions; hit rates need longer. */
#define START_DAYS 7
#define OUTCOME_DAYS 90

int start_fn(struct req *r)
{
	if (risk_decision_counts_hdf(&r->arena, r->hdf, "Counts", START_DAYS) <
		    0 ||
	    risk_reinspections_hdf(r->hdf, "Reinspections") < 0 ||
	    risk_outcomes_random_hdf(r->hdf, "Baseline", OUTCOME_DAYS) < 0 ||
	    crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0)
		return -1;
	hdf_set_int_value(r->hdf, "Counts.days", START_DAYS);
	hdf_set_int_value(r->hdf, "Outcomes.days", OUTCOME_DAYS);
	return view_render(r, 200, "risk/start.cs");
}
