/* skr.h: the SKR program's handlers and the helpers its pages share */
#ifndef ZSOG_SKR_H
#define ZSOG_SKR_H

#include "req.h"
#include "staff.h"

/* ui-signin.c */
int signin_form_fn(struct req *r);
int signin_fn(struct req *r);
int signout_fn(struct req *r);

/* ui-dashboard.c */
int dashboard_fn(struct req *r);
/* ui-today.c: the crossings of the officer's unit subtree as
 * Today.Crossings and their codes as Today.Scope, read once a request
 * (the figures and the week's charts both need them): 0 or -1. */
int today_crossings(struct req *r);
/* The unit's figures for today as Today.* (Total, Alerts, Crossings;
 * after Today.Link is set): 0 or -1. */
int today_hdf(struct req *r);
/* The same drawn as HTML into Part.today (skr/today.cs), kept by the
 * worker for the unit, the language and the links that open to the
 * officer, for Report.CacheSeconds. */
int today_part(struct req *r);
/* ui-week.c: the unit's last 7 days as small charts with their tables,
 * Week.Chart.N: 0 or -1. */
int week_hdf(struct req *r);
/* The same drawn as HTML into Part.week (skr/week.cs), kept by the worker
 * for the officer's unit and language for Report.CacheSeconds: the
 * charts and their tables are the unit's, nothing of the officer. */
int week_part(struct req *r);
/* part.c: Part.<name> from the worker's copy under key, or made by fill
 * and drawn from tpl's content() alone, then kept for
 * Report.CacheSeconds (key NULL: made, not kept): 0 or -1. */
int part_kept(struct req *r, const char *key, const char *tpl,
	      int (*fill)(struct req *), const char *name);

/* ui-staff.c: the list and the new-staff form */
int staff_list_fn(struct req *r);
int staff_new_fn(struct req *r);
int staff_create_fn(struct req *r);

/* ui-staff-edit.c: one staff member: unit and roles, status, password */
int staff_edit_fn(struct req *r);
int staff_update_fn(struct req *r);
int staff_status_fn(struct req *r);
int staff_password_fn(struct req *r);

/* ui-grants.c: role grants waiting for a second administrator */
int grants_fn(struct req *r);
int grant_decide_fn(struct req *r);

/* ui-units.c */
int units_fn(struct req *r);

/* ui-help.c: the help index, search and topics (worker_init loads them) */
int help_init(void);
int help_index_fn(struct req *r);
int help_topic_fn(struct req *r);

/* ui-audit.c */
int audit_fn(struct req *r);
/* The details of the audit rows under prefix (prefix.N.detail) with the
 * codes they quote (authorisations, statuses, roles…) as words of the
 * reader's language: the audit page and a staff member's history. */
void audit_words(struct req *r, const char *prefix);

/*
 * scope.c: an administrator manages the staff of their own unit's subtree
 * (the Ministry's is everything). Every admin route asks here.
 */
/* 1 when unit lies in the signed-in officer's subtree, 0 not, -1 error. */
int scope_has_unit(struct req *r, long long unit);
/* The units of root's subtree, depth first, as prefix.N.{Value, Label,
 * Level, Code, Kind, Name, Parent}; Label is indented by level. Returns
 * the count or -1. */
int scope_units_hdf(struct req *r, const char *prefix, long long root);
/* The unit's name in the page's language from a row holding name_pl and
 * name_en. */
const char *unit_name_of(struct req *r, const char *pl, const char *en);
/* "OC-GRZ (12)": how audit details name a unit. */
const char *unit_code(struct req *r, long long unit);

/* Role bits from "admin,crossing" (a GROUP_CONCAT). */
unsigned roles_parse(const char *csv);
/* "admin,crossing" into the arena; "-" for none (audit details). */
const char *roles_text(struct req *r, unsigned bits);
/* Every role as prefix.N.{Name, Label, On} with On set for bits. */
void roles_hdf(struct req *r, const char *prefix, unsigned bits);
/* The checked "role" boxes of the form; -1 when one names no role. */
int roles_read(struct req *r, unsigned *bits);

/*
 * grant.c: separation of duties. These roles open the whole
 * administration, the national audit view or the watch list: nobody gives
 * them alone. Asking puts a pending grant in staff_grant; a second
 * administrator (not the one who asked, not the person, over the person's
 * unit) approves it on /skr/admin/grants. Other roles are given at once.
 */
#define ROLES_TWO_ADMINS (ROLE_ADMIN | ROLE_AUDITOR | ROLE_WATCHLIST)
/* Inside the caller's transaction: a pending grant and an audit row for
 * each role of bits among ROLES_TWO_ADMINS not asked for yet. Returns how
 * many were asked now, or -1. */
int grant_request(struct req *r, long long staff_id, unsigned bits);
/* The roles asked for the person and not decided yet; 0 or -1. */
int grant_pending(long long staff_id, unsigned *bits);
/* Those grants as prefix.N.{Id, Role, At, Requester, Mine}; count or -1. */
int grant_pending_hdf(struct req *r, const char *prefix, long long staff_id);
/* How many grants this administrator may decide now, or -1. */
int grant_waiting(struct req *r);
/* "2026-03-29 14:05": a UTC time as Warsaw's clocks showed it. */
const char *local_minute(struct req *r, long long utc);
/* The role's name in the page's language, from "watchlist". */
const char *role_label(struct req *r, const char *role);

#endif
