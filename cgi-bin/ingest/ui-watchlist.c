/* ui-watchlist.c: the watch list ("zastrzeżenia"): the list and a new
 * entry, which waits for a second officer's approval (ui-watch-entry.c) */
#include "ingest.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "resp.h"
#include "valid.h"
#include "view.h"
#include "watch.h"

static int valid_status(const char *s)
{
	return !strcmp(s, "pending") || !strcmp(s, "active") ||
	       !strcmp(s, "rejected") || !strcmp(s, "withdrawn");
}

enum { L_STATUS, L__MAX };
static const struct param list_params[L__MAX] = {
	{ "status", P_QUERY, 12, NULL, valid_status, "invalid" },
};

int watchlist_fn(struct req *r)
{
	const char *v[L__MAX];

	if (form_read(r, list_params, L__MAX, v))
		v[L_STATUS] = NULL;
	if (watch_list_hdf(r->hdf, "Entries", v[L_STATUS]) < 0)
		return -1;
	return view_render(r, 200, "ingest/watchlist.cs");
}

static int valid_subject(const char *s)
{
	return !strcmp(s, "plate") || !strcmp(s, "vin") ||
	       !strcmp(s, "container") || !strcmp(s, "wagon") ||
	       !strcmp(s, "document") || !strcmp(s, "person");
}

static int valid_action(const char *s)
{
	return !strcmp(s, "stop_inspect") || !strcmp(s, "report") ||
	       !strcmp(s, "detain") || !strcmp(s, "notify_unit");
}

static int valid_priority(const char *s)
{
	return strlen(s) == 1 && s[0] >= '1' && s[0] <= '3';
}

static int valid_value(const char *s)
{
	return valid_text(s, 120);
}

static int valid_reason(const char *s)
{
	return valid_text(s, 2000);
}

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

enum {
	W_SUBJECT,
	W_VALUE,
	W_COUNTRY,
	W_BIRTH,
	W_REASON,
	W_ACTION,
	W_PRIORITY,
	W_FROM,
	W_TO,
	W__MAX
};
static const struct param new_params[W__MAX] = {
	{ "subject", P_REQUIRED, 12, NULL, valid_subject, "invalid" },
	{ "value", P_REQUIRED, 120, NULL, valid_value, "invalid" },
	{ "country", 0, 2, NULL, valid_country, "country" },
	{ "birth_date", 0, 10, NULL, valid_day, "date" },
	{ "reason", P_REQUIRED | P_MULTILINE, 2000, NULL, valid_reason,
	  "invalid" },
	{ "action", P_REQUIRED, 16, NULL, valid_action, "invalid" },
	{ "priority", P_REQUIRED, 1, NULL, valid_priority, "invalid" },
	{ "valid_from", P_REQUIRED, 10, NULL, valid_day, "date" },
	{ "valid_to", P_REQUIRED, 10, NULL, valid_day, "date" },
};

static void defaults(struct req *r)
{
	if (!hdf_get_value(r->hdf, "Form.priority", NULL))
		hdf_set_value(r->hdf, "Form.priority", "2");
}

int watch_new_fn(struct req *r)
{
	defaults(r);
	return view_render(r, 200, "ingest/watch-new.cs");
}

/* The keys an entry matches on: the same normalisation as event.c. */
static int entry_keys(const char *subject, const char *value, const char *birth,
		      char *key, char *fold, size_t sz)
{
	size_t n;

	if (!strcmp(subject, "plate"))
		n = valid_plate_normalise(value, key, sz);
	else if (!strcmp(subject, "person"))
		n = ev_person_key(value, birth, key, sz);
	else
		n = ev_norm_id(value, key, sz);
	if (!n)
		return -1;
	if (!strcmp(subject, "person"))
		snprintf(fold, sz, "%s", key);
	else
		watch_fold_key(key, fold, sz);
	return 0;
}

int watch_create_fn(struct req *r)
{
	const char *v[W__MAX];
	char key[144], fold[144];
	struct watch_new entry;
	long long id;
	int bad;

	bad = form_read(r, new_params, W__MAX, v);
	if (!bad && !strcmp(v[W_SUBJECT], "person") && !v[W_BIRTH]) {
		view_field_error(r, "birth_date", "required");
		bad++;
	}
	if (!bad && strcmp(v[W_FROM], v[W_TO]) > 0) {
		view_field_error(r, "valid_to", "ingest_period");
		bad++;
	}
	if (!bad && entry_keys(v[W_SUBJECT], v[W_VALUE], v[W_BIRTH], key, fold,
			       sizeof(key)) < 0) {
		view_field_error(r, "value", "ingest_value");
		bad++;
	}
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return view_render(r, 422, "ingest/watch-new.cs");
	}
	entry = (struct watch_new){
		.subject = v[W_SUBJECT],
		.value = v[W_VALUE],
		.match_key = key,
		.fold_key = fold,
		.country = v[W_COUNTRY],
		.birth_date = v[W_BIRTH],
		.reason = v[W_REASON],
		.action = v[W_ACTION],
		.priority = v[W_PRIORITY],
		.valid_from = v[W_FROM],
		.valid_to = v[W_TO],
		.unit_id = r->sess.unit_id,
		.created_by = r->sess.account_id,
	};
	if (db_begin() < 0)
		return -1;
	id = watch_entry_create(&entry);
	if (id < 0)
		goto fail;
	if (audit_log(r, "watch.create",
		      arena_printf(&r->arena, "watch:%lld", id),
		      arena_printf(&r->arena, "%s %s", v[W_SUBJECT],
				   v[W_VALUE])) < 0 ||
	    db_commit() < 0)
		goto fail;
	return resp_redirect(
		r, arena_printf(&r->arena, "/skr/watchlist/%lld", id));
fail:
	db_rollback();
	return -1;
}
