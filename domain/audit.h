/* audit.h: the append-only audit log: who did what to which object, when */
#ifndef ZSOG_AUDIT_H
#define ZSOG_AUDIT_H

#include "req.h"

/* action: "staff.create"; object: "staff:42"; detail: NULL, a value as
 * entered (a name, a serial, codes) or, for words, "@key|p1|p2…": key a
 * language string with {1}, {2}… for the parameters, the highest taking
 * the rest of the line; the audit pages show it in the reader's language
 * (cgi-bin/skr/ui-audit.c), codes among the parameters as words.
 * Outside a FastCGI request (a background tick, tools/zsog-admin: r NULL
 * or without r->fcgi) the row's actor is the system, with no client
 * address. action must be one of audit_actions. */
int audit_log(struct req *r, const char *action, const char *object,
	      const char *detail);

/* Every action the programs write, grouped by area (the code up to its
 * first dot: "staff" for "staff.create"), in the order the audit page
 * offers them; NULL-terminated. An action written anywhere must be here
 * (tests/http/test_audit_filters.py reads the tree and the page). */
extern const char *const audit_actions[];
/* The kinds of object (the reference up to its ':', "staff" for
 * "staff:42"), in the order the audit page offers them; NULL-terminated.
 * A kind may have an older spelling its rows still carry (.alias). */
struct audit_kind {
	const char *kind, *alias;
};
extern const struct audit_kind audit_kinds[];

/* 1 when s is one of audit_actions, else 0. */
int audit_action_known(const char *s);
/* 1 when s is the area of one of audit_actions ("fleet"), else 0. */
int audit_area_known(const char *s);
/* The kind s is (or is the alias of), or NULL. */
const struct audit_kind *audit_kind_find(const char *s, size_t n);

/* What the audit page lists: national, or the rows whose actor or object
 * is a staff member now in unit's subtree; each filter "" for any. */
struct audit_filter {
	long long unit, national;
	const char *action;    /* exactly one of audit_actions */
	const char *area;      /* an area: its actions */
	const char *kind;      /* a kind of object (and its alias) */
	const char *alias;     /* the kind's alias, or the kind again */
	const char *object;    /* exactly */
	const char *actor;     /* part of the name, or a staff login */
	const char *from, *to; /* YYYY-MM-DD, both days included */
};
/* Newest first into prefix.N.*; the row count or -1. */
int audit_list_hdf(HDF *hdf, const char *prefix, const struct audit_filter *f,
		   long long limit, long long offset);
/* The newest limit rows about object as prefix.N.{at, actor_kind,
 * actor_id, actor_name, action, detail}; the row count or -1. */
int audit_history_hdf(HDF *hdf, const char *prefix, const char *object,
		      long long limit);

/* A keyed detail's parameter written by whoever acted, for the reader's
 * words: s with each '|' as '/' (a name, a make or a place in the middle
 * of a detail would otherwise split it); NULL as "". In arena a. */
const char *audit_param(struct arena *a, const char *s);

/* A vehicle as a detail names it: "WI 1234A (Volkswagen Golf)", its
 * plate and its make and model (audit_param'd). In arena a. */
const char *audit_vehicle(struct arena *a, const char *plate, const char *make,
			  const char *model);

/* A decimal as written in a detail (n characters of in: "1234.5", "-12",
 * "10450") in lang's words: pl "1 234,5", en "1,234.5"; with money, two
 * decimals and the currency: pl "1 234,50 zł", en "PLN 1,234.50". NULL
 * when it is not a plain decimal (or money with more than two decimals):
 * the caller shows it as written. In arena a. */
const char *audit_number(struct arena *a, const char *in, size_t n,
			 const char *lang, int money);

#endif
