/* scope.c: which crossings an officer sees: those run by a unit in the
 * officer's subtree (domain/crossings decides, as for alerts) */
#include "risk_ui.h"

#include "crossings.h"

const char *scope_crossings(struct req *r)
{
	return crossings_subtree_codes(&r->arena, r->sess.unit_id);
}

int scope_sees(struct req *r, const char *crossing)
{
	return crossings_code_in(scope_crossings(r), crossing);
}
