/* main.c: the ebt program: e-Booking TRUCK, the company side under /ebt/
 * and the crossing officers' side under /skr/ebt/ */
#include "access.h"
#include "accounts.h"
#include "ebt.h"
#include "epochs.h"
#include "server.h"
#include "staff.h"

/* Longer patterns before ":x" ones that could swallow them. */
static const struct route routes[] = {
	{ "GET", "/ebt/", bookings_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ebt/book/start", book_start_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ebt/calendar", book_calendar_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ebt/book", book_form_fn, R_PORTAL, 0, NULL },
	{ "POST", "/ebt/book", book_post_fn, R_PORTAL | R_CSRF, 0, NULL },
	{ "GET", "/ebt/bookings/:no", booking_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ebt/bookings/:no/qr.svg", booking_qr_fn, R_PORTAL, 0, NULL },
	{ "GET", "/ebt/bookings/:no/ics", booking_ics_fn, R_PORTAL, 0, NULL },
	{ "POST", "/ebt/bookings/:no/change", booking_change_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	{ "POST", "/ebt/bookings/:no/cancel", booking_cancel_fn,
	  R_PORTAL | R_CSRF, 0, NULL },
	/* Without an account: anonymous, the CSRF token keyed on zsog_anon. */
	{ "GET", "/ebt/guest", guest_form_fn, 0, 0, NULL },
	{ "POST", "/ebt/guest", guest_post_fn, R_CSRF, 0, NULL },
	{ "GET", "/ebt/guest/confirm", guest_confirm_form_fn, 0, 0, NULL },
	{ "POST", "/ebt/guest/confirm", guest_confirm_fn, R_CSRF, 0, NULL },
	{ "GET", "/skr/ebt/", crossings_fn, R_STAFF | R_NODE, ACC_CROSSING,
	  "ebt-day" },
	{ "GET", "/skr/ebt/#crossing", crossing_day_fn, R_STAFF | R_NODE,
	  ROLE_CROSSING, "ebt-day" },
	{ "POST", "/skr/ebt/#crossing/checkin", crossing_checkin_fn,
	  R_STAFF | R_CSRF | R_NODE, ROLE_CROSSING, "ebt-waiting" },
	{ "GET", "/skr/ebt/#crossing/walkin", walkin_form_fn, R_STAFF,
	  ROLE_CROSSING, "ebt-walkin" },
	{ "POST", "/skr/ebt/#crossing/walkin", walkin_fn, R_STAFF | R_CSRF,
	  ROLE_CROSSING, "ebt-walkin" },
	{ "GET", "/skr/ebt/#crossing/occupancy", occupancy_fn, R_STAFF | R_NODE,
	  ROLE_CROSSING, "ebt-occupancy" },
	{ "GET", "/skr/ebt/#crossing/occupancy.csv", occupancy_csv_fn,
	  R_STAFF | R_NODE, ROLE_CROSSING, "ebt-occupancy" },
	{ "GET", "/skr/ebt/#crossing/config", config_fn, R_STAFF, ROLE_CROSSING,
	  "ebt-config" },
	{ "POST", "/skr/ebt/#crossing/config", config_post_fn, R_STAFF | R_CSRF,
	  ROLE_CROSSING, "ebt-config" },
	{ "POST", "/skr/ebt/#crossing/closures", closure_post_fn,
	  R_STAFF | R_CSRF, ROLE_CROSSING, "ebt-config" },
	{ "GET", "/skr/ebt/#crossing/bookings/:no", crossing_booking_fn,
	  R_STAFF | R_NODE, ROLE_CROSSING, "ebt-waiting" },
	{ "POST", "/skr/ebt/#crossing/bookings/:no/:action", crossing_action_fn,
	  R_STAFF | R_CSRF | R_NODE, ROLE_CROSSING, "ebt-waiting" },
};

static const char *const templates[] = {
	"ebt/start.cs",
	"ebt/calendar.cs",
	"ebt/form.cs",
	"ebt/review.cs",
	"ebt/list.cs",
	"ebt/booking.cs",
	"ebt/skr-crossings.cs",
	"ebt/skr-day.cs",
	"ebt/skr-booking.cs",
	"ebt/skr-walkin.cs",
	"ebt/skr-occupancy.cs",
	"ebt/skr-config.cs",
	"ebt/guest.cs",
	"ebt/guest-confirm.cs",
	"ebt/guest-done.cs",
	"mail/ebt_booked.cs",
	"mail/ebt_changed.cs",
	"mail/ebt_cancelled.cs",
	"mail/ebt_guest_code.cs",
	"mail/ebt_guest_sms.cs",
	"mail/ebt_guest_booked.cs",
	NULL,
};

static const struct service ebt = {
	.name = "ebt",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.templates = templates,
	/* /skr/ebt/ pages are the intranet's, the others the portal's. */
	.sessions = { &portal_session, &staff_session },
	/* crossing settings and closures change the calendar */
	.write_epochs = EPOCH_BIT(EPOCH_SLOTS),
	/* No-shows are marked and slots made even when no page is used. */
	.tick = booking_tick,
	.tick_seconds = 30,
	.menu = access_menu,
};

int main(int argc, char **argv)
{
	return server_main(argc, argv, &ebt);
}
