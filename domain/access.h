/* access.h: who may open each page a menu offers, and the menus built
 * from exactly that: the programs' route tables name these masks for the
 * pages the menus link to, so a menu never offers a page its route
 * refuses (tests/http/test_crawl.py follows every link as every role).
 * Implemented in access.c. */
#ifndef ZSOG_ACCESS_H
#define ZSOG_ACCESS_H

#include "req.h"
#include "route.h"
#include "staff.h"

/* Intranet pages a menu or the dashboard links to: the staff roles of
 * which any one opens the page (the route's roles). */
#define ACC_REGISTRATIONS ROLE_REGISTRATION /* /skr/ecustomer/queue */
#define ACC_CROSSING ROLE_CROSSING	    /* /skr/ebt/ */
/* /skr/alerts (domain/staff.h: the dashboard's notices link alerts by it
 * too) */
#define ACC_ALERTS ROLES_ALERTS
/* /skr/watchlist and an entry's page (an alert links to its entry) */
#define ACC_WATCHLIST (ROLE_WATCHLIST | ROLE_RISK)
#define ACC_REGISTER (ROLE_RISK | ROLE_CROSSING | ROLE_WATCHLIST)
#define ACC_DEVICES (ROLE_CROSSING | ROLE_ADMIN) /* /skr/devices */
#define ACC_RISK ROLE_RISK /* /skr/risk: the analysts' pages */
/* /skr/control: the control tasks of the officer's crossings */
#define ACC_CONTROL (ROLE_CROSSING | ROLE_ADMIN)
/* /skr/control/decisions/#id: a decision and why (analysts see all) */
#define ACC_DECISION (ROLE_CROSSING | ROLE_ADMIN | ROLE_RISK)
/* /skr/puesc/archive: the route's roles; access_puesc_archive() then keeps
 * the administrators below the Ministry out */
#define ACC_PUESC_ARCHIVE (ROLE_ADMIN | ROLE_AUDITOR)
#define ACC_STAFF_ADMIN ROLE_ADMIN /* /skr/admin/staff, grants, units */
#define ACC_AUDIT (ROLE_ADMIN | ROLE_AUDITOR) /* /skr/audit */
/* /skr/reports/...: the reports (cgi-bin/report), each open to the
 * officers whose work it counts, the heads (administrators) and the
 * auditors; /skr/reports lists those of the account's roles. */
#define ACC_REPORT_TRAFFIC \
	(ROLE_CROSSING | ROLE_RISK | ROLE_ADMIN | ROLE_AUDITOR)
#define ACC_REPORT_EBT (ROLE_CROSSING | ROLE_RISK | ROLE_ADMIN | ROLE_AUDITOR)
#define ACC_REPORT_ALERTS \
	(ROLE_CROSSING | ROLE_RISK | ROLE_WATCHLIST | ROLE_ADMIN | ROLE_AUDITOR)
#define ACC_REPORT_DEVICES (ROLE_CROSSING | ROLE_ADMIN | ROLE_AUDITOR)
#define ACC_REPORT_REGISTRATIONS (ROLE_REGISTRATION | ROLE_ADMIN | ROLE_AUDITOR)
#define ACC_REPORTS                                                \
	(ACC_REPORT_TRAFFIC | ACC_REPORT_EBT | ACC_REPORT_ALERTS | \
	 ACC_REPORT_DEVICES | ACC_REPORT_REGISTRATIONS)
/* /skr/fleet: any officer reaches the fleet's routes; fleet_may_open()
 * (domain/fleet.h) offers the card to fleet managers, administrators,
 * auditors and permitted drivers, the scope the fleet's pages decide by. */
#define ACC_FLEET 0

/* The PUESC archive is national: no message is one unit's, so auditors and
 * the Ministry's administrators only (1), not an administrator of a
 * chamber or an office (0). The archive pages and the menu ask this. */
int access_puesc_archive(const struct req *r);

/* The Ministry's administrator: national settings (the one-stop-shop,
 * /skr/ecustomer/office). */
int access_national_admin(const struct req *r);

/* e-Customer's office side (/skr/ecustomer/: the queue, applications,
 * search) is the one-stop-shop's (registry_office()): the route's role
 * registration, then this: 1 when the officer's unit is the one-stop-shop
 * (an error answers 0). The pages and the menu ask it. */
int access_registry_office(const struct req *r);

/* 1 when the signed-in account's menu offers the entry id ("ebt",
 * "ecustomer", …; staff or portal alike), 0 not: a page that links to
 * another (the portal's home) links only where the menu would. */
int access_offers(const struct req *r, const char *id);

/* Fills the layout's menu for the signed-in account into Menu.N.{Href,
 * Id, Nav, Card} (Href empty: a page still to come): the entries the
 * account may open, in menu order. access_menu: the menu bar's entries
 * only, the struct service .menu of every program that renders pages;
 * access_menu_cards: with the start page's cards too (cgi-bin/skr), whose
 * decisions may read other modules' tables (the fleet's drivers). */
void access_menu(struct req *r);
void access_menu_cards(struct req *r);

#endif
