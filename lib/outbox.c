/* outbox.c: e-mails go to a table in the same transaction as their cause;
 * a mailer drains it, and the dev page shows it when there is none */
#include "outbox.h"

#include "conf.h"
#include "db.h"
#include "resp.h"
#include "view.h"

#include <string.h>

static struct sql q_put = SQL(
	"INSERT INTO outbox (created_at, recipient, subject, body, lang)"
	" VALUES (UTC_TIMESTAMP(), ?, ?, ?, ?)");
static struct sql q_one = SQL(
	"SELECT id, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at,"
	" recipient, subject, body FROM outbox WHERE id = ?");
static struct sql q_list = SQL(
	"SELECT id, created_at, recipient, subject, body, lang, sent_at"
	" FROM outbox ORDER BY id DESC LIMIT 100");
static struct sql q_list_to = SQL(
	"SELECT id, created_at, recipient, subject, body, lang, sent_at"
	" FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT 100");

int outbox_put_lang(struct req *r, const char *lang, const char *to,
		    const char *subject_key, const char *tpl)
{
	return outbox_put_id(r, lang, to, subject_key, tpl, NULL, NULL);
}

/* The one writer: renders tpl in r's language, stores the row, and says
 * its id and subject when asked. */
static int put(struct req *r, const char *to, const char *subject_key,
	       const char *tpl, long long *id, const char **subject)
{
	struct buf body = { 0 };
	const char *subj = view_text(r, subject_key);
	int rc = -1;

	if (view_render_to(r, tpl, &body) == 0 &&
	    db_exec(&q_put, "ssss", to, subj, body.p ? body.p : "", r->lang) >=
		    0) {
		rc = 0;
		if (id)
			*id = db_insert_id(&q_put);
		if (subject)
			*subject = arena_strdup(&r->arena, subj);
	}
	buf_free(&body);
	return rc;
}

int outbox_put(struct req *r, const char *to, const char *subject_key,
	       const char *tpl)
{
	return put(r, to, subject_key, tpl, NULL, NULL);
}

int outbox_put_id(struct req *r, const char *lang, const char *to,
		  const char *subject_key, const char *tpl, long long *id,
		  const char **subject)
{
	const char *own = r->lang;
	int rc;

	/* Rendering reads r->lang (the strings, plural forms, the row's
	 * lang): the request's page afterwards is in its own language. */
	if (lang && (!strcmp(lang, "pl") || !strcmp(lang, "en")))
		r->lang = !strcmp(lang, "en") ? "en" : "pl";
	rc = put(r, to, subject_key, tpl, id, subject);
	r->lang = own;
	return rc;
}

int outbox_get(HDF *hdf, const char *prefix, long long id)
{
	return db_select_hdf(&q_one, hdf, prefix, "i", id);
}

/* The length of the URL at s: up to a space or a character a URL in
 * running text does not end with. */
static size_t url_len(const char *s)
{
	size_t n = strcspn(s, " \t\r\n<>\"'");

	while (n && strchr(".,;:!?)", s[n - 1]))
		n--;
	return n;
}

/* body as prefix.N.{text, href}: a link of this site (Site.BaseUrl
 * followed by a path) becomes a part with href, the path alone, so a link
 * on this page never leaves the site; any other text, other sites' URLs
 * included, stays text. The template escapes both. */
static void body_parts(HDF *hdf, const char *prefix, const char *body)
{
	const char *base = conf_get("Site.BaseUrl", "");
	size_t blen = strlen(base);
	const char *s = body, *t = body;
	int n = 0;

	while (*base && (s = strstr(s, "http"))) {
		size_t len = url_len(s);

		if ((strncmp(s, "http://", 7) && strncmp(s, "https://", 8)) ||
		    len <= blen || strncmp(s, base, blen) || s[blen] != '/') {
			s += 4;
			continue;
		}
		if (s > t)
			hdf_set_valuef(hdf, "%s.%d.text=%.*s", prefix, n++,
				       (int)(s - t), t);
		hdf_set_valuef(hdf, "%s.%d.text=%.*s", prefix, n, (int)len, s);
		hdf_set_valuef(hdf, "%s.%d.href=%.*s", prefix, n++,
			       (int)(len - blen), s + blen);
		s = t = s + len;
	}
	if (*t)
		hdf_set_valuef(hdf, "%s.%d.text=%s", prefix, n, t);
}

int outbox_fn(struct req *r)
{
	HDF *m;
	const char *to = req_query(r, "to");

	/* Only a development stack has no mail server to hide this from. */
	if (!conf_int("Dev.Outbox", 0))
		return resp_error(r, 404, "not_found");
	if (to)
		hdf_set_value(r->hdf, "Filter.To", to);
	if ((to ? db_select_hdf(&q_list_to, r->hdf, "Outbox", "s", to)
		: db_select_hdf(&q_list, r->hdf, "Outbox", "")) < 0)
		return -1;
	for (m = hdf_get_child(r->hdf, "Outbox"); m; m = hdf_obj_next(m))
		body_parts(r->hdf,
			   arena_printf(&r->arena, "Outbox.%s.Parts",
					hdf_obj_name(m)),
			   hdf_get_value(m, "body", ""));
	return view_render(r, 200, "dev/outbox.cs");
}
