/* notice.c: notices on an officer's intranet start page (staff_notice):
 * written in the transaction of their cause, read by the skr start page */
#include "notice.h"

#include "db.h"
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

int notice_watch_hit(long long staff_id, const struct notice_hit *h)
{
	return db_exec(&q_put_hit, "iiisssi", staff_id, h->alert_id,
		       h->entry_id, h->subject, h->value, h->crossing,
		       h->crossing_unit) < 0
		       ? -1
		       : 0;
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

int notice_list(struct req *r, const char *prefix, int may_open_alerts)
{
	struct list l = { r, prefix, may_open_alerts, 0, 0 };

	if (db_each(&q_list, list_cb, &l, "ii", r->sess.unit_id,
		    r->sess.account_id) < 0 ||
	    l.failed)
		return -1;
	return l.n;
}
