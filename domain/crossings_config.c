/* crossings_config.c: a crossing's week of opening hours and capacity,
 * its closures and eBT's settings: read for the slots and the officers'
 * page, changed by the crossing's own branch */
#include "crossings.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "epochs.h"
#include "valid.h"

static struct sql q_days = SQL(
	"SELECT dow, open_hour, close_hour, capacity FROM crossing_day"
	" WHERE crossing_id = ? ORDER BY dow");
static struct sql q_closures_between = SQL(
	"SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, from_hour, to_hour"
	" FROM crossing_closure WHERE crossing_id = ? AND day BETWEEN ? AND ?");
static struct sql q_closures_from = SQL(
	"SELECT id, DATE_FORMAT(day, '%Y-%m-%d') AS day, from_hour, to_hour,"
	" reason FROM crossing_closure WHERE crossing_id = ? AND day >= ?"
	" ORDER BY day, from_hour");
static struct sql q_until = SQL(
	"UPDATE crossing SET slots_until = ? WHERE id = ?"
	" AND (slots_until IS NULL OR slots_until < ?)");
static struct sql q_update = SQL(
	"UPDATE crossing SET horizon_days = ?, change_deadline_min = ?,"
	" arrive_before_min = ?, arrive_after_min = ?, noshow_delay_min = ?,"
	" lanes = ? WHERE id = ?");
static struct sql q_day = SQL(
	"UPDATE crossing_day SET open_hour = ?, close_hour = ?, capacity = ?"
	" WHERE crossing_id = ? AND dow = ?");
static struct sql q_closure = SQL(
	"INSERT INTO crossing_closure (crossing_id, day, from_hour, to_hour,"
	" reason, created_at, created_by) VALUES (?, ?, ?, ?, ?,"
	" UTC_TIMESTAMP(), ?)");

static int day_cb(const struct row *row, void *ctx)
{
	struct crossing_schedule *s = ctx;
	int dow = (int)row_int(row, "dow", 0);

	if (dow >= 1 && dow <= 7) {
		s->open[dow] = (int)row_int(row, "open_hour", 0);
		s->close[dow] = (int)row_int(row, "close_hour", 0);
		s->cap[dow] = (int)row_int(row, "capacity", 0);
	}
	return 0;
}

static int closure_cb(const struct row *row, void *ctx)
{
	struct crossing_schedule *s = ctx;
	struct crossing_closure *c;

	if (s->nclosures >= (int)(sizeof(s->closures) / sizeof(s->closures[0])))
		return 1;
	c = &s->closures[s->nclosures++];
	snprintf(c->day, sizeof(c->day), "%s", row_get(row, "day", ""));
	c->from = (int)row_int(row, "from_hour", 0);
	c->to = (int)row_int(row, "to_hour", 0);
	return 0;
}

int crossings_schedule(long long id, const char *first, const char *last,
		       struct crossing_schedule *s)
{
	memset(s, 0, sizeof(*s));
	if (db_each(&q_days, day_cb, s, "i", id) < 0 ||
	    db_each(&q_closures_between, closure_cb, s, "iss", id, first,
		    last) < 0)
		return -1;
	return 0;
}

int crossings_slots_made(long long id, const char *last)
{
	if (db_exec(&q_until, "sis", last, id, last) < 0)
		return -1;
	/* Copies of the crossing (crossings.c) go when this commits. */
	epoch_bump(EPOCH_SLOTS);
	return 0;
}

int crossings_config_hdf(long long id, const char *from, HDF *hdf)
{
	if (db_select_hdf(&q_days, hdf, "Days", "i", id) < 0 ||
	    db_select_hdf(&q_closures_from, hdf, "Closures", "is", id, from) <
		    0)
		return -1;
	return 0;
}

int crossings_configure(long long id, const long long v[CS__MAX],
			long long days[8][3])
{
	int i;

	for (i = 0; i < CS__MAX; i++)
		if (!crossings_setting_ok((enum crossing_setting)i, v[i]))
			return 1;
	for (i = 1; i <= 7; i++)
		if (!crossings_day_ok(days[i][0], days[i][1], days[i][2]))
			return 1;
	if (db_begin() < 0)
		return -1;
	if (db_exec(&q_update, "iiiiiii", v[CS_HORIZON], v[CS_DEADLINE],
		    v[CS_BEFORE], v[CS_AFTER], v[CS_NOSHOW], v[CS_LANES],
		    id) < 0)
		goto fail;
	for (i = 1; i <= 7; i++)
		if (db_exec(&q_day, "iiiii", days[i][0], days[i][1], days[i][2],
			    id, (long long)i) < 0)
			goto fail;
	/* Copies of the crossing (crossings.c) and calendars go when this
	 * commits: the slots are rebuilt with the new horizon next. */
	epoch_bump(EPOCH_SLOTS);
	if (db_commit() < 0)
		goto fail;
	return 0;
fail:
	db_rollback();
	return -1;
}

int crossings_close(long long id, const char *day, long long from, long long to,
		    const char *reason, long long staff_id)
{
	if (!crossings_closure_ok(from, to) || !day ||
	    !valid_date(day, NULL, NULL, NULL) || !reason ||
	    !valid_text(reason, 200))
		return 1;
	return db_exec(&q_closure, "isiisi", id, day, from, to, reason,
		       staff_id) < 0
		       ? -1
		       : 0;
}
