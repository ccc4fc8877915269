/* cache.c: the reports' pages and CSV files kept by each worker for
 * Report.CacheSeconds (lib/pagecache.h), so officers reading the same
 * report in the same minute cost one reading of the rollups.
 *
 * The key is the path, the query, the language, the officer's unit (the
 * scope: every figure of a report is of the crossings the unit runs, so
 * two units never share an entry), his roles (what a page offers depends
 * on them: the alerts report links the risk profiles for an analyst only)
 * and today's Warsaw date (the default period ends today). A page is
 * kept as its content only: the frame with the officer's name, menu and
 * CSRF token is drawn for each reader. Only 200 answers are kept; 403
 * and 422 are made at every request. The rollups change at every event,
 * so no counter ends an entry: the TTL does, and the page says as of
 * when its figures were read (Report.AsOf, Warsaw time). An operator's
 * change by hand is seen at once after zsog-admin flush-caches
 * (EPOCH_REPORT). */
#include "report_ui.h"

#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "epochs.h"
#include "pagecache.h"
#include "resp.h"
#include "tzpl.h"
#include "view.h"

/* The request being answered: its key and the counter noted before the
 * rollups were read (report_cache_serve). One request at a time. */
static struct {
	const struct req *r;
	const char *key;
	uint64_t epoch;
} cur;

static const char *key_of(struct req *r)
{
	char today[11];

	tzpl_today(0, today);
	return pagecache_key(
		r, arena_printf(&r->arena, "unit=%lld;roles=%u;day=%s",
				r->sess.unit_id, r->sess.roles, today));
}

int report_cache_serve(struct req *r)
{
	struct pagecache_answer a;
	char age[24];
	time_t made;

	cur.r = r;
	cur.epoch = epoch_get(EPOCH_REPORT);
	cur.key = key_of(r);
	if (!cur.key || pagecache_get(cur.key, &a) != 1)
		return 0;
	cur.key = NULL;
	/* How old the copy is (RFC 9111, 5.1): the page says it in words. */
	made = time(NULL) - a.made;
	snprintf(age, sizeof(age), "%lld", (long long)(made > 0 ? made : 0));
	resp_header(r, "Age", age);
	/* An HTML answer is kept as its part: the frame is this reader's. */
	if (!strncmp(a.ctype, "text/html", 9))
		return view_render_framed(r, a.status, a.body, a.headers) < 0
			       ? -1
			       : 1;
	return pagecache_send(r, &a) < 0 ? -1 : 1;
}

/* Keeps a for the request report_cache_serve looked up, then forgets it. */
static void keep(struct req *r, const struct pagecache_answer *a)
{
	if (cur.r == r && cur.key)
		pagecache_put(cur.key, EPOCH_REPORT, cur.epoch,
			      conf_int("Report.CacheSeconds", 30) * 1000LL, a);
	cur.r = NULL;
	cur.key = NULL;
}

int report_page(struct req *r, const char *tpl)
{
	struct buf part = { 0 }, meta = { 0 };
	struct tzpl_tm now;
	int rc = -1;

	tzpl_from_utc(now_unix(), &now);
	hdf_set_valuef(r->hdf, "Report.AsOf=%02d:%02d", now.hour, now.min);
	if (view_render_part(r, tpl, &part, &meta) < 0)
		goto out;
	keep(r, &(struct pagecache_answer){ .status = 200,
					    .ctype = "text/html; charset=utf-8",
					    .headers = meta.p,
					    .body = part.p ? part.p : "",
					    .len = part.len });
	rc = view_render_framed(r, 200, part.p ? part.p : "", meta.p);
out:
	buf_free(&part);
	buf_free(&meta);
	return rc;
}

int report_csv_send(struct req *r, struct buf *b, const char *name,
		    const struct period *p)
{
	char a[11], z[11];
	const char *cd = arena_printf(
		&r->arena, "attachment; filename=\"%s-%s-%s.csv\"", name,
		day_text(p->from, a), day_text(p->to, z));
	int rc;

	resp_header(r, "Content-Disposition", cd);
	keep(r, &(struct pagecache_answer){
			.status = 200,
			.ctype = "text/csv; charset=utf-8",
			.headers = arena_printf(
				&r->arena, "Content-Disposition: %s\r\n", cd),
			.body = b->p ? b->p : "",
			.len = b->len });
	rc = resp_send(r, 200, "text/csv; charset=utf-8", b->p ? b->p : "",
		       b->len);
	buf_free(b);
	return rc;
}
