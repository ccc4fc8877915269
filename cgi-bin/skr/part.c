/* part.c: a part of the start page shared by every officer who reads it
 * the same way (one unit, one language, the same links), drawn alone and
 * kept by the worker for Report.CacheSeconds (lib/pagecache.h): the
 * figures for today (ui-today.c) and the week's charts (ui-week.c) */
#include "skr.h"

#include <stdio.h>

#include "conf.h"
#include "epochs.h"
#include "pagecache.h"
#include "view.h"

int part_kept(struct req *r, const char *key, const char *tpl,
	      int (*fill)(struct req *), const char *name)
{
	/* Noted before the reads: a flush-caches during them drops the copy. */
	struct kept_stamp s = kept_note(EPOCH_BIT(EPOCH_REPORT));
	struct buf part = { 0 }, meta = { 0 };
	struct pagecache_answer a;
	char path[64];
	int rc = -1;

	snprintf(path, sizeof(path), "Part.%s", name);
	if (key && pagecache_get(key, &a) == 1) {
		hdf_set_value(r->hdf, path, a.body);
		return 0;
	}
	if (fill(r) < 0 || view_render_part(r, tpl, &part, &meta) < 0)
		goto out;
	if (key)
		pagecache_put(key, &s,
			      conf_int("Report.CacheSeconds", 30) * 1000LL,
			      &(struct pagecache_answer){
				      .status = 200,
				      .ctype = "text/html; charset=utf-8",
				      .body = part.p ? part.p : "",
				      .len = part.len });
	hdf_set_value(r->hdf, path, part.p ? part.p : "");
	rc = 0;
out:
	buf_free(&part);
	buf_free(&meta);
	return rc;
}
