/* scope.c: which crossings an officer sees: those run by a unit in the
 * officer's subtree (the Ministry sees all: domain/crossings decides); and
 * the intranet look */
#include "ingest.h"

#include <string.h>

#include "crossings.h"

const char *scope_crossings(struct req *r)
{
	return crossings_subtree_codes(&r->arena, r->sess.unit_id);
}

int scope_sees(struct req *r, const char *crossing)
{
	return crossings_code_in(scope_crossings(r), crossing);
}
