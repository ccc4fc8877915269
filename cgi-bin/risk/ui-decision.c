/* ui-decision.c: one decision and why (explainable): the crossing's
 * officers see those of their crossings, analysts every one */
#include "risk_ui.h"

#include "access.h"
#include "control.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "view.h"

int decision_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct row task;
	int rc = decision_hdf(r, id);

	if (rc < 0)
		return -1;
	/* Another unit's crossing: as if there were no such decision. */
	if (rc == 0 ||
	    (!(r->sess.roles & ROLE_RISK) &&
	     !scope_sees(r, hdf_get_value(r->hdf, "Decision.crossing", ""))))
		return resp_error(r, 404, "not_found");
	rc = control_task_of_decision(&r->arena, id, &task);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		row_hdf(r, &task, "Decision.Task");
		/* The task's page is the crossing's officers' */
		if (scope_sees(r, hdf_get_value(r->hdf, "Decision.crossing",
						"")) &&
		    (r->sess.roles & ACC_CONTROL))
			hdf_set_value(r->hdf, "Decision.Task.link", "1");
	}
	return view_render(r, 200, "risk/decision.cs");
}
