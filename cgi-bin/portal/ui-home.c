/* ui-home.c: the portal's start page: what a company can do here, and for
 * a signed-in person what to do next: their registration, the companies
 * they act for, bookings to come, certificates about to expire */
#include "portal.h"

#include <stdio.h>
#include <string.h>

#include "access.h"
#include "accounts.h"
#include "booking.h"
#include "ca_store.h"
#include "crossings.h"
#include "db.h"
#include "epochs.h"
#include "hdfcache.h"
#include "registry.h"
#include "tzpl.h"
#include "view.h"

#define HOME_BOOKINGS 5
#define HOME_CERT_DAYS 30
/* A worker keeps a person's "Home" for a second, and only while neither
 * e-Customer (registration, companies, rights, certificates: any write of
 * the ecustomer program bumps EPOCH_REGISTRY) nor eBT's places
 * (EPOCH_SLOTS) changed: the page's five or so queries then
 * run about once a second per person and worker (docs/performance.md). */
#define HOME_TTL_MS 1000

/* What a person may do for a company, in the catalogue's order. */
static const char *const codes[] = {
	AUTHZ_EBT_BOOK,
	AUTHZ_EBT_VIEW,
	AUTHZ_COMPANY_UPDATE,
	AUTHZ_REPS_MANAGE,
	AUTHZ_REPS_VIEW,
	AUTHZ_DECLARE,
	AUTHZ_XML,
	NULL,
};

/* The companies person acts for today, each with what she may do there
 * (with an agency in between, what both links give). */
static int companies(struct req *r, long long person)
{
	int n = registry_companies_for(person, NULL, r->hdf, "Home.Acts");

	for (int i = 0; i < n; i++) {
		char key[64];
		long long cid;

		snprintf(key, sizeof(key), "Home.Acts.%d.id", i);
		cid = hdf_get_int_value(r->hdf, key, 0);
		for (int k = 0; codes[k]; k++) {
			int ok = registry_may_act(person, cid, codes[k], NULL);

			if (ok < 0)
				return -1;
			if (ok)
				hdf_set_valuef(r->hdf,
					       "Home.Acts.%d.Authz.%s=1", i,
					       codes[k]);
		}
	}
	return n < 0 ? -1 : 0;
}

/* The person's bookings to come, today's marked, each crossing by its
 * name in the page's language. */
static int bookings(struct req *r, long long person)
{
	char today[11];
	HDF *b;

	if (booking_upcoming_hdf(person, HOME_BOOKINGS, r->hdf,
				 "Home.Bookings") < 0)
		return -1;
	tzpl_today(0, today);
	for (b = hdf_get_child(r->hdf, "Home.Bookings"); b;
	     b = hdf_obj_next(b)) {
		struct crossing c;
		int rc = crossings_get(hdf_get_int_value(b, "crossing_id", 0),
				       &c);

		if (rc < 0)
			return -1;
		if (rc == 1)
			hdf_set_value(b, "crossing",
				      strcmp(r->lang, "en") == 0 ? c.name_en
								 : c.name_pl);
		if (strcmp(hdf_get_value(b, "day", ""), today) == 0)
			hdf_set_value(b, "today", "1");
	}
	return 0;
}

/* Home.Reg: none, or the registration's status (submitted, under_review:
 * waiting since Home.Since; rejected; approved: its ID SISC), and for an
 * approved person what follows from it. Links only where the menu offers
 * the page (domain/access.c). */
static int signed_in(struct req *r)
{
	struct row p;
	long long person;
	int rc = registry_registration_of(&r->arena, r->sess.account_id, &p);

	if (rc < 0)
		return -1;
	hdf_set_int_value(r->hdf, "Home.Ecustomer",
			  access_offers(r, "ecustomer"));
	hdf_set_int_value(r->hdf, "Home.Ebt", access_offers(r, "ebt"));
	if (rc == 0) {
		hdf_set_value(r->hdf, "Home.Reg", "none");
		return 0;
	}
	hdf_set_value(r->hdf, "Home.Reg", row_get(&p, "status", ""));
	hdf_set_value(r->hdf, "Home.Since", row_get(&p, "since", ""));
	hdf_set_value(r->hdf, "Home.Sisc", row_get(&p, "id_sisc", ""));
	hdf_set_value(r->hdf, "Home.Scope", row_get(&p, "scope", ""));
	if (!row_int(&p, "approved", 0))
		return 0;
	person = row_int(&p, "id", 0);
	if (companies(r, person) < 0 ||
	    (access_offers(r, "ebt") && bookings(r, person) < 0) ||
	    ca_store_expiring(r->hdf, "Home.Certs", person, HOME_CERT_DAYS) < 0)
		return -1;
	return 0;
}

/* signed_in() through the worker's short-lived copy (HOME_TTL_MS). */
static int signed_in_cached(struct req *r)
{
	char key[64];
	struct kept_stamp s;
	int rc;

	snprintf(key, sizeof(key), "home:%lld:%s", r->sess.account_id, r->lang);
	if ((rc = hdfcache_get(key, r->hdf, "Home")) != 0)
		return rc < 0 ? -1 : 0;
	/* The companies and certificates (registry), the bookings (slots). */
	s = kept_note(EPOCH_BIT(EPOCH_REGISTRY) | EPOCH_BIT(EPOCH_SLOTS));
	if (signed_in(r) < 0)
		return -1;
	hdfcache_put(key, &s, HOME_TTL_MS, r->hdf, "Home");
	return 0;
}

int home_fn(struct req *r)
{
	if (r->sess.kind == &portal_session && signed_in_cached(r) < 0)
		return -1;
	return view_render(r, 200, "portal/home.cs");
}
