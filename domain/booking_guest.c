/* booking_guest.c: a one-off booking without a portal account (issue 4,
 * optional): the same rules and capacity guarantee as booking_create(),
 * with no company or person to check */
#include "booking_int.h"

#include <string.h>

#include "util.h"
#include "valid.h"

enum bk_status booking_slot_bookable(long long crossing_id, const char *day,
				     int hour)
{
	struct bk_crossing c;
	struct bk_slot s;
	enum bk_status st;
	int rc = bk_crossing_load(crossing_id, &c);

	if (rc <= 0)
		return rc < 0 ? BK_ERROR : BK_NO_CROSSING;
	booking_maintain(c.id);
	st = bk_slot_check(&c, day, hour, &s);
	if (st != BK_OK)
		return st;
	/* Only a hint: the place is taken, or refused, at confirmation. */
	return s.booked >= s.capacity ? BK_FULL : BK_OK;
}

enum bk_status booking_guest_create(const char *email,
				    const struct booking_form *f,
				    booking_commit_cb cb, void *ctx,
				    struct booking_ref *out)
{
	struct bk_crossing c;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((out->bad_field = booking_check_form(f)))
		return BK_INVALID;
	if (!email || !valid_email(email)) {
		out->bad_field = "email";
		return BK_INVALID;
	}
	/* Without the key two confirmations at once could book twice. */
	if (!f->idem_key) {
		out->bad_field = "idem";
		return BK_INVALID;
	}
	rc = bk_crossing_load(f->crossing_id, &c);
	if (rc <= 0)
		return rc < 0 ? BK_ERROR : BK_NO_CROSSING;
	return bk_create_in_slot(0, email, f, &c, "", cb, ctx, out);
}
