/* fleet_cache.c: the dashboard's and reports' answers kept by each worker
 * (lib/pagecache.h), so managers reading the same unit's figures cost one
 * reading of the tables in a while.
 *
 * The key is the path, the query, the language, the reader's unit and
 * role bits (what a reader may read follows from these alone:
 * domain/fleet_scope.c, so two readers with the same ones see the same
 * page), whether they drive (the navigation offers their trips) and today's Warsaw date (the default period and the deadlines
 * move with it). A page is kept as its content only: the frame with the
 * reader's name, menu and CSRF token is drawn for each reader. Only 200
 * answers are kept; 403 and 422 are made at every request. Every write of
 * the fleet program bumps EPOCH_FLEET (main.c), which ends every entry;
 * the TTL bounds what the clock changes (a trip running, a deadline
 * coming). */
#include "fleet_report_ui.h"
#include "fleet_ui.h"

#include <stdio.h>
#include <string.h>

#include "epochs.h"
#include "pagecache.h"
#include "resp.h"
#include "tzpl.h"
#include "view.h"

int fleet_cache_serve(struct req *r, struct fleet_cache *c)
{
	struct pagecache_answer a;
	struct fleet_scope s;
	char today[11];

	/* Whether the reader drives decides the navigation's "my trips"
	 * (nav.c), so it is part of the key: kept by the worker for a GET
	 * (domain/fleet_scope.c), so a kept page asks the database nothing. */
	if (fleet_scope(r, &s) < 0)
		return -1;
	tzpl_today(0, today);
	c->epoch = epoch_get(EPOCH_FLEET);
	c->key = pagecache_key(
		r, arena_printf(&r->arena, "unit=%lld;roles=%x;drive=%d;day=%s",
				r->sess.unit_id, r->sess.roles,
				s.drive_unit > 0, today));
	if (!c->key || pagecache_get(c->key, &a) != 1)
		return 0;
	c->key = NULL;
	/* An HTML answer is kept as its part: the frame is this reader's. */
	if (!strncmp(a.ctype, "text/html", 9))
		return view_render_framed(r, a.status, a.body, a.headers) < 0
			       ? -1
			       : 1;
	return pagecache_send(r, &a) < 0 ? -1 : 1;
}

int fleet_cache_page(struct req *r, struct fleet_cache *c, const char *tpl,
		     long long ttl_ms)
{
	struct buf part = { 0 }, meta = { 0 };
	int rc = -1;

	/* The part is made without the frame's menu hook: the fleet's
	 * navigation in it follows from the key's unit and roles. */
	if (fleet_ui_nav(r) < 0 || view_render_part(r, tpl, &part, &meta) < 0)
		goto out;
	if (c->key)
		pagecache_put(c->key, EPOCH_FLEET, c->epoch, ttl_ms,
			      &(struct pagecache_answer){
				      .status = 200,
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

int fleet_cache_csv(struct req *r, struct fleet_cache *c, struct buf *b,
		    const char *filename, long long ttl_ms)
{
	const char *cd = arena_printf(&r->arena, "attachment; filename=\"%s\"",
				      filename);
	int rc;

	resp_header(r, "Content-Disposition", cd);
	if (c->key)
		pagecache_put(
			c->key, EPOCH_FLEET, c->epoch, ttl_ms,
			&(struct pagecache_answer){
				.status = 200,
				.ctype = "text/csv; charset=utf-8",
				.headers = arena_printf(
					&r->arena,
					"Content-Disposition: %s\r\n", cd),
				.body = b->p ? b->p : "",
				.len = b->len });
	rc = resp_send(r, 200, "text/csv; charset=utf-8", b->p ? b->p : "",
		       b->len);
	buf_free(b);
	return rc;
}
