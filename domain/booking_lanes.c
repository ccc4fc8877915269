/* booking_lanes.c: what the lanes (cgi-bin/ingest) ask of eBT besides the
 * check-in: the active bookings of a plate, for the watch list */
#include "booking_int.h"

#include <stdlib.h>
#include <string.h>

/* Through ix_booking_plate-like keys on the generated active columns: the
 * plate, or one equal to it up to O/0 and I/1. */
static struct sql q_plate = SQL(
	"SELECT b.number, b.plate, b.plate_country, b.crossing_id,"
	" b.plate = ? AS exact FROM booking b" BK_SQL_LANE
	" WHERE (b.active_plate = ? OR b.active_fuzzy = ?)"
	" AND (l.status IN ('arrived', 'called')"
	" OR (l.booking_id IS NULL AND b.day = UTC_DATE()))"
	" ORDER BY b.id LIMIT 100");

struct plates {
	struct arena *a;
	struct booking_plate_hit h[100];
	long long crossing[100];
	int n;
};

static int plate_cb(const struct row *row, void *ctx)
{
	struct plates *p = ctx;
	struct booking_plate_hit *h = &p->h[p->n];

	h->number = arena_strdup(p->a, row_get(row, "number", ""));
	h->plate = arena_strdup(p->a, row_get(row, "plate", ""));
	h->plate_country = arena_strdup(p->a,
					row_get(row, "plate_country", ""));
	h->exact = row_int(row, "exact", 0) == 1;
	p->crossing[p->n++] = row_int(row, "crossing_id", 0);
	return p->n >= 100;
}

int booking_active_for_plate(const char *plate,
			     int (*cb)(const struct booking_plate_hit *h,
				       void *ctx),
			     void *ctx)
{
	struct arena a = { 0 };
	struct plates *p = calloc(1, sizeof(*p));
	struct crossing c = { 0 };
	char folded[144];
	int rc = -1, i;

	if (!p)
		return -1;
	p->a = &a;
	booking_plate_fold(plate, folded, sizeof(folded));
	if (db_each(&q_plate, plate_cb, p, "sss", plate, plate, folded) < 0)
		goto out;
	/* The rows are read to the end first: cb may write (an alert) on
	 * the same connection. */
	for (i = 0; i < p->n; i++) {
		if (c.id != p->crossing[i] &&
		    crossings_get(p->crossing[i], &c) <= 0)
			goto out;
		p->h[i].crossing = c.code;
		if (cb(&p->h[i], ctx))
			break;
	}
	rc = p->n;
out:
	free(p);
	arena_reset(&a);
	return rc;
}
