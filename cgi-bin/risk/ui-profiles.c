/* ui-profiles.c: the risk profiles: the list, a new profile, one profile
 * with its versions and the form that saves a new version (the rule is
 * checked on save: 422 with the place, nothing stored) */
#include "risk_ui.h"

#include <string.h>

#include "audit.h"
#include "crossings.h"
#include "form.h"
#include "resp.h"
#include "risk_profile.h"
#include "route.h"
#include "staff.h"
#include "valid.h"
#include "view.h"

enum {
	F_NAME,
	F_RULE,
	F_DECISION,
	F_WEIGHT,
	F_CROSSINGS,
	F_LANES,
	F_FROM,
	F_TO,
	F_RATE,
	F__MAX
};
static const struct param profile_params[F__MAX] = {
	{ "name", P_REQUIRED, 120, NULL, NULL, NULL }, /* F_NAME */
	{ "rule", P_REQUIRED | P_MULTILINE, RISK_RULE_MAX_LEN, NULL, NULL,
	  NULL },					 /* F_RULE */
	{ "decision", P_REQUIRED, 8, NULL, NULL, NULL }, /* F_DECISION */
	{ "weight", 0, 4, NULL, NULL, NULL },		 /* F_WEIGHT */
	{ "crossings", 0, 200, NULL, NULL, NULL },	 /* F_CROSSINGS */
	{ "lanes", 0, 200, NULL, NULL, NULL },		 /* F_LANES */
	{ "valid_from", 0, 10, NULL, NULL, NULL },	 /* F_FROM */
	{ "valid_to", 0, 10, NULL, NULL, NULL },	 /* F_TO */
	{ "rate", 0, 5, NULL, NULL, NULL },		 /* F_RATE */
};

/* A profile's own random rate as written: percent 0-100 with at most one
 * decimal, a dot or a comma ("2.5", "2,5"); into per mille. 1 read, 0
 * not a rate. */
static int read_rate(const char *s, int *per_mille)
{
	int whole = 0, tenth = 0, n = 0;

	for (; *s >= '0' && *s <= '9' && n < 3; s++, n++)
		whole = whole * 10 + (*s - '0');
	if (!n)
		return 0;
	if (*s == '.' || *s == ',') {
		if (s[1] < '0' || s[1] > '9')
			return 0;
		tenth = s[1] - '0';
		s += 2;
	}
	if (*s || whole * 10 + tenth > 1000)
		return 0;
	*per_mille = whole * 10 + tenth;
	return 1;
}

static const char *const decisions[] = { "score", "green", "yellow", "red",
					 NULL };

/* Each item of a comma-separated list as prefix.<item> = 1 (the ticked
 * boxes), or as prefix.N = item (a list to name in words). */
static void list_hdf(struct req *r, const char *list, const char *prefix,
		     int numbered)
{
	char item[32];
	int n = 0;

	while (list && *list) {
		size_t k = strcspn(list, ",");

		if (k > 0 && k < sizeof(item)) {
			memcpy(item, list, k);
			item[k] = '\0';
			if (numbered)
				hdf_set_valuef(r->hdf, "%s.%d=%s", prefix, n++,
					       item);
			else
				hdf_set_valuef(r->hdf, "%s.%s=1", prefix, item);
		}
		list += k;
		if (*list == ',')
			list++;
	}
}

/* The values of a repeated field (ticked boxes), joined by commas in the
 * request's arena; NULL none. */
static const char *joined(struct req *r, const char *name)
{
	const char *out = NULL;

	for (size_t i = 0; i < r->nf; i++) {
		const struct field *f = &r->ffields[i];

		if (!f->name || strcmp(f->name, name) || !f->value ||
		    !*f->value)
			continue;
		out = out ? arena_printf(&r->arena, "%s,%s", out, f->value)
			  : f->value;
	}
	return out;
}

/* The form's choices (the crossings by name, the lane kinds) and the
 * field list with its descriptions. 0 or -1. */
static int form_hdf(struct req *r)
{
	for (int i = 0; decisions[i]; i++) {
		hdf_set_valuef(r->hdf, "Decisions.%d.Value=%s", i,
			       decisions[i]);
		hdf_set_valuef(
			r->hdf, "Decisions.%d.Label=%s", i,
			view_text(r, arena_printf(&r->arena,
						  "risk_profile.decision.%s",
						  decisions[i])));
	}
	for (int i = 0; i < RF__MAX; i++) {
		hdf_set_valuef(r->hdf, "Fields.%d.name=%s%s", i,
			       risk_fields[i].name,
			       risk_fields[i].nargs ? "(n)" : "");
		hdf_set_valuef(r->hdf, "Fields.%d.doc=%s", i,
			       risk_fields[i].doc);
	}
	for (int i = 0; risk_lane_kinds[i]; i++)
		hdf_set_valuef(r->hdf, "LaneKinds.%d=%s", i,
			       risk_lane_kinds[i]);
	return crossings_names_hdf(r->lang, r->hdf, "CrossingName");
}

/* Reads and checks the form into *in (strings in the request's arena);
 * the number of fields in error, each with its message beside it. */
static int read_profile(struct req *r, struct risk_profile_in *in)
{
	const char *v[F__MAX];
	struct risk_rule *rule;
	struct risk_error err;
	char buf[256];
	int errors = form_read(r, profile_params, F__MAX, v), ok = 0, y, m, d;

	memset(in, 0, sizeof(*in));
	in->random_per_mille = -1;
	in->name = v[F_NAME];
	in->rule = v[F_RULE];
	if (v[F_RULE]) {
		if (risk_rule_compile(v[F_RULE], &rule, &err) < 0) {
			/* the message, and where: the template writes the place */
			view_field_error(r, "rule",
					 arena_printf(&r->arena,
						      "risk_rule.err.%s",
						      err.msg));
			hdf_set_int_value(r->hdf, "Form.rule.Line", err.line);
			hdf_set_int_value(r->hdf, "Form.rule.Col", err.col);
			hdf_set_int_value(r->hdf, "Form.rule.Pos", err.pos);
			hdf_set_value(r->hdf, "Form.rule.Near", err.near);
			errors++;
		}
		risk_rule_free(rule);
	}
	if (v[F_DECISION]) {
		for (int i = 0; decisions[i]; i++)
			ok |= !strcmp(v[F_DECISION], decisions[i]);
		if (!ok) {
			view_field_error(r, "decision", "err.invalid");
			errors++;
		} else if (strcmp(v[F_DECISION], "score")) {
			in->fixed = v[F_DECISION];
		} else if (!v[F_WEIGHT] ||
			   !valid_digits(v[F_WEIGHT], strlen(v[F_WEIGHT])) ||
			   (in->weight = valid_id(v[F_WEIGHT])) < 1 ||
			   in->weight > 1000) {
			view_field_error(r, "weight",
					 "risk_profile.err.weight");
			errors++;
		}
	}
	/* ticked boxes, one value each (a list typed by hand too) */
	v[F_CROSSINGS] = joined(r, "crossings");
	v[F_LANES] = joined(r, "lanes");
	if (v[F_CROSSINGS]) {
		if (!risk_scope_crossings(v[F_CROSSINGS], buf, sizeof(buf))) {
			view_field_error(r, "crossings",
					 "risk_profile.err.crossings");
			errors++;
		} else {
			in->crossings = arena_strdup(&r->arena, buf);
			list_hdf(r, buf, "Form.crossings_on", 0);
		}
	}
	if (v[F_LANES]) {
		if (!risk_scope_lane_kinds(v[F_LANES], buf, sizeof(buf))) {
			view_field_error(r, "lanes", "risk_profile.err.lanes");
			errors++;
		} else {
			in->lane_kinds = arena_strdup(&r->arena, buf);
			list_hdf(r, buf, "Form.lanes_on", 0);
		}
	}
	if (v[F_FROM] && !valid_date(v[F_FROM], &y, &m, &d)) {
		view_field_error(r, "valid_from", "err.invalid");
		errors++;
	} else {
		in->valid_from = v[F_FROM];
	}
	if (v[F_TO] && !valid_date(v[F_TO], &y, &m, &d)) {
		view_field_error(r, "valid_to", "err.invalid");
		errors++;
	} else {
		in->valid_to = v[F_TO];
	}
	if (in->valid_from && in->valid_to &&
	    strcmp(in->valid_from, in->valid_to) > 0) {
		view_field_error(r, "valid_to", "risk_profile.err.dates");
		errors++;
	}
	if (v[F_RATE] && *v[F_RATE] &&
	    !read_rate(v[F_RATE], &in->random_per_mille)) {
		view_field_error(r, "rate", "risk_profile.err.rate");
		errors++;
	}
	if (errors)
		hdf_set_int_value(r->hdf, "Page.FormErrors", errors);
	return errors;
}

/* Hit rates need months of controls. */
#define OUTCOME_DAYS 90

int profiles_fn(struct req *r)
{
	if (risk_profile_list_hdf(r->hdf, "Profiles") < 0 ||
	    risk_profile_ranking_hdf(r->hdf, "Ranking", 0, OUTCOME_DAYS) < 0)
		return -1;
	return view_render(r, 200, "risk/profiles.cs");
}

int profile_new_fn(struct req *r)
{
	if (form_hdf(r) < 0)
		return -1;
	if (!hdf_get_value(r->hdf, "Form.decision", NULL))
		hdf_set_value(r->hdf, "Form.decision", "score");
	return view_render(r, 200, "risk/profile-new.cs");
}

int profile_create_fn(struct req *r)
{
	struct risk_profile_in in;
	long long id;

	if (read_profile(r, &in)) {
		if (form_hdf(r) < 0)
			return -1;
		return view_render(r, 422, "risk/profile-new.cs");
	}
	if ((id = risk_profile_create(&in, r->sess.account_id)) == -2) {
		view_field_error(r, "name", "risk_profile.err.name_taken");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		if (form_hdf(r) < 0)
			return -1;
		return view_render(r, 422, "risk/profile-new.cs");
	}
	/* the audit row after the profile's own transaction (db_tx): a
	 * failure to write it is an error page, the profile stays */
	if (id < 0 ||
	    audit_log(r, "risk.profile.create",
		      arena_printf(&r->arena, "risk_profile:%lld", id),
		      in.name) < 0)
		return -1;
	return resp_redirect(
		r,
		arena_printf(&r->arena, "/skr/risk/profiles/%lld?saved=1", id));
}

/* Profile id into Profile.*, its versions and what the viewer may do:
 * 1, 0 none, -1. The form shows the newest version unless given. */
int profile_load(struct req *r, long long id)
{
	struct risk_profile_can can;
	struct row row;
	int rc;

	if ((rc = risk_profile_get(&r->arena, id, &row)) != 1)
		return rc;
	for (int i = 0; i < row.n; i++)
		if (row.v[i])
			hdf_set_valuef(r->hdf, "Profile.%s=%s", row.name[i],
				       row.v[i]);
	hdf_set_value(r->hdf, "Profile.author",
		      staff_name(&r->arena, row_int(&row, "author_id", 0)));
	hdf_set_value(r->hdf, "Profile.version_by_name",
		      staff_name(&r->arena, row_int(&row, "version_by", 0)));
	risk_profile_can(row_get(&row, "state", NULL),
			 row_int(&row, "version_by", 0), r->sess.account_id,
			 &can);
	hdf_set_int_value(r->hdf, "Can.edit", can.edit);
	hdf_set_int_value(r->hdf, "Can.test", can.test);
	hdf_set_int_value(r->hdf, "Can.draft", can.draft);
	hdf_set_int_value(r->hdf, "Can.approve", can.approve);
	hdf_set_int_value(r->hdf, "Can.retire", can.retire);
	hdf_set_int_value(r->hdf, "Can.backtest", can.backtest);
	hdf_set_int_value(r->hdf, "Can.own", can.own);
	if (!hdf_get_value(r->hdf, "Form.name", NULL)) {
		const char *fixed = row_get(&row, "fixed", NULL);

		hdf_set_value(r->hdf, "Form.name", row_get(&row, "name", ""));
		hdf_set_value(r->hdf, "Form.rule",
			      row_get(&row, "rule_text", ""));
		hdf_set_value(r->hdf, "Form.decision", fixed ? fixed : "score");
		hdf_set_value(r->hdf, "Form.weight",
			      row_get(&row, "weight", ""));
		list_hdf(r, row_get(&row, "crossings", NULL),
			 "Form.crossings_on", 0);
		list_hdf(r, row_get(&row, "lane_kinds", NULL), "Form.lanes_on",
			 0);
		hdf_set_value(r->hdf, "Form.valid_from",
			      row_get(&row, "valid_from", ""));
		hdf_set_value(r->hdf, "Form.valid_to",
			      row_get(&row, "valid_to", ""));
		hdf_set_value(r->hdf, "Form.rate",
			      row_get(&row, "random_pct", ""));
	}
	if (risk_profile_versions_hdf(r->hdf, "Versions", id) < 0 ||
	    risk_profile_ranking_hdf(r->hdf, "Ranking", id, OUTCOME_DAYS) < 0 ||
	    risk_profile_weeks_hdf(r->hdf, "Weeks", id, OUTCOME_DAYS / 7) < 0)
		return -1;
	/* each version's scope as lists the page names in words */
	for (HDF *v = hdf_get_child(r->hdf, "Versions"); v;
	     v = hdf_obj_next(v)) {
		list_hdf(r, hdf_get_value(v, "crossings", NULL),
			 arena_printf(&r->arena, "Versions.%s.Crossing",
				      hdf_obj_name(v)),
			 1);
		list_hdf(r, hdf_get_value(v, "lane_kinds", NULL),
			 arena_printf(&r->arena, "Versions.%s.Lane",
				      hdf_obj_name(v)),
			 1);
	}
	if (!strcmp(row_get(&row, "state", ""), "testing")) {
		long long shadow = risk_profile_shadow_hits(id);

		if (shadow < 0)
			return -1;
		hdf_set_valuef(r->hdf, "Profile.shadow_hits=%lld", shadow);
	}
	return form_hdf(r) < 0 ? -1 : 1;
}

/* The profile page with status (a form to correct, a refusal) */
int profile_render(struct req *r, long long id, int status)
{
	int rc = profile_load(r, id);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (req_query(r, "saved"))
		hdf_set_value(r->hdf, "Page.Notice",
			      view_text(r, "risk_profile.saved"));
	return view_render(r, status, "risk/profile.cs");
}

int profile_fn(struct req *r)
{
	return profile_render(r, route_arg_id(r, 0), 200);
}

int profile_save_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	struct risk_profile_in in;
	int rc;

	if (read_profile(r, &in))
		return profile_render(r, id, 422);
	rc = risk_profile_save(id, &in, r->sess.account_id);
	if (rc == -2) {
		view_field_error(r, "name", "risk_profile.err.name_taken");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return profile_render(r, id, 422);
	}
	if (rc < 0)
		return -1;
	if (rc == 0) {
		struct arena a = { 0 };
		struct row row;
		int found = risk_profile_get(&a, id, &row);

		arena_reset(&a);
		if (found < 0)
			return -1;
		return found ? resp_error(r, 409, "risk_profile_not_editable")
			     : resp_error(r, 404, "not_found");
	}
	if (audit_log(r, "risk.profile.version",
		      arena_printf(&r->arena, "risk_profile:%lld", id),
		      in.name) < 0)
		return -1;
	return resp_redirect(
		r,
		arena_printf(&r->arena, "/skr/risk/profiles/%lld?saved=1", id));
}
