/* inbox_list.c: one addressee's items, newest first, a page at a time by
 * keyset (created_at, id) — never OFFSET, so the page after years of
 * messages costs what the first one does */
#include "inbox.h"

#include <string.h>

#include "db.h"
#include "log.h"

/* Each shape has its index (0099_inbox.sql): the addressee, then the
 * kind or the unread mark, then created_at (and id, which InnoDB appends):
 * a range read from the cursor down, in index order, limit rows long. The
 * period and the cursor are both bounds on created_at; ties at the
 * cursor's second are cut by id. FORCE, not USE: with ORDER BY … LIMIT
 * MariaDB 10.11 otherwise reads the addressee's rows from the newest down
 * and filters them — 60,000 rows for a page three years back of 100,000
 * (measured, docs/performance.md) instead of 51. */
#define PAGE_COLS                                                   \
	"SELECT id, subject_type, subject_id, kind, unread, title," \
	" DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS at"       \
	" FROM inbox_item"
#define PAGE_RANGE                                            \
	" AND created_at >= ? AND created_at < ?"             \
	" AND created_at <= ? AND (created_at < ? OR id < ?)" \
	" ORDER BY created_at DESC, id DESC LIMIT ?"

static struct sql q_all = SQL(PAGE_COLS " FORCE INDEX (ix_inbox_time)"
					" WHERE subject_type = ?"
					" AND subject_id = ?" PAGE_RANGE);
static struct sql q_kind = SQL(
	PAGE_COLS " FORCE INDEX (ix_inbox_kind)"
		  " WHERE subject_type = ? AND subject_id = ? AND kind = ?"
		  " AND unread >= ?" PAGE_RANGE);
static struct sql q_unread = SQL(PAGE_COLS
				 " FORCE INDEX (ix_inbox_unread)"
				 " WHERE subject_type = ? AND subject_id = ?"
				 " AND unread = 1" PAGE_RANGE);

struct page {
	struct arena *a;
	struct inbox_row *out;
	int n, limit;
};

static int row_cb(const struct row *row, void *ctx)
{
	struct page *p = ctx;
	struct inbox_row *o;

	if (p->n >= p->limit)
		return 1;
	o = &p->out[p->n++];
	o->id = row_int(row, "id", 0);
	o->subject_type = row_get(row, "subject_type", "A")[0];
	o->subject_id = row_int(row, "subject_id", 0);
	o->unread = (int)row_int(row, "unread", 0);
	o->kind = arena_strdup(p->a, row_get(row, "kind", ""));
	o->title = arena_strdup(p->a, row_get(row, "title", ""));
	o->at = arena_strdup(p->a, row_get(row, "at", ""));
	return 0;
}

int inbox_page(struct arena *a, char type, long long id,
	       const struct inbox_filter *f, int limit, struct inbox_row *out)
{
	static const char far[] = "9999-12-31 23:59:59";
	struct page p = { a, out, 0, limit };
	const char *from = *f->from ? f->from : "1000-01-01 00:00:00";
	const char *to = *f->to ? f->to : far;
	/* No cursor: the newest; one past the far end keeps every id. */
	const char *at = *f->after_at ? f->after_at : far;
	long long after = *f->after_at ? f->after_id : (1LL << 62);
	char t[2] = { type, 0 };
	int rc;

	if (*f->kind)
		rc = db_each(&q_kind, row_cb, &p, "sisissssii", t, id, f->kind,
			     (long long)(f->unread_only ? 1 : 0), from, to, at,
			     at, after, (long long)limit);
	else if (f->unread_only)
		rc = db_each(&q_unread, row_cb, &p, "sissssii", t, id, from, to,
			     at, at, after, (long long)limit);
	else
		rc = db_each(&q_all, row_cb, &p, "sissssii", t, id, from, to,
			     at, at, after, (long long)limit);
	if (rc < 0) {
		log_err("inbox: page of %s%lld: %s", t, id, db_error());
		return -1;
	}
	return p.n;
}
