/* hdfcache.c: short-lived, epoch-checked copies of HDF subtrees */
#include "hdfcache.h"

#include <stdio.h>
#include <string.h>

#define HC_SIZE 64

struct hc_entry {
	char key[64];
	struct kept k;
	HDF *tree; /* the copy under "V" */
};
static struct hc_entry hc[HC_SIZE];

static struct hc_entry *slot(const char *key)
{
	unsigned h = 5381;

	for (const char *p = key; *p; p++)
		h = h * 33 + (unsigned char)*p;
	return &hc[h % HC_SIZE];
}

int hdfcache_get(const char *key, HDF *hdf, const char *name)
{
	struct hc_entry *e = slot(key);
	NEOERR *err;
	HDF *src;

	if (!e->tree || strcmp(e->key, key) != 0 || !kept_good(&e->k))
		return 0;
	if (!(src = hdf_get_obj(e->tree, "V")))
		return 1;
	if ((err = hdf_copy(hdf, name, src))) {
		nerr_ignore(&err);
		return -1;
	}
	return 1;
}

void hdfcache_put(const char *key, const struct kept_stamp *s, long long ttl_ms,
		  HDF *hdf, const char *name)
{
	struct hc_entry *e = slot(key);
	HDF *src = hdf_get_obj(hdf, name);
	NEOERR *err;

	if (!kept_may(s, ttl_ms) || strlen(key) >= sizeof(e->key))
		return;
	kept_drop(&e->k);
	if (e->tree)
		hdf_destroy(&e->tree);
	err = hdf_init(&e->tree);
	if (!err && src)
		err = hdf_copy(e->tree, "V", src);
	if (err) {
		nerr_ignore(&err);
		if (e->tree)
			hdf_destroy(&e->tree);
		return;
	}
	snprintf(e->key, sizeof(e->key), "%s", key);
	kept_set(&e->k, s, ttl_ms);
}
