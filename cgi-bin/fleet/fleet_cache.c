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

	/* Noted before the first read: whether the reader drives (below) is
	 * in the key, and a page made after a change of it must not be kept
	 * under the key of the state before. */
	c->stamp = kept_note(EPOCH_BIT(EPOCH_FLEET));
	c->key = NULL;
	/* Whether the reader drives decides the navigation's "my trips"
	 * (nav.c), so it is part of the key: kept by the worker for a GET
	 * (domain/fleet_scope.c), so a kept page asks the database nothing. */
	if (fleet_scope(r, &s) < 0)
		return -1;
	tzpl_today(0, today);
	c->key = pagecache_key(
		r, arena_printf(&r->arena, "unit=%lld;roles=%x;drive=%d;day=%s",
				r->sess.unit_id, r->sess.roles,
				s.drive_unit > 0, today));
	if (!c->key || pagecache_get(c->key, &a) != 1)
		return 0;
	c->key = NULL;
	return view_send_kept(r, &a) < 0 ? -1 : 1;
}

int fleet_cache_page(struct req *r, struct fleet_cache *c, const char *tpl,
		     long long ttl_ms)
{
	/* The part is made without the frame's menu hook: the fleet's
	 * navigation in it follows from the key's unit and roles. */
	if (fleet_ui_nav(r) < 0)
		return -1;
	return view_render_kept(r, tpl, c->key, &c->stamp, ttl_ms);
}

int fleet_cache_csv(struct req *r, struct fleet_cache *c, struct buf *b,
		    const char *filename, long long ttl_ms)
{
	return pagecache_csv(r, b, filename, c->key, &c->stamp, ttl_ms);
}
