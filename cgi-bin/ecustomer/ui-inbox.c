/* ui-inbox.c: the customer's inbox (issue 18): one's own and one's
 * companies' notices, application states, office decisions and PUESC
 * exchanges, newest first a page at a time; an item read on opening; the
 * exchange's messages downloaded */
#include "ecustomer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "epochs.h"
#include "form.h"
#include "inbox.h"
#include "messages.h"
#include "outbox.h"
#include "pagecache.h"
#include "registry.h"
#include "registry_records.h"
#include "resp.h"
#include "route.h"
#include "tzpl.h"
#include "valid.h"
#include "view.h"

#define PAGE 50

/* "me", or a company's id. */
static int valid_subject(const char *s)
{
	return !strcmp(s, "me") || valid_id(s) > 0;
}

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

/* The keyset cursor: the last item shown, "YYYYMMDDHHMMSS-ID" (UTC). */
static int parse_cursor(const char *s, char at[20], long long *id)
{
	int y, mo, d, h, mi, se;
	char digits[15];

	if (strlen(s) < 16 || s[14] != '-')
		return 0;
	memcpy(digits, s, 14);
	digits[14] = 0;
	if (!valid_digits(digits, 14) ||
	    sscanf(digits, "%4d%2d%2d%2d%2d%2d", &y, &mo, &d, &h, &mi, &se) !=
		    6 ||
	    (*id = valid_id(s + 15)) <= 0)
		return 0;
	snprintf(at, 20, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, se);
	return 1;
}

static int valid_cursor(const char *s)
{
	char at[20];
	long long id;

	return parse_cursor(s, at, &id);
}

static int valid_unread(const char *s)
{
	return !strcmp(s, "1");
}

enum { F_SUBJECT, F_KIND, F_FROM, F_TO, F_UNREAD, F_AFTER, F__MAX };
static const struct param params[F__MAX] = {
	{ "subject", P_QUERY, 20, NULL, valid_subject, "invalid" },
	{ "kind", P_QUERY, 16, NULL, inbox_kind_known, "invalid" },
	{ "from", P_QUERY, 10, NULL, valid_day, "date" },
	{ "to", P_QUERY, 10, NULL, valid_day, "date" },
	{ "unread", P_QUERY, 8, NULL, valid_unread, "invalid" },
	{ "after", P_QUERY, 40, NULL, valid_cursor, "invalid" },
};

/* Warsaw's midnight starting local day (+ plus days) as UTC text. */
static void day_utc(const char *day, int plus, char out[20])
{
	int y, m, d;
	long long t;
	time_t tt;
	struct tm tm;

	valid_date(day, &y, &m, &d);
	t = tzpl_to_utc(y, m, d, 0) + (long long)plus * 86400;
	tt = (time_t)t;
	gmtime_r(&tt, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* Newest first; ties by id. */
static int newest_first(const void *a, const void *b)
{
	const struct inbox_row *x = a, *y = b;
	int c = strcmp(y->at, x->at);

	if (c)
		return c;
	return y->id > x->id ? 1 : y->id < x->id ? -1 : 0;
}

/* Options of the subject filter with each addressee's counts: me, then
 * the companies the reader reads (Companies.N from the registry). */
static int subjects(struct req *r, const struct inbox_reader *rd, int ncomp)
{
	long long total, unread;
	HDF *c;
	int k = 0;

	if (inbox_counts(INBOX_ACCOUNT, rd->account, &total, &unread) < 0)
		return -1;
	hdf_set_valuef(r->hdf, "Subjects.%d.Value=me", k);
	hdf_set_valuef(r->hdf, "Subjects.%d.Me=1", k);
	hdf_set_valuef(r->hdf, "Subjects.%d.Total=%lld", k, total);
	hdf_set_valuef(r->hdf, "Subjects.%d.Unread=%lld", k++, unread);
	for (c = hdf_get_child(r->hdf, "Companies"); c && ncomp > 0;
	     c = hdf_obj_next(c)) {
		long long id = hdf_get_int_value(c, "id", 0);

		if (inbox_counts(INBOX_COMPANY, id, &total, &unread) < 0)
			return -1;
		hdf_set_valuef(r->hdf, "Subjects.%d.Value=%lld", k, id);
		hdf_set_valuef(r->hdf, "Subjects.%d.Label=%s", k,
			       hdf_get_value(c, "name", ""));
		hdf_set_valuef(r->hdf, "Subjects.%d.Total=%lld", k, total);
		hdf_set_valuef(r->hdf, "Subjects.%d.Unread=%lld", k++, unread);
	}
	return 0;
}

/* The company's name for an item's addressee (the reader reads it). */
static const char *company_name(struct req *r, long long id)
{
	HDF *c;

	for (c = hdf_get_child(r->hdf, "Companies"); c; c = hdf_obj_next(c))
		if (hdf_get_int_value(c, "id", 0) == id)
			return hdf_get_value(c, "name", "");
	return "";
}

/* The page as its content (the frame is each request's: the menu's
 * count, the CSRF token of sign-out), kept under key when there is one. */
static int render(struct req *r, const char *key, const struct kept_stamp *s)
{
	return view_render_kept(r, "ecustomer/inbox.cs", key, s,
				conf_int("Inbox.CacheSeconds", 300) * 1000LL);
}

int inbox_fn(struct req *r)
{
	const char *v[F__MAX];
	struct inbox_reader rd;
	struct inbox_filter f = { "", "", "", 0, "", 0 };
	struct inbox_row *rows;
	char from[20] = "", to[20] = "", at[20] = "";
	char types[INBOX_MAX_COMPANIES + 1];
	long long ids[INBOX_MAX_COMPANIES + 1];
	int n = 0, ns = 0, ncomp = 0, i, got;
	/* Noted before anything is read: a registry change (a company's name,
	 * who reads it) after it drops the kept page. */
	struct kept_stamp stamp = kept_note(EPOCH_BIT(EPOCH_REGISTRY));
	struct pagecache_answer kept;
	const char *key = NULL, *sig;
	long long unread;

	if (inbox_reader_of(r->sess.account_id, &rd) < 0)
		return -1;
	/* The page of this reader, query and language is kept while the
	 * counts of what it reads are those it was made with: any item filed
	 * or read changes them (inbox_state), so a kept page is never
	 * stale, and a hit costs one primary-key read per addressee. */
	if (rd.n >= 0) {
		if (inbox_state(&r->arena, &rd, &sig, &unread) < 0)
			return -1;
		key = pagecache_key(r,
				    arena_printf(&r->arena, "account=%lld;%s",
						 rd.account, sig));
		if (key && pagecache_get(key, &kept) == 1)
			return view_send_kept(r, &kept);
	}
	if (rd.person) {
		ncomp = registry_companies_for(rd.person, INBOX_AUTHZ, r->hdf,
					       "Companies");
		if (ncomp < 0)
			return -1;
	}
	if (subjects(r, &rd, ncomp) < 0)
		return -1;
	if (form_read(r, params, F__MAX, v))
		return view_render(r, 422, "ecustomer/inbox.cs");
	if (v[F_FROM] && v[F_TO] && strcmp(v[F_FROM], v[F_TO]) > 0) {
		view_field_error(r, "to", "inbox_period");
		hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
		return view_render(r, 422, "ecustomer/inbox.cs");
	}
	/* Whose items: one addressee, or all the reader reads. */
	if (v[F_SUBJECT] && !strcmp(v[F_SUBJECT], "me")) {
		types[ns] = INBOX_ACCOUNT;
		ids[ns++] = rd.account;
	} else if (v[F_SUBJECT]) {
		long long id = valid_id(v[F_SUBJECT]);
		int ok = inbox_may_read(&rd, INBOX_COMPANY, id);

		if (ok < 0)
			return -1;
		if (!ok)
			return resp_error(r, 403, "forbidden");
		types[ns] = INBOX_COMPANY;
		ids[ns++] = id;
	} else {
		HDF *c = hdf_get_child(r->hdf, "Companies");

		types[ns] = INBOX_ACCOUNT;
		ids[ns++] = rd.account;
		for (; c && ns <= INBOX_MAX_COMPANIES; c = hdf_obj_next(c)) {
			types[ns] = INBOX_COMPANY;
			ids[ns++] = hdf_get_int_value(c, "id", 0);
		}
	}
	if (v[F_FROM])
		day_utc(v[F_FROM], 0, from);
	if (v[F_TO])
		day_utc(v[F_TO], 1, to); /* to the end of the day */
	f.from = from;
	f.to = to;
	f.kind = v[F_KIND] ? v[F_KIND] : "";
	f.unread_only = v[F_UNREAD] != NULL;
	if (v[F_AFTER] && parse_cursor(v[F_AFTER], at, &f.after_id))
		f.after_at = at;
	/* A page of each addressee from the cursor on, merged: the newest
	 * PAGE of them all, and whether more follow. */
	rows = arena_alloc(&r->arena,
			   sizeof(*rows) * (size_t)(PAGE + 1) * (size_t)ns);
	if (!rows)
		return -1;
	for (i = 0; i < ns; i++) {
		got = inbox_page(&r->arena, types[i], ids[i], &f, PAGE + 1,
				 rows + n);
		if (got < 0)
			return -1;
		n += got;
	}
	qsort(rows, (size_t)n, sizeof(*rows), newest_first);
	for (i = 0; i < n && i < PAGE; i++) {
		const struct inbox_row *o = &rows[i];

		hdf_set_valuef(r->hdf, "Items.%d.id=%lld", i, o->id);
		hdf_set_valuef(r->hdf, "Items.%d.kind=%s", i, o->kind);
		hdf_set_valuef(r->hdf, "Items.%d.at=%s", i, o->at);
		hdf_set_valuef(r->hdf, "Items.%d.title=%s", i,
			       inbox_title(r, o->title));
		if (o->unread)
			hdf_set_valuef(r->hdf, "Items.%d.unread=1", i);
		if (o->subject_type == INBOX_COMPANY)
			hdf_set_valuef(r->hdf, "Items.%d.company=%s", i,
				       company_name(r, o->subject_id));
	}
	if (n > PAGE) {
		const struct inbox_row *last = &rows[PAGE - 1];
		char at14[16];
		int k = 0;

		for (const char *p = last->at; *p && k < 14; p++)
			if (*p >= '0' && *p <= '9')
				at14[k++] = *p;
		at14[k] = 0;
		hdf_set_valuef(r->hdf, "Next.after=%s-%lld", at14, last->id);
	}
	return render(r, key, &stamp);
}

/* Item id when the reader reads its addressee; else answers 404 (an item
 * of someone else's is not found: ids tell nothing) and returns 0. */
static int item_of(struct req *r, struct inbox_reader *rd)
{
	long long id = route_arg_id(r, 0);
	int rc, ok;

	rc = inbox_get(r->hdf, "Item", id);
	if (rc < 0 || inbox_reader_of(r->sess.account_id, rd) < 0)
		return -1;
	ok = rc == 0 ? 0
		     : inbox_may_read(
			       rd,
			       hdf_get_value(r->hdf, "Item.0.subject_type",
					     "")[0],
			       hdf_get_int_value(r->hdf, "Item.0.subject_id",
						 0));
	if (ok < 0)
		return -1;
	if (!ok) {
		hdf_remove_tree(r->hdf, "Item");
		resp_error(r, 404, "not_found");
		return 0;
	}
	return 1;
}

int inbox_item_fn(struct req *r)
{
	struct inbox_reader rd;
	long long mail, msg;
	int rc = item_of(r, &rd);
	char type;

	if (rc <= 0)
		return rc;
	type = hdf_get_value(r->hdf, "Item.0.subject_type", "")[0];
	if (type == INBOX_COMPANY) {
		struct row c;

		if (registry_company_row(
			    &r->arena,
			    hdf_get_int_value(r->hdf, "Item.0.subject_id", 0),
			    &c) < 0)
			return -1;
		hdf_set_value(r->hdf, "Item.0.company",
			      row_get(&c, "name", ""));
	}
	/* A copy: the words may point into the value being replaced. */
	hdf_set_value(r->hdf, "Item.0.title",
		      arena_strdup(&r->arena,
				   inbox_title(r, hdf_get_value(r->hdf,
								"Item.0.title",
								""))));
	mail = hdf_get_int_value(r->hdf, "Item.0.outbox_id", 0);
	msg = hdf_get_int_value(r->hdf, "Item.0.message_id", 0);
	if (mail && outbox_get(r->hdf, "Mail", mail) < 0)
		return -1;
	if (msg && messages_archive_get(r->hdf, "Msg", msg) < 0)
		return -1;
	/* The submitter's own application has a page of its own. */
	if (type == INBOX_ACCOUNT)
		hdf_set_value(r->hdf, "Item.0.own", "1");
	/* Read on opening: the count in the header drops now. */
	if (hdf_get_int_value(r->hdf, "Item.0.unread", 0) &&
	    inbox_open(hdf_get_int_value(r->hdf, "Item.0.id", 0), type,
		       hdf_get_int_value(r->hdf, "Item.0.subject_id", 0),
		       r->sess.account_id) < 0)
		return -1;
	return view_render(r, 200, "ecustomer/inbox_item.cs");
}

static int xml_part(struct req *r, int request)
{
	struct inbox_reader rd;
	const char *xml;
	size_t len;
	long long msg;
	int rc = item_of(r, &rd);

	if (rc <= 0)
		return rc;
	msg = hdf_get_int_value(r->hdf, "Item.0.message_id", 0);
	rc = msg ? messages_archive_xml(&r->arena, msg, request, &xml, &len)
		 : 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	resp_header(r, "Content-Disposition",
		    arena_printf(&r->arena,
				 "attachment; filename=\"zsog-%lld-%s.xml\"",
				 route_arg_id(r, 0),
				 request ? "request" : "response"));
	return resp_send(r, 200, "application/xml; charset=utf-8", xml, len);
}

int inbox_request_fn(struct req *r)
{
	return xml_part(r, 1);
}

int inbox_response_fn(struct req *r)
{
	return xml_part(r, 0);
}
