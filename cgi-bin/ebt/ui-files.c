/* ui-files.c: a booking's QR code (SVG drawn here from libqrencode's
 * modules) and its .ics calendar entry; only for those who may see it */
#include "ebt.h"

#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "resp.h"
#include "util.h"

static int load(struct req *r, long long *person, int *rc)
{
	enum bk_status st;

	if (!ebt_person(r, person, rc))
		return 0;
	st = booking_get(*person, 0, r->args[0], r->hdf, "B");
	if (st != BK_OK) {
		*rc = st == BK_ERROR ? -1 : resp_error(r, 404, "not_found");
		return 0;
	}
	return 1;
}

int ebt_qr_svg(const char *text, struct buf *b)
{
	QRcode *qr;
	int x, y, w;

	qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return -1;
	w = qr->width;
	buf_printf(b,
		   "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0"
		   " 0 %d %d\" width=\"%d\" height=\"%d\" shape-rendering="
		   "\"crispEdges\"><rect width=\"100%%\" height=\"100%%\""
		   " fill=\"#fff\"/><path fill=\"#000\" d=\"",
		   w + 8, w + 8, (w + 8) * 6, (w + 8) * 6);
	for (y = 0; y < w; y++)
		for (x = 0; x < w; x++)
			if (qr->data[y * w + x] & 1)
				buf_printf(b, "M%d %dh1v1h-1z", x + 4, y + 4);
	buf_puts(b, "\"/></svg>\n");
	QRcode_free(qr);
	return 0;
}

int booking_qr_fn(struct req *r)
{
	struct buf b = { 0 };
	long long person;
	int rc = 0;

	if (!load(r, &person, &rc))
		return rc;
	/* What the officer's scanner reads: the booking number alone. */
	if (ebt_qr_svg(hdf_get_value(r->hdf, "B.number", ""), &b) < 0) {
		buf_free(&b);
		return -1;
	}
	resp_header(r, "Cache-Control", "private, no-store");
	rc = resp_send(r, 200, "image/svg+xml", b.p, b.len);
	buf_free(&b);
	return rc;
}

int booking_ics_fn(struct req *r)
{
	struct buf b = { 0 };
	long long person;
	int rc = 0;
	const char *no;

	if (!load(r, &person, &rc))
		return rc;
	no = hdf_get_value(r->hdf, "B.number", "");
	/* Times in UTC (Z): no VTIMEZONE needed; the hour slot lasts 1 h. */
	buf_printf(&b,
		   "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		   "PRODID:-//ZSOG//e-Booking TRUCK//EN\r\n"
		   "BEGIN:VEVENT\r\nUID:%s@ebt.zsog.pl\r\n"
		   "DTSTAMP:%s\r\nDTSTART:%s\r\nDURATION:PT1H\r\n"
		   "SUMMARY:e-Booking TRUCK %s (%s)\r\n"
		   "LOCATION:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		   no, hdf_get_value(r->hdf, "B.start_ics", ""),
		   hdf_get_value(r->hdf, "B.start_ics", ""), no,
		   hdf_get_value(r->hdf, "B.plate", ""),
		   hdf_get_value(r->hdf, "B.crossing_en", ""));
	resp_header(
		r, "Content-Disposition",
		arena_printf(&r->arena, "attachment; filename=\"%s.ics\"", no));
	rc = resp_send(r, 200, "text/calendar; charset=utf-8", b.p, b.len);
	buf_free(&b);
	return rc;
}
