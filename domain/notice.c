/* notice.c: notices on an officer's intranet start page (staff_notice):
 * written in the transaction of their cause, read by the skr start page */
#include "notice.h"

#include "db.h"
#include "epochs.h"
#include "hdfcache.h"
#include "log.h"
#include "tzpl.h"
#include "units.h"

static struct sql q_put_hit = SQL(
	"INSERT INTO staff_notice (staff_id, kind, created_at, alert_id,"
	" entry_id, subject, value, crossing, crossing_unit)"
	" VALUES (?, 'watch_hit', UTC_TIMESTAMP(), ?, ?, ?, ?, ?, ?)");
/* The scope is the officer's unit subtree now, as the alert page will
 * judge it, not as it was when the notice was written. */
static struct sql q_list = SQL(
	UNITS_SUBTREE
	" SELECT n.kind, n.alert_id, n.entry_id, n.subject, n.value,"
	" n.crossing, UNIX_TIMESTAMP(n.created_at) AS t,"
	" n.crossing_unit IN (SELECT id FROM sub) AS in_scope"
	" FROM staff_notice n WHERE n.staff_id = ?"
	" ORDER BY n.id DESC LIMIT 10");

/* An officer's notices are kept by the worker while EPOCH_NOTICE stands
 * (bumped when a notice written here commits) and for at most
 * NOTICE_KEEP_MS: staff_notice is a node table (db/cluster-tables.txt),
 * so at the centre the rows a crossing node's ingest wrote arrive by
 * replication and bump no local counter, and the unit subtree that
 * decides `open` is changed by hand; for those the TTL is the bound. */
#define NOTICE_KEEP_MS 10000LL

int notice_watch_hit(long long staff_id, const struct notice_hit *h)
{
	if (db_exec(&q_put_hit, "iiisssi", staff_id, h->alert_id, h->entry_id,
		    h->subject, h->value, h->crossing, h->crossing_unit) < 0)
		return -1;
	epoch_bump(EPOCH_NOTICE); /* in the caller's transaction: at commit */
	return 0;
}

struct list {
	struct req *r;
	const char *prefix;
	int may_open, n;
	int failed; /* the HDF refused a value: db_each only stops */
};

/* 0, or -1 when the HDF refused the value (out of memory). */
static int set(struct list *l, const char *col, const char *v)
{
	NEOERR *err = hdf_set_valuef(l->r->hdf, "%s.%d.%s=%s", l->prefix, l->n,
				     col, v);

	if (!err)
		return 0;
	log_err("notice: HDF refused %s", col);
	nerr_ignore(&err);
	l->failed = 1;
	return -1;
}

static int list_cb(const struct row *row, void *ctx)
{
	static const char *const cols[] = {
		"kind", "alert_id", "entry_id", "subject", "value", "crossing",
	};
	struct list *l = ctx;
	char at[17];

	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		if (set(l, cols[i], row_get(row, cols[i], "")) < 0)
			return 1;
	tzpl_text(row_int(row, "t", 0), at);
	if (set(l, "at", at) < 0 ||
	    (l->may_open && row_int(row, "in_scope", 0) &&
	     set(l, "open", "1") < 0))
		return 1;
	l->n++;
	return 0;
}

static int count(HDF *hdf, const char *prefix)
{
	int n = 0;

	for (HDF *o = hdf_obj_child(hdf_get_obj(hdf, prefix)); o;
	     o = hdf_obj_next(o))
		n++;
	return n;
}

int notice_list(struct req *r, const char *prefix, int may_open_alerts)
{
	struct list l = { r, prefix, may_open_alerts, 0, 0 };
	struct kept_stamp s = kept_note(EPOCH_BIT(EPOCH_NOTICE));
	const char *key = arena_printf(&r->arena, "notice|%lld|%lld|%d",
				       r->sess.account_id, r->sess.unit_id,
				       may_open_alerts != 0);
	int rc;

	if (key) {
		rc = hdfcache_get(key, r->hdf, prefix);
		if (rc < 0)
			return -1;
		if (rc == 1)
			return count(r->hdf, prefix);
	}
	if (db_each(&q_list, list_cb, &l, "ii", r->sess.unit_id,
		    r->sess.account_id) < 0 ||
	    l.failed)
		return -1;
	if (key)
		hdfcache_put(key, &s, NOTICE_KEEP_MS, r->hdf, prefix);
	return l.n;
}
