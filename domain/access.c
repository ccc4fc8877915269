/* access.c: the menus of the intranet and the portal, built from the same
 * decisions the routes make (access.h) */
#include "access.h"

#include "log.h"
#include "registry.h"

enum { NAV = 1 << 0, CARD = 1 << 1 };	/* in the menu bar, on the dashboard */

/* What a portal entry needs beyond a signed-in account. */
enum need { NEED_NONE, NEED_PERSON };

struct entry {
	const char *href;	/* NULL: announced, not yet built */
	const char *id;		/* L.menu.<id>, L.skr.link.<id>(_text) */
	unsigned roles;		/* staff: any of these; 0 = any staff */
	enum need need;		/* portal */
	unsigned where;
};

static const struct entry staff_menu[] = {
	{ "/skr/", "dashboard", 0, NEED_NONE, NAV },
	{ "/skr/ecustomer/queue", "registrations", ACC_REGISTRATIONS, NEED_NONE, NAV | CARD },
	{ "/skr/ebt/", "crossing", ACC_CROSSING, NEED_NONE, NAV | CARD },
	{ "/skr/alerts", "alerts", ACC_ALERTS, NEED_NONE, NAV | CARD },
	{ "/skr/watchlist", "watchlist", ACC_WATCHLIST, NEED_NONE, NAV | CARD },
	{ "/skr/register", "register", ACC_REGISTER, NEED_NONE, NAV | CARD },
	{ "/skr/devices", "devices", ACC_DEVICES, NEED_NONE, NAV | CARD },
	{ "/skr/puesc/archive", "puesc", ACC_PUESC_ARCHIVE, NEED_NONE, NAV | CARD },
	{ "/skr/admin/staff", "staff", ACC_STAFF_ADMIN, NEED_NONE, NAV | CARD },
	{ "/skr/admin/units", "units", ACC_STAFF_ADMIN, NEED_NONE, CARD },
	{ "/skr/audit", "audit", ACC_AUDIT, NEED_NONE, NAV | CARD },
	{ NULL, "fleet", ACC_FLEET, NEED_NONE, CARD },
};

static const struct entry portal_menu[] = {
	{ "/", "home", 0, NEED_NONE, NAV },
	{ "/ecustomer/", "ecustomer", 0, NEED_NONE, NAV },
	/* ebt_person() refuses (403) an account without an approved
	 * person: the same registry answer decides the entry. */
	{ "/ebt/", "ebt", 0, NEED_PERSON, NAV },
	{ "/portal/account", "account", 0, NEED_NONE, NAV },
};

/* 1 when the account meets need; a failed look-up leaves the entry out
 * (the page itself would answer the error). */
static int meets(struct req *r, enum need need)
{
	long long person;

	if (need == NEED_NONE)
		return 1;
	return registry_person_of_account(r->sess.account_id, &person) == 1;
}

/* One entry as Menu.k; only memory can fail here, and the page is better
 * drawn without the entry than not at all. */
static int put(struct req *r, size_t k, const struct entry *e)
{
	NEOERR *err;

	err = hdf_set_valuef(r->hdf, "Menu.%zu.Href=%s", k,
			     e->href ? e->href : "");
	if (!err)
		err = hdf_set_valuef(r->hdf, "Menu.%zu.Id=%s", k, e->id);
	if (!err && (e->where & NAV))
		err = hdf_set_valuef(r->hdf, "Menu.%zu.Nav=1", k);
	if (!err && (e->where & CARD))
		err = hdf_set_valuef(r->hdf, "Menu.%zu.Card=1", k);
	if (err) {
		log_err("menu entry %s: out of memory", e->id);
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

void access_menu(struct req *r)
{
	const struct entry *m;
	size_t n, i, k = 0;

	if (r->sess.kind == SESS_STAFF) {
		m = staff_menu;
		n = sizeof(staff_menu) / sizeof(staff_menu[0]);
	} else if (r->sess.kind == SESS_PORTAL) {
		m = portal_menu;
		n = sizeof(portal_menu) / sizeof(portal_menu[0]);
	} else {
		return;
	}
	for (i = 0; i < n; i++) {
		if (m[i].roles && !(r->sess.roles & m[i].roles))
			continue;
		if (!meets(r, m[i].need))
			continue;
		if (put(r, k, &m[i]) < 0)
			return;
		k++;
	}
}
