/* db_join.c: completing an HDF list from another table in one query */
#include "db_join.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct join {
	HDF *list;
	const char *key, *as;
};

static int positive_id(const char *s)
{
	if (!s || *s < '1' || *s > '9' || strlen(s) > 18)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int join_row(const struct row *row, void *ctx)
{
	const struct join *j = ctx;
	const char *id = row->n ? row->v[0] : NULL;
	HDF *c;

	if (!id)
		return 0;
	for (c = hdf_obj_child(j->list); c; c = hdf_obj_next(c)) {
		if (strcmp(hdf_get_value(c, j->key, ""), id) != 0)
			continue;
		for (int i = 1; i < row->n; i++)
			if (row->v[i])
				hdf_set_value(c,
					      i == 1 && j->as ? j->as
							      : row->name[i],
					      row->v[i]);
	}
	return 0;
}

int db_join_hdf(struct sql *q, HDF *hdf, const char *prefix, const char *key,
		const char *as)
{
	struct join j = { hdf_get_obj(hdf, prefix), key, as };
	struct buf ids = { 0 };
	HDF *c, *d;
	int rc = 0;

	for (c = hdf_obj_child(j.list); c; c = hdf_obj_next(c)) {
		const char *id = hdf_get_value(c, key, NULL);
		int seen = 0;

		if (!positive_id(id))
			continue;
		for (d = hdf_obj_child(j.list); d != c && !seen;
		     d = hdf_obj_next(d))
			seen = strcmp(hdf_get_value(d, key, ""), id) == 0;
		if (!seen)
			buf_printf(&ids, "%s%s", ids.len ? "," : "[", id);
	}
	if (ids.len) {
		buf_puts(&ids, "]");
		rc = db_each(q, join_row, &j, "s", ids.p);
	}
	buf_free(&ids);
	return rc;
}
