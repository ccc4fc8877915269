/* access.c: the menus of the intranet and the portal, built from the same
 * decisions the routes make (access.h) */
#include "access.h"

#include <string.h>

#include "accounts.h"
#include "epochs.h"
#include "fleet.h"
#include "inbox.h"
#include "kept.h"
#include "log.h"
#include "registry.h"
#include "registry_apps.h"
#include "staff.h"
#include "util.h"

/* In the menu bar, on the dashboard; NODE: also on a node serving one
 * crossing (route_on_node), whose routes carry R_NODE: there the menus lead
 * only to what works there. */
enum { NAV = 1 << 0, CARD = 1 << 1, NODE = 1 << 2 };

struct entry {
	const char *href; /* NULL: announced, not yet built */
	const char *id;	  /* L.menu.<id>, L.skr.link.<id>(_text) */
	unsigned roles;	  /* staff: any of these; 0 = any staff */
	/* The page's own decision beyond the route, when it has one. */
	int (*may)(const struct req *r);
	unsigned where;
};

/* ebt_person() refuses (403) an account without an approved person: the
 * same registry answer decides the entry. A failed look-up leaves the
 * entry out (the page itself would answer the error). */
static int has_person(const struct req *r)
{
	long long person;

	return registry_person_of_account(r->sess.account_id, &person) == 1;
}

int access_puesc_archive(const struct req *r)
{
	return (r->sess.roles & ROLE_AUDITOR) ||
	       ((r->sess.roles & ROLE_ADMIN) && r->sess.national);
}

int access_national_admin(const struct req *r)
{
	return (r->sess.roles & ROLE_ADMIN) && r->sess.national;
}

/* Whether the reader's unit is the one-stop-shop, for the menu of every
 * intranet page a registration officer opens: kept by the worker while
 * EPOCH_REGISTRY stands (the hand-over, ecustomer's ui-oss.c, bumps it
 * as every registry write does) and for at most OFFICE_KEEP_MS
 * (another server's hand-over bumps no counter here). Only the menu
 * reads the copy; the office's pages ask registry_office_is themselves.
 * Without it, one statement at every kept report page of a registration
 * officer (docs/performance.md, "Reports"). */
#define OFFICE_KEEP_MS 30000
int access_registry_office(const struct req *r)
{
	static struct {
		long long unit;
		int is;
		struct kept k;
	} office;
	struct kept_stamp s;
	int is;

	if (kept_good(&office.k) && office.unit == r->sess.unit_id)
		return office.is;
	s = kept_note(EPOCH_BIT(EPOCH_REGISTRY));
	is = registry_office_is(r->sess.unit_id);
	if (is >= 0 && kept_may(&s, OFFICE_KEEP_MS)) {
		office.unit = r->sess.unit_id;
		office.is = is;
		kept_set(&office.k, &s, OFFICE_KEEP_MS);
	}
	return is == 1;
}

static const struct entry staff_menu[] = {
	{ "/skr/", "dashboard", 0, NULL, NAV | NODE },
	{ "/skr/ecustomer/queue", "registrations", ACC_REGISTRATIONS,
	  access_registry_office, NAV | CARD },
	{ "/skr/ebt/", "crossing", ACC_CROSSING, NULL, NAV | CARD | NODE },
	{ "/skr/alerts", "alerts", ACC_ALERTS, NULL, NAV | CARD | NODE },
	{ "/skr/watchlist", "watchlist", ACC_WATCHLIST, NULL, NAV | CARD },
	{ "/skr/register", "register", ACC_REGISTER, NULL, NAV | CARD | NODE },
	{ "/skr/devices", "devices", ACC_DEVICES, NULL, NAV | CARD },
	{ "/skr/control", "control", ACC_CONTROL, NULL, NAV | CARD | NODE },
	{ "/skr/risk", "risk", ACC_RISK, NULL, NAV | CARD },
	{ "/skr/risk/exchange", "exchange", ACC_RISK, NULL, CARD },
	{ "/skr/reports", "reports", ACC_REPORTS, NULL, NAV | CARD },
	{ "/skr/puesc/archive", "puesc", ACC_PUESC_ARCHIVE,
	  access_puesc_archive, NAV | CARD },
	{ "/skr/admin/staff", "staff", ACC_STAFF_ADMIN, NULL, NAV | CARD },
	{ "/skr/admin/grants", "grants", ACC_STAFF_ADMIN, NULL, NAV | CARD },
	{ "/skr/admin/units", "units", ACC_STAFF_ADMIN, NULL, CARD },
	{ "/skr/ecustomer/office", "oss", ROLE_ADMIN, access_national_admin,
	  CARD },
	{ "/skr/audit", "audit", ACC_AUDIT, NULL, NAV | CARD },
	/* the fleet's dashboard for those who manage or read a unit's fleet,
	 * a driver's own trips for an officer who only drives (the dashboard
	 * would send them there) */
	{ "/skr/fleet", "fleet", ACC_FLEET, fleet_reads_units, CARD },
	{ "/skr/fleet/my", "fleet", ACC_FLEET, fleet_drives_only, CARD },
};

/* The unread items of the account's inbox and its companies' (every
 * portal page's header): the reader list and the counts are kept by the
 * worker until an item is filed or read; then one primary-key read per
 * addressee (docs/performance.md). */
static long long inbox_count(const struct req *r)
{
	struct inbox_reader rd;
	struct arena a = { 0 };
	const char *sig;
	long long n;
	int rc;

	rc = inbox_reader_of(r->sess.account_id, &rd) < 0 ||
	     inbox_state(&a, &rd, &sig, &n) < 0;
	arena_reset(&a);
	return rc ? -1 : n;
}

/* Entries with a count beside them (Menu.k.Count); -1 (logged) leaves
 * it out. */
static const struct counter {
	const char *id;
	long long (*count)(const struct req *r);
} counters[] = {
	{ "inbox", inbox_count },
};

static const struct entry portal_menu[] = {
	{ "/", "home", 0, NULL, NAV },
	{ "/ecustomer/", "ecustomer", 0, NULL, NAV },
	{ "/ecustomer/inbox", "inbox", 0, NULL, NAV },
	{ "/ebt/", "ebt", 0, has_person, NAV },
	{ "/portal/account", "account", 0, NULL, NAV },
};

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
	for (size_t i = 0; !err && i < sizeof(counters) / sizeof(counters[0]);
	     i++) {
		long long n;

		if (strcmp(counters[i].id, e->id) ||
		    (n = counters[i].count(r)) < 0)
			continue;
		err = hdf_set_valuef(r->hdf, "Menu.%zu.Count=%lld", k, n);
	}
	if (err) {
		log_err("menu entry %s: out of memory", e->id);
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

/* The signed-in account's menu, or NULL for nobody. */
static const struct entry *menu_of(const struct req *r, size_t *n)
{
	if (r->sess.kind == &staff_session) {
		*n = sizeof(staff_menu) / sizeof(staff_menu[0]);
		return staff_menu;
	}
	if (r->sess.kind == &portal_session) {
		*n = sizeof(portal_menu) / sizeof(portal_menu[0]);
		return portal_menu;
	}
	return NULL;
}

static int offered(const struct req *r, const struct entry *e)
{
	if (!(e->where & NODE) && route_on_node())
		return 0;
	return (!e->roles || (r->sess.roles & e->roles)) &&
	       (!e->may || e->may(r));
}

int access_offers(const struct req *r, const char *id)
{
	size_t n, i;
	const struct entry *m = menu_of(r, &n);

	for (i = 0; m && i < n; i++)
		if (!strcmp(m[i].id, id) && m[i].href && offered(r, &m[i]))
			return 1; /* an id may have one entry per kind of reader */
	return 0;
}

/* The entries of the menu bar, and with cards those only the start page
 * shows: a card-only entry's decision (the fleet's: a look at fleet_driver)
 * is asked only by the program drawing that page. */
static void menu(struct req *r, int cards)
{
	size_t n, i, k = 0;
	const struct entry *m = menu_of(r, &n);

	for (i = 0; m && i < n; i++) {
		if (!cards && !(m[i].where & NAV))
			continue;
		if (!offered(r, &m[i]))
			continue;
		if (put(r, k, &m[i]) < 0)
			return;
		k++;
	}
}

void access_menu(struct req *r)
{
	menu(r, 0);
}

void access_menu_cards(struct req *r)
{
	menu(r, 1);
}
