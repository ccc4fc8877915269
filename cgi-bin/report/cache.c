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
	struct kept_stamp stamp;
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
	cur.stamp = kept_note(EPOCH_BIT(EPOCH_REPORT));
	cur.key = key_of(r);
	if (!cur.key || pagecache_get(cur.key, &a) != 1)
		return 0;
	cur.key = NULL;
	/* How old the copy is (RFC 9111, 5.1): the page says it in words. */
	made = time(NULL) - a.made;
	snprintf(age, sizeof(age), "%lld", (long long)(made > 0 ? made : 0));
	resp_header(r, "Age", age);
	return view_send_kept(r, &a) < 0 ? -1 : 1;
}

/* The key report_cache_serve looked up for r, once: NULL when r was
 * answered from the copy, or is another request. */
static const char *take_key(const struct req *r)
{
	const char *key = cur.r == r ? cur.key : NULL;

	cur.r = NULL;
	cur.key = NULL;
	return key;
}

static long long keep_ms(void)
{
	return conf_int("Report.CacheSeconds", 30) * 1000LL;
}

int report_page(struct req *r, const char *tpl)
{
	struct tzpl_tm now;

	tzpl_from_utc(now_unix(), &now);
	hdf_set_valuef(r->hdf, "Report.AsOf=%02d:%02d", now.hour, now.min);
	return view_render_kept(r, tpl, take_key(r), &cur.stamp, keep_ms());
}

int report_csv_send(struct req *r, struct buf *b, const char *name,
		    const struct period *p)
{
	char a[11], z[11];
	const char *filename = arena_printf(&r->arena, "%s-%s-%s.csv", name,
					    day_text(p->from, a),
					    day_text(p->to, z));

	return pagecache_csv(r, b, filename, take_key(r), &cur.stamp,
			     keep_ms());
}
