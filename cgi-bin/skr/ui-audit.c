/* ui-audit.c: the audit log, newest first, filtered and paged; read-only.
 * Auditors and the Ministry's administrators see all of it; any other
 * administrator what their own subtree's staff did and what was done to
 * them */
#include "skr.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "crossings.h"
#include "db.h"
#include "form.h"
#include "route.h"
#include "staff.h"
#include "units.h"
#include "valid.h"
#include "view.h"

#define PER_PAGE 50
#define MAX_PAGE 100000

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

static int valid_page(const char *s)
{
	long long n = valid_id(s);

	return n >= 1 && n <= MAX_PAGE;
}

/* One action of the list, or an area: all of its actions. */
static int valid_action(const char *s)
{
	return audit_action_known(s) || audit_area_known(s);
}

/* A kind of object ("staff"), or one object of a kind ("staff:42", as
 * the links from other pages name it). */
static int valid_object(const char *s)
{
	size_t n = strcspn(s, ":");

	if (!audit_kind_find(s, n))
		return 0;
	return !s[n] || valid_id(s + n + 1) > 0;
}

enum { A_ACTION, A_OBJECT, A_ACTOR, A_FROM, A_TO, A_PAGE, A__MAX };
static const struct param audit_params[A__MAX] = {
	{ "action", P_QUERY, 64, NULL, valid_action,
	  "skr_audit_action" }, /* A_ACTION */
	{ "object", P_QUERY, 128, NULL, valid_object,
	  "skr_audit_object" },				      /* A_OBJECT */
	{ "actor", P_QUERY, 200, NULL, NULL, NULL },	      /* A_ACTOR */
	{ "from", P_QUERY, 10, NULL, valid_day, "date" },     /* A_FROM */
	{ "to", P_QUERY, 10, NULL, valid_day, "date" },	      /* A_TO */
	{ "page", P_QUERY, 6, NULL, valid_page, "skr_page" }, /* A_PAGE */
};

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* The catalogues whose codes a detail may quote (written by whoever acted,
 * for any reader): an authorisation, a status, a role, an alert's outcome,
 * a watch-list entry's action or subject, a risk profile's state, a
 * re-inspection order's subject. Each code has its word in both
 * language files. */
static const char *const catalogues[] = {
	"ecustomer.authz",   "ecustomer.st",
	"ecustomer.scope_v", "skr.role",
	"ingest.outcome",    "ingest.action",
	"ingest.subject",    "risk_profile.state",
	"risk.subject",	     NULL,
};

/* Codes only a keyed detail's parameters quote (never looked for in the
 * free text of older rows, where "car" or "all" are plain words): the
 * fleet's licence categories, vehicle kinds, statuses, fuels, a vehicle's
 * fields and a document's kind, a risk decision's colour and subject, the
 * audit's own words ("all"). */
static const char *const param_catalogues[] = {
	"Fleet.category",  "Fleet.kind",      "Fleet.status",	"Fleet.fuel",
	"Fleet.Fuel.kind", "Fleet.doc_kind",  "risk.colour",	"risk.kind",
	"skr.audit.field", "skr.audit.alert", "skr.audit.word", NULL,
};

static int code_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* The word for code in the reader's language from one of the catalogues
 * cats, or NULL. */
static const char *word_in(struct req *r, const char *const *cats,
			   const char *code, size_t n)
{
	char key[96];

	for (const char *const *c = cats; *c; c++) {
		if ((size_t)snprintf(key, sizeof(key), "%s.%.*s", *c, (int)n,
				     code) >= sizeof(key))
			continue;
		if (view_has_text(r->lang, key))
			return view_text(r, key);
	}
	return NULL;
}

static const char *word_of(struct req *r, const char *code, size_t n)
{
	return word_in(r, catalogues, code, n);
}

/* detail with each quoted code as its word. A token followed by ':' is a
 * label or an object reference ("company:12", "role: admin") and stays;
 * "a,b" lists get a space after the comma. Plain text, escaped by the
 * template like any value. */
static const char *detail_words(struct req *r, const char *s)
{
	struct buf b = { 0 };
	const char *out;

	while (*s) {
		size_t n = 0;
		const char *w;

		while (code_char(s[n]))
			n++;
		if (n && s[n] != ':' && (w = word_of(r, s, n))) {
			buf_puts(&b, w);
			s += n;
		} else if (n) {
			buf_add(&b, s, n);
			s += n;
		} else {
			buf_add(&b, s, 1);
			if (*s == ',' && s[1] && s[1] != ' ')
				buf_puts(&b, " ");
			s++;
		}
	}
	out = arena_strdup(&r->arena, b.p ? b.p : "");
	buf_free(&b);
	return out;
}

/* A parameter of a keyed detail: a code or a list of codes ("admin,risk",
 * "B,C", "-") is shown as words, a list with ", "; anything else (a login,
 * a name, a number) as written. */
static int param_char(char c)
{
	return code_char(c) || (c >= 'A' && c <= 'Z') || c == '-';
}

/* A crossing's name in the reader's language for its code ("GRZ"), from
 * AuditCrossing (audit_words), or NULL. */
static const char *crossing_name(struct req *r, const char *code, size_t n)
{
	char key[64];

	if ((size_t)snprintf(key, sizeof(key), "AuditCrossing.%.*s", (int)n,
			     code) >= sizeof(key))
		return NULL;
	return hdf_get_value(r->hdf, key, NULL);
}

static const char *param_words(struct req *r, const char *p, size_t n)
{
	struct buf b = { 0 };
	const char *out;
	size_t i, start;

	for (i = 0; i < n; i++)
		if (!param_char(p[i]) && p[i] != ',')
			return arena_printf(&r->arena, "%.*s", (int)n, p);
	for (start = 0; start <= n; start = i + 1) {
		const char *w;

		for (i = start; i < n && p[i] != ','; i++)
			;
		if (start)
			buf_puts(&b, ", ");
		if ((w = word_in(r, catalogues, p + start, i - start)) ||
		    (w = word_in(r, param_catalogues, p + start, i - start)) ||
		    (w = crossing_name(r, p + start, i - start)))
			buf_puts(&b, w);
		else
			buf_add(&b, p + start, i - start);
	}
	out = arena_strdup(&r->arena, b.p ? b.p : "");
	buf_free(&b);
	return out;
}

enum { AS_WRITTEN, AS_NUMBER, AS_MONEY, AS_UNIT, AS_CATALOGUE };

/* A unit as the details write it, "OC-GRZ (12)" (units_label), by its
 * name in the reader's language and its code, "Oddział Celny w
 * Grzechotkach (OC-GRZ)"; NULL when p is not one or the unit is gone. */
static const char *unit_words(struct req *r, const char *p, size_t n)
{
	struct unit_info u;
	long long id = 0;
	size_t open;

	if (n < 4 || p[n - 1] != ')')
		return NULL;
	for (open = n - 1; open > 0 && p[open - 1] >= '0' && p[open - 1] <= '9';
	     open--)
		;
	if (open < 3 || open == n - 1 || p[open - 1] != '(' ||
	    p[open - 2] != ' ' || n - 1 - open > 15)
		return NULL;
	for (size_t i = open; i < n - 1; i++)
		id = id * 10 + (p[i] - '0');
	if (units_get(&r->arena, id, &u) != 1)
		return NULL;
	return arena_printf(&r->arena, "%s (%s)",
			    strcmp(r->lang, "en") ? u.name_pl : u.name_en,
			    u.code);
}

/* A placeholder at t: "{N}" a parameter as words (param_words), "{N:num}"
 * a number, "{N:pln}" an amount of złoty in the reader's words
 * (audit_number), "{N:unit}" a unit by name (unit_words), "{N:a.b}" a
 * code or a list of codes as the words of the one catalogue a.b (where
 * another catalogue has other words for the same code). Its length, *i
 * the parameter (0 for {1}), *how and, for a catalogue, *cat and *catlen;
 * 0 when t holds none. */
static size_t placeholder(const char *t, int *i, int *how, const char **cat,
			  size_t *catlen)
{
	static const struct {
		const char *tail;
		int how;
	} kinds[] = { { "}", AS_WRITTEN },
		      { ":num}", AS_NUMBER },
		      { ":pln}", AS_MONEY },
		      { ":unit}", AS_UNIT } };
	size_t n;

	if (t[0] != '{' || t[1] < '1' || t[1] > '9')
		return 0;
	*i = t[1] - '1';
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		n = strlen(kinds[k].tail);
		if (!strncmp(t + 2, kinds[k].tail, n)) {
			*how = kinds[k].how;
			return 2 + n;
		}
	}
	if (t[2] != ':')
		return 0;
	for (n = 3; t[n] && t[n] != '}'; n++)
		if (!code_char(t[n]) && t[n] != '.' &&
		    !(t[n] >= 'A' && t[n] <= 'Z'))
			return 0;
	if (t[n] != '}' || n == 3 || n - 3 > 48)
		return 0;
	*how = AS_CATALOGUE;
	*cat = t + 3;
	*catlen = n - 3;
	return n + 1;
}

/* A parameter's codes (a code or "a,b") as the words of catalogue cat, a
 * list with ", "; NULL when one of them has none there. */
static const char *catalogue_words(struct req *r, const char *cat,
				   size_t catlen, const char *p, size_t n)
{
	struct buf b = { 0 };
	const char *out = NULL;
	size_t i, start;

	for (start = 0; start <= n; start = i + 1) {
		const char *key;

		for (i = start; i < n && p[i] != ','; i++)
			;
		key = arena_printf(&r->arena, "%.*s.%.*s", (int)catlen, cat,
				   (int)(i - start), p + start);
		if (i == start || !view_has_text(r->lang, key))
			goto out;
		if (start)
			buf_puts(&b, ", ");
		buf_puts(&b, view_text(r, key));
	}
	out = arena_strdup(&r->arena, b.p ? b.p : "");
out:
	buf_free(&b);
	return out;
}

/* A detail written as "@key|p1|p2…" (audit.h) in the reader's language:
 * {1}, {2}… of the key's words are the parameters in order, the highest
 * one taking the rest of the line (a name may hold a '|'); {N:num} and
 * {N:pln} a number and an amount as the reader writes them, {N:unit} a
 * unit by name, {N:a.b} codes as one catalogue's words (a parameter
 * that is not one shows as written). NULL when the key is not one of the
 * language's (the caller shows what is stored). */
static const char *keyed_words(struct req *r, const char *d)
{
	const char *bar = strchr(d, '|'), *key, *w, *p[9] = { 0 };
	size_t len[9] = { 0 }, n, catlen = 0;
	struct buf b = { 0 };
	int last = 0, i, how;
	const char *cat = NULL;

	key = arena_printf(&r->arena, "%.*s",
			   (int)(bar ? bar - d - 1 : (long)strlen(d + 1)),
			   d + 1);
	if (!key || !strchr(key, '.') || !view_has_text(r->lang, key))
		return NULL;
	w = view_text(r, key);
	for (const char *t = w; *t; t++)
		if (placeholder(t, &i, &how, &cat, &catlen) && i + 1 > last)
			last = i + 1;
	for (i = 0; bar && i < last; i++) {
		const char *next = i + 1 < last ? strchr(bar + 1, '|') : NULL;

		p[i] = bar + 1;
		len[i] = next ? (size_t)(next - p[i]) : strlen(p[i]);
		bar = next;
	}
	while (*w) {
		if ((n = placeholder(w, &i, &how, &cat, &catlen))) {
			const char *num =
				!p[i] || how == AS_WRITTEN ? NULL
				: how == AS_UNIT ? unit_words(r, p[i], len[i])
				: how == AS_CATALOGUE
					? catalogue_words(r, cat, catlen, p[i],
							  len[i])
					: audit_number(&r->arena, p[i], len[i],
						       r->lang,
						       how == AS_MONEY);

			if (num)
				buf_puts(&b, num);
			else if (p[i])
				buf_puts(&b, param_words(r, p[i], len[i]));
			w += n;
		} else {
			buf_add(&b, w++, 1);
		}
	}
	w = arena_strdup(&r->arena, b.p ? b.p : "");
	buf_free(&b);
	return w;
}

/* The word for the first n bytes of s in catalogue cat ("skr.audit.act"),
 * its dots read as underscores (an action "fleet.trip.open" is the
 * catalogue's fleet_trip_open); NULL when s is no code or has no word. */
static const char *label(struct req *r, const char *cat, const char *s,
			 size_t n)
{
	const char *const cats[] = { cat, NULL };
	char name[64];

	if (n == 0 || n >= sizeof(name))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		name[i] = s[i] == '.' ? '_' : s[i];
		if (!code_char(name[i]))
			return NULL;
	}
	return word_in(r, cats, name, n);
}

/* The action in words: its own label, else its area's ("fleet.vehicle.
 * out_of_service": a state change of the fleet), else "Other action";
 * never the code (it stays in the row's data-action, for tests). */
static const char *action_words(struct req *r, const char *code)
{
	const char *w = label(r, "skr.audit.act", code, strlen(code));

	if (!w)
		w = label(r, "skr.audit.area", code, strcspn(code, "."));
	return w ? w : view_text(r, "skr.audit.area.other");
}

/* The object's kind in words ("fleet_trip:12": a trip); the detail line
 * names which one. "" for a kind without words. */
static const char *object_words(struct req *r, const char *object)
{
	const char *w = label(r, "skr.audit.obj", object, strcspn(object, ":"));

	return w ? w : "";
}

/* hdf's node.name = value. */
static void set(struct req *r, const char *node, const char *name,
		const char *value)
{
	hdf_set_value(r->hdf, arena_printf(&r->arena, "%s.%s", node, name),
		      value);
}

/* The action list of the filter as Opt.Action.N.{Value, Label, Every,
 * Acts.M.{Value, Label}}: an area's heading, its "every action" option
 * and its actions, in audit_actions' order; the kinds of object as
 * Opt.Kind.N.{Value, Label}. Codes only in the values. */
static void filter_options(struct req *r)
{
	const char *every = view_text(r, "skr.audit.every_action");
	const char *area = NULL, *key = NULL;
	size_t len = 0;
	int areas = 0, acts = 0;

	for (const char *const *a = audit_actions; *a; a++) {
		size_t n = strcspn(*a, ".");
		const char *w;

		if (!area || n != len || strncmp(*a, area, n)) {
			w = label(r, "skr.audit.group", *a, n);
			area = *a;
			len = n;
			acts = 0;
			key = arena_printf(&r->arena, "Opt.Action.%d", areas++);
			set(r, key, "Value",
			    arena_printf(&r->arena, "%.*s", (int)n, *a));
			set(r, key, "Label", w ? w : "");
			set(r, key, "Every",
			    arena_printf(&r->arena, "%s: %s", w ? w : "",
					 every));
		}
		w = label(r, "skr.audit.act", *a, strlen(*a));
		set(r, key, arena_printf(&r->arena, "Acts.%d.Value", acts), *a);
		set(r, key, arena_printf(&r->arena, "Acts.%d.Label", acts++),
		    w ? w : view_text(r, "skr.audit.area.other"));
	}
	for (int i = 0; audit_kinds[i].kind; i++) {
		const char *k = audit_kinds[i].kind;
		const char *w = label(r, "skr.audit.obj", k, strlen(k));

		key = arena_printf(&r->arena, "Opt.Kind.%d", i);
		set(r, key, "Value", k);
		set(r, key, "Label", w ? w : "");
	}
}

/* One object ("staff:42") in words for "filtered to": its kind and, for a
 * staff member (the national view) or a unit, its name; else its
 * number. */
static const char *one_object_words(struct req *r, const char *obj,
				    long long national)
{
	size_t n = strcspn(obj, ":");
	const struct audit_kind *k = audit_kind_find(obj, n);
	long long id = valid_id(obj + n + 1);
	const char *kind = label(r, "skr.audit.obj", k->kind, strlen(k->kind));
	const char *name = NULL;
	struct unit_info u;

	if (!strcmp(k->kind, "staff") && national)
		name = staff_name(&r->arena, id);
	else if (!strcmp(k->kind, "org_unit") &&
		 units_get(&r->arena, id, &u) == 1)
		name = arena_printf(
			&r->arena, "%s (%s)",
			strcmp(r->lang, "en") ? u.name_pl : u.name_en, u.code);
	/* "no. {1}", filled as a keyed detail is (keyed_words). */
	if (!name)
		name = keyed_words(r, arena_printf(&r->arena,
						   "@skr.audit.object_no|%lld",
						   id));
	if (!name)
		name = arena_printf(&r->arena, "%lld", id);
	return arena_printf(&r->arena, "%s %s", kind ? kind : "", name);
}

void audit_words(struct req *r, const char *prefix)
{
	HDF *row;

	/* Crossings named by their code in a keyed detail (a risk export's
	 * "GRZ,KOR") read as their names; without them, as written. */
	if (hdf_get_child(r->hdf, prefix) &&
	    crossings_names_hdf(r->lang, r->hdf, "AuditCrossing") < 0)
		hdf_remove_tree(r->hdf, "AuditCrossing");
	for (row = hdf_get_child(r->hdf, prefix); row;
	     row = hdf_obj_next(row)) {
		const char *d = hdf_get_value(row, "detail", NULL), *w = NULL;
		const char *kind = hdf_get_value(row, "actor_kind", "");

		hdf_set_value(
			row, "action_words",
			action_words(r, hdf_get_value(row, "action", "")));
		hdf_set_value(
			row, "object_words",
			object_words(r, hdf_get_value(row, "object", "")));
		w = label(r, "skr.audit.kind", kind, strlen(kind));
		/* The system names itself; a device is named by its number
		 * when the row kept no name. */
		if (!strcmp(kind, "system")) {
			hdf_set_value(row, "actor_words",
				      view_text(r, "skr.audit.system"));
			w = NULL;
		} else if (!strcmp(kind, "device") &&
			   !*hdf_get_value(row, "actor_name", "")) {
			hdf_set_value(
				row, "actor_words",
				one_object_words(
					r,
					arena_printf(&r->arena, "device:%s",
						     hdf_get_value(row,
								   "actor_id",
								   "0")),
					0));
			w = NULL;
		}
		hdf_set_value(row, "actor_kind_words", w ? w : "");
		w = NULL;
		if (!d || !*d)
			continue;
		/* Rows written before details had keys keep their text. */
		if (d[0] == '@')
			w = keyed_words(r, d);
		hdf_set_value(row, "detail", w ? w : detail_words(r, d));
	}
}

int audit_fn(struct req *r)
{
	const char *v[A__MAX], *act, *obj, *who, *from, *to;
	const char *action = "", *area = "", *kind = "", *alias = "";
	const char *object = "";
	/* The auditor's view is the whole country's, whoever holds it. */
	long long national = (r->sess.roles & ROLE_AUDITOR) ||
			     ((r->sess.roles & ROLE_ADMIN) && r->sess.national);
	long long page;
	int n;

	if (!national)
		hdf_set_value(r->hdf, "Audit.Scoped", "1");
	filter_options(r);

	if (form_read(r, audit_params, A__MAX, v)) {
		/* Nothing is listed under a filter that could not be read:
		 * a wider list than asked for would mislead. The one object
		 * a link named stays named. */
		obj = hdf_get_value(r->hdf, "Form.object", "");
		if (!hdf_get_value(r->hdf, "Form.object.Error", NULL) &&
		    strchr(obj, ':'))
			hdf_set_value(r->hdf, "Audit.Object",
				      one_object_words(r, obj, national));
		return view_render(r, 422, "skr/audit.cs");
	}
	page = v[A_PAGE] ? valid_id(v[A_PAGE]) : 1;
	act = or_empty(v[A_ACTION]);
	obj = or_empty(v[A_OBJECT]);
	who = or_empty(v[A_ACTOR]);
	from = or_empty(v[A_FROM]);
	to = or_empty(v[A_TO]);
	if (audit_action_known(act))
		action = act;
	else
		area = act;
	if (strchr(obj, ':')) {
		/* One object, as a link from its page names it. */
		object = obj;
		hdf_set_value(r->hdf, "Audit.Object",
			      one_object_words(r, obj, national));
	} else if (*obj) {
		const struct audit_kind *k = audit_kind_find(obj, strlen(obj));

		kind = k->kind;
		alias = k->alias ? k->alias : k->kind;
		hdf_set_value(r->hdf, "Form.object", kind);
	}
	n = audit_list_hdf(r->hdf, "Audit.Rows",
			   &(struct audit_filter){ r->sess.unit_id, national,
						   action, area, kind, alias,
						   object, who, from, to },
			   PER_PAGE + 1, (page - 1) * PER_PAGE);
	if (n < 0)
		return -1;
	audit_words(r, "Audit.Rows");
	if (n > PER_PAGE) {
		char key[32];

		snprintf(key, sizeof(key), "Audit.Rows.%d", PER_PAGE);
		hdf_remove_tree(r->hdf, key);
		hdf_set_int_value(r->hdf, "Pager.Next", (int)page + 1);
	}
	if (page > 1)
		hdf_set_int_value(r->hdf, "Pager.Prev", (int)page - 1);
	hdf_set_int_value(r->hdf, "Pager.Page", (int)page);
	hdf_set_int_value(r->hdf, "Pager.Shown", n > PER_PAGE ? PER_PAGE : n);
	return view_render(r, 200, "skr/audit.cs");
}
