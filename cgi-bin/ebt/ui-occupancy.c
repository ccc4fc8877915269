/* ui-occupancy.c: a crossing's occupancy per day and hour (booked,
 * arrived, served, no-show, walk-ins, cancelled), as a page or CSV */
#include "ebt.h"

#include <string.h>

#include "resp.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

static const char *day_arg(struct req *r, char today[11])
{
	const char *d = req_query(r, "day");

	if (!d || !*d) {
		tzpl_today(0, today);
		return today;
	}
	return valid_date(d, NULL, NULL, NULL) ? d : NULL;
}

int occupancy_fn(struct req *r)
{
	long long crossing;
	char today[11];
	const char *day;
	int rc = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	if (!(day = day_arg(r, today))) {
		view_field_error(r, "day", "err.date");
		hdf_set_value(r->hdf, "Form.day", req_query(r, "day"));
		return view_render(r, 422, "ebt/skr-occupancy.cs");
	}
	hdf_set_value(r->hdf, "Form.day", day);
	if (booking_occupancy_hdf(crossing, day, r->hdf, "Occ") < 0)
		return -1;
	return view_render(r, 200, "ebt/skr-occupancy.cs");
}

struct csv {
	struct buf b;
};

static int csv_row(const struct row *row, void *ctx)
{
	struct csv *c = ctx;

	/* Numbers only: nothing a spreadsheet could read as a formula. */
	for (int i = 0; i < row->n; i++)
		buf_printf(&c->b, "%s%s", i ? "," : "",
			   row->v[i] ? row->v[i] : "");
	buf_puts(&c->b, "\r\n");
	return 0;
}

int occupancy_csv_fn(struct req *r)
{
	struct csv c = { { 0 } };
	long long crossing;
	char today[11];
	const char *day;
	int rc = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	if (!(day = day_arg(r, today)))
		return resp_error(r, 422, "date");
	buf_puts(&c.b, "hour,capacity,taken,booked,arrived,served,no_show,"
		       "walk_in,cancelled\r\n");
	if (booking_occupancy_each(crossing, day, csv_row, &c) < 0) {
		buf_free(&c.b);
		return -1;
	}
	resp_header(
		r, "Content-Disposition",
		arena_printf(&r->arena, "attachment; filename=\"%s-%s.csv\"",
			     hdf_get_value(r->hdf, "Crossing.code", ""), day));
	rc = resp_send(r, 200, "text/csv; charset=utf-8", c.b.p, c.b.len);
	buf_free(&c.b);
	return rc;
}
