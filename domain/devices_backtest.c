/* devices_backtest.c: the register streamed for a risk profile's backtest:
 * every stored event of the last days that identifies an object, with the
 * facts a rule may read from the event itself */
#include "devices.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Oldest first, in primary-key order: one table, no join (a join with
 * device made MariaDB sort a temporary table of every row first); the
 * lane kind is added from the devices read beforehand. */
static struct sql q_stream = SQL(
	"SELECT id, UNIX_TIMESTAMP(t) AS ts, crossing, device_id, dir, kind,"
	" COALESCE(obj_key, raw) AS obj_key, country, confidence, doubtful"
	" FROM event WHERE t >= UTC_TIMESTAMP() - INTERVAL ? DAY"
	" AND kind IN ('plate', 'container', 'wagon', 'document')"
	" ORDER BY id");
static struct sql q_kinds = SQL("SELECT id, lane_kind FROM device ORDER BY id");

/* The few devices of a stack, by id. */
#define MAX_DEVICES 4096
struct kinds {
	int n;
	long long id[MAX_DEVICES];
	char kind[MAX_DEVICES][16];
	db_row_cb cb;
	void *ctx;
};

static int kind_cb(const struct row *row, void *ctx)
{
	struct kinds *k = ctx;

	if (k->n == MAX_DEVICES)
		return 1;
	k->id[k->n] = row_int(row, "id", 0);
	snprintf(k->kind[k->n], sizeof(k->kind[0]), "%s",
		 row_get(row, "lane_kind", ""));
	k->n++;
	return 0;
}

static const char *kind_of(const struct kinds *k, long long id)
{
	int lo = 0, hi = k->n - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (k->id[mid] == id)
			return k->kind[mid];
		if (k->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

static int event_cb(const struct row *row, void *ctx)
{
	struct kinds *k = ctx;
	struct row with = *row;

	if (with.n < DB_MAXCOLS) {
		with.name[with.n] = "lane_kind";
		with.v[with.n] = kind_of(k, row_int(row, "device_id", 0));
		with.n++;
	}
	return k->cb(&with, k->ctx);
}

int devices_backtest_each(int days, db_row_cb cb, void *ctx)
{
	struct kinds *k = calloc(1, sizeof(*k));
	int rc = -1;

	if (!k)
		return -1;
	k->cb = cb;
	k->ctx = ctx;
	if (db_each(&q_kinds, kind_cb, k, "") >= 0)
		rc = db_each(&q_stream, event_cb, k, "i", (long long)days);
	free(k);
	return rc;
}
