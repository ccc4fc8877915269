/* grant.c: the roles no administrator gives alone: asking for one puts a
 * pending grant in staff_grant, which a second administrator decides on
 * /skr/admin/grants (ui-grants.c) */
#include "skr.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "route.h"
#include "staff.h"
#include "tzpl.h"
#include "view.h"

const char *local_minute(struct req *r, long long utc)
{
	struct tzpl_tm tm;

	tzpl_from_utc(utc, &tm);
	return arena_printf(&r->arena, "%04d-%02d-%02d %02d:%02d", tm.year,
			    tm.mon, tm.day, tm.hour, tm.min);
}

const char *role_label(struct req *r, const char *role)
{
	char key[64];

	snprintf(key, sizeof(key), "skr.role.%s", role);
	return view_text(r, key);
}

int grant_pending(long long staff_id, unsigned *bits)
{
	struct arena a = { 0 };
	struct row row;
	int rc = staff_grant_pending(&a, staff_id, &row);

	*bits = rc == 1 ? roles_parse(row_get(&row, "roles", NULL)) : 0;
	arena_reset(&a);
	return rc < 0 ? -1 : 0;
}

int grant_request(struct req *r, long long staff_id, unsigned bits)
{
	const char *object = arena_printf(&r->arena, "staff:%lld", staff_id);
	unsigned pending;
	int n = 0;

	if (grant_pending(staff_id, &pending) < 0)
		return -1;
	for (unsigned bit = 1; bit < ROLE__ALL; bit <<= 1) {
		long long id;

		/* Asked for already: one open request per person and role
		 * (the unique key says so too). */
		if (!(bits & bit & ROLES_TWO_ADMINS) || (pending & bit))
			continue;
		if (staff_grant_ask(staff_id, staff_role_name(bit),
				    r->sess.account_id, &id) < 0)
			return -1;
		if (audit_log(r, "staff.grant_request", object,
			      arena_printf(&r->arena,
					   "@skr.audit.detail.grant_asked|%s",
					   staff_role_name(bit))) < 0)
			return -1;
		n++;
	}
	return n;
}

int grant_waiting(struct req *r)
{
	struct row row;
	int rc = staff_grant_waiting(&r->arena, r->sess.unit_id,
				     r->sess.account_id, &row);

	if (rc <= 0)
		return rc;
	return (int)row_int(&row, "n", 0);
}

struct list_ctx {
	struct req *r;
	const char *prefix;
	int n;
};

static int pending_cb(const struct row *row, void *ctx)
{
	struct list_ctx *c = ctx;
	struct req *r = c->r;

	hdf_set_valuef(r->hdf, "%s.%d.Id=%s", c->prefix, c->n,
		       row_get(row, "id", ""));
	hdf_set_valuef(r->hdf, "%s.%d.Role=%s", c->prefix, c->n,
		       role_label(r, row_get(row, "role", "")));
	hdf_set_valuef(r->hdf, "%s.%d.At=%s", c->prefix, c->n,
		       local_minute(r, row_int(row, "at", 0)));
	hdf_set_valuef(r->hdf, "%s.%d.Requester=%s", c->prefix, c->n,
		       row_get(row, "requester", ""));
	if (row_int(row, "requested_by", 0) == r->sess.account_id)
		hdf_set_valuef(r->hdf, "%s.%d.Mine=1", c->prefix, c->n);
	c->n++;
	return 0;
}

int grant_pending_hdf(struct req *r, const char *prefix, long long staff_id)
{
	struct list_ctx c = { r, prefix, 0 };

	if (staff_grant_each_pending(staff_id, pending_cb, &c) < 0)
		return -1;
	return c.n;
}
