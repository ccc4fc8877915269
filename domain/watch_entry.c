/* watch_entry.c: one watch-list entry, its alerts and its decision (four
 * eyes, in the database too) */
#include "watch.h"

#include <string.h>

static struct sql q_entry = SQL(
	"SELECT w.id, w.subject, w.value, w.match_key, w.country,"
	" w.birth_date, w.reason, w.action, w.priority, w.valid_from,"
	" w.valid_to, w.status, w.created_by, w.created_at, w.decided_at,"
	" w.unit_id, w.decided_by FROM watch_entry w WHERE w.id = ?");
static struct sql q_alerts = SQL(
	"SELECT a.id, a.crossing, a.lane, a.state, a.confidence,"
	" DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i:%s') AS created_at"
	" FROM alert a WHERE a.entry_id = ? ORDER BY a.id DESC LIMIT 100");
/* The creator never decides their own entry: the database says so too. */
static struct sql q_decide = SQL(
	"UPDATE watch_entry SET status = ?, decided_by = ?,"
	" decided_at = UTC_TIMESTAMP() WHERE id = ? AND status = ?"
	" AND created_by <> ?");
static struct sql q_bump = SQL(
	"UPDATE watch_state SET version = version + 1 WHERE id = 1");

int watch_entry_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_entry, row, "i", id);
}

int watch_entry_alerts_hdf(HDF *hdf, const char *prefix, long long id)
{
	return db_select_hdf(&q_alerts, hdf, prefix, "i", id) < 0 ? -1 : 0;
}

long long watch_entry_decide(long long id, const char *from, const char *to,
			     long long by)
{
	long long n;

	/* Withdrawing is allowed to the creator: created_by <> 0 holds. */
	n = db_exec(&q_decide, "siisi", to, by, id, from,
		    strcmp(to, "withdrawn") ? by : 0LL);
	/* A rejected entry never was active: the list did not change. */
	if (n > 0 && strcmp(to, "rejected") && db_exec(&q_bump, "") < 0)
		return -1;
	return n;
}
