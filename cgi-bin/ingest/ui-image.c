/* ui-image.c: the picture a lane device took of an event, from the image
 * store (domain/devices_image.c), to those who may see the alert or the
 * event: the officers whose unit subtree runs its crossing */
#include "ingest.h"

#include "devices.h"
#include "resp.h"
#include "route.h"
#include "util.h"
#include "valid.h"

/* Sends event id's picture, or 404 when the event has none the store
 * serves (a refused name, no file, not a JPEG or PNG) or, with scoped,
 * when its crossing is outside the officer's scope. */
static int send(struct req *r, long long id, int scoped)
{
	const char *ctype;
	struct buf b = { 0 };
	struct row ev;
	int rc = id > 0 ? devices_event_get(&r->arena, id, &ev) : 0;

	if (rc < 0)
		return -1;
	if (rc == 1 && scoped &&
	    !scope_sees(r, row_get(&ev, "ev_crossing", "")))
		rc = 0;
	if (rc == 1)
		rc = devices_image_read(row_get(&ev, "device", ""),
					row_get(&ev, "image", ""), &b, &ctype);
	if (rc == 1) {
		/* An officer's picture of a person or a vehicle: kept by
		 * no shared cache; the type is the file's, never sniffed
		 * (nginx adds X-Content-Type-Options: nosniff). */
		resp_header(r, "Cache-Control", "private, max-age=3600");
		rc = resp_send(r, 200, ctype, b.p, b.len);
	} else if (rc == 0) {
		rc = resp_error(r, 404, "not_found");
	}
	buf_free(&b);
	return rc;
}

int alert_image_fn(struct req *r)
{
	struct row row;
	long long unit;
	int rc = alert_load(r, &row, &unit);

	return rc <= 0 ? rc : send(r, row_int(&row, "event_id", 0), 0);
}

/* The register is national, its pictures are not: only the crossing's
 * own officers (the alert page's scope) see them. */
int register_image_fn(struct req *r)
{
	return send(r, route_arg_id(r, 0), 1);
}
