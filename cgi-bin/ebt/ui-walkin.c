/* ui-walkin.c: registering a truck that came without a booking: it takes
 * the first free place of today from the current hour on */
#include "ebt.h"

#include <string.h>

#include "log.h"
#include "resp.h"
#include "tzpl.h"
#include "view.h"

int walkin_form_fn(struct req *r)
{
	long long crossing;
	int rc = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	hdf_set_value(r->hdf, "Form.plate_country", "PL");
	return view_render(r, 200, "ebt/skr-walkin.cs");
}

int walkin_fn(struct req *r)
{
	struct booking_form f = { 0 };
	struct booking_ref ref;
	enum bk_status st;
	long long crossing;
	char today[11];
	int rc = 0;

	if (!ebt_staff_crossing(r, &crossing, &rc))
		return rc;
	if (ebt_read_form(r, &f, 1))
		return view_render(r, 422, "ebt/skr-walkin.cs");
	tzpl_today(0, today);
	f.crossing_id = crossing;
	f.day = today;
	st = booking_walkin(r->sess.account_id, &f, &ref);
	if (st == BK_OK) {
		log_info("walk-in %s by staff %lld", ref.number,
			 r->sess.account_id);
		return resp_redirect(
			r, arena_printf(&r->arena, "/skr/ebt/%lld/bookings/%s",
					crossing, ref.number));
	}
	if (st == BK_ERROR)
		return -1;
	hdf_set_value(r->hdf, "Page.Refusal",
		      view_text(r, arena_printf(&r->arena, "err.ebt_%s",
						booking_status_key(st))));
	return view_render(r, ebt_status_http(st), "ebt/skr-walkin.cs");
}
