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

void staff_page(struct req *r)
{
	/* The layout draws the intranet's header for the skr service. */
	hdf_set_value(r->hdf, "Page.Service", "skr");
}

long long arg_id(const char *s)
{
	long long v = 0;

	if (!s || !*s || strlen(s) > 18)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}
