/* scope.c: which crossings an officer sees: those run by a unit in the
 * officer's subtree (the Ministry sees all: domain/crossings decides); and
 * the intranet look */
#include "ingest.h"

#include <stdio.h>
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

void scope_codes_hdf(HDF *hdf, const char *prefix, const char *codes)
{
	char path[256], code[16];
	int i = 0;

	while (codes && *codes) {
		size_t n = strcspn(codes, ",");

		if (n > 0 && n < sizeof(code)) {
			memcpy(code, codes, n);
			code[n] = '\0';
			snprintf(path, sizeof(path), "%s.%d", prefix, i++);
			NEOERR *err = hdf_set_value(hdf, path, code);

			nerr_ignore(&err);
		}
		codes += n;
		if (*codes == ',')
			codes++;
	}
}
