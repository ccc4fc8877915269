/* decision.c: a decision with why it was made, for the decision's page
 * and a control task's: the profile versions that fired with the inputs
 * they read, the random draw, the re-inspection order */
#include "risk_ui.h"

#include "control.h"
#include "crossings.h"
#include "risk.h"
#include "staff.h"

void row_hdf(struct req *r, const struct row *row, const char *prefix)
{
	for (int i = 0; i < row->n; i++)
		if (row->v[i])
			hdf_set_valuef(r->hdf, "%s.%s=%s", prefix, row->name[i],
				       row->v[i]);
}

int decision_hdf(struct req *r, long long id)
{
	struct row row;
	int rc = risk_decision_get(&r->arena, id, &row);
	const char *by;

	if (rc <= 0)
		return rc;
	row_hdf(r, &row, "Decision");
	if (row_int(&row, "order_by", 0) > 0 &&
	    (by = staff_name(&r->arena, row_int(&row, "order_by", 0))))
		hdf_set_value(r->hdf, "Decision.order_by_name", by);
	/* the crossing in words (CrossingName.<code>) */
	if (crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0)
		return -1;
	return risk_decision_hits_hdf(r->hdf, "Decision.Hits", id) < 0 ? -1 : 1;
}
