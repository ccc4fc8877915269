/* view.c: ClearSilver templates parsed once per worker, rendered with the
 * request's HDF and the language's strings */
#define _GNU_SOURCE
#include "view.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "conf.h"
#include "log.h"
#include "pagecache.h"
#include "resp.h"
#include "route.h"
#include "tzpl.h"

struct tpl {
	const char *name;
	CSPARSE *cs;
};

static struct tpl *tpls;
static size_t ntpls;
static HDF *parse_hdf;	 /* what templates were parsed against */
static HDF *mail_hdf;	 /* the same for plain-text e-mails */
static HDF *lang_hdf[2]; /* pl, en: the global HDF of each language */
static const char *const langs[2] = { "pl", "en" };

static void log_nerr(const char *what, NEOERR *err)
{
	STRING s;

	string_init(&s);
	nerr_error_string(err, &s);
	log_err("%s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

static int load_lang(int i)
{
	char dir[1024], path[1400];
	struct dirent *de;
	NEOERR *err;
	HDF *node;
	DIR *d;

	if ((err = hdf_init(&lang_hdf[i])) ||
	    (err = hdf_set_value(lang_hdf[i], "Lang.Code", langs[i])) ||
	    (err = hdf_get_node(lang_hdf[i], "L", &node))) {
		log_nerr("lang init", err);
		return -1;
	}
	snprintf(dir, sizeof(dir), "%s/lang/%s",
		 conf_get("Paths.Templates", "templates"), langs[i]);
	d = opendir(dir);
	if (!d) {
		log_err("no language directory %s", dir);
		return -1;
	}
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);

		if (n < 5 || strcmp(de->d_name + n - 4, ".hdf") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if ((err = hdf_read_file(node, path))) {
			closedir(d);
			log_nerr(path, err);
			return -1;
		}
	}
	closedir(d);
	/* L.country.<code> = name, from the sign-up form's list, so a page
	 * names a country by its code without walking the list. */
	for (node = hdf_get_obj(lang_hdf[i], "L.portal.countries.0"); node;
	     node = hdf_obj_next(node)) {
		const char *code = hdf_get_value(node, "Value", NULL);
		const char *name = hdf_get_value(node, "Label", NULL);

		if (code && name &&
		    (err = hdf_set_valuef(lang_hdf[i], "L.country.%s=%s", code,
					  name))) {
			log_nerr("country names", err);
			return -1;
		}
	}
	return 0;
}

const char *view_plural_form(const char *lang, long long n)
{
	long long t, h;

	if (n < 0)
		n = -n;
	if (n == 1)
		return "one";
	if (!lang || strcmp(lang, "pl") != 0)
		return "many"; /* English: one, and everything else */
	/* Polish: 2-4, 22-24, 32-34 ... but 12-14, 112-114 ... are "many"
	 * (2 opakowania, 5 opakowań, 12 opakowań, 22 opakowania). */
	t = n % 10;
	h = n % 100;
	return t >= 2 && t <= 4 && (h < 12 || h > 14) ? "few" : "many";
}

/* The word for a count: L.<key>.one, .few or .many; a missing form is
 * logged and shows nothing rather than a key. */
static const char *plural_word(HDF *lang, const char *code, long long n,
			       const char *key)
{
	const char *form = view_plural_form(code, n);
	const char *w = lang ? hdf_get_valuef(lang, "L.%s.%s", key, form)
			     : NULL;

	if (!lang)
		return ""; /* no languages loaded: unit tests */
	if (!w) {
		log_err("no plural form L.%s.%s in %s", key, form,
			code ? code : "?");
		return "";
	}
	return w;
}

/* plural(n, "key") in templates: the word after a count in the page's
 * language ("5 <?cs var:plural(5, "unit.minute") ?>" is "5 minut"). */
static NEOERR *plural_fn(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args,
			 CSARG *result)
{
	HDF *lang = parse->global_hdf;
	char *key = NULL;
	long int n = 0;
	NEOERR *err;

	(void)csf;
	result->op_type = CS_TYPE_STRING;
	result->s = "";
	result->alloc = 0;
	if ((err = cs_arg_parse(parse, args, "is", &n, &key)))
		return nerr_pass(err);
	if (key && lang) {
		result->s = strdup(plural_word(
			lang, hdf_get_value(lang, "Lang.Code", "pl"), n, key));
		result->alloc = result->s != NULL;
		if (!result->s)
			result->s = "";
	}
	free(key);
	return STATUS_OK;
}

int view_local_time(const char *utc, char *out, size_t outsz)
{
	int y, mo, d, h, mi, s = 0, n = 0, secs;
	struct tzpl_tm lt;
	struct tm tm = { 0 };

	if (!utc ||
	    sscanf(utc, "%4d-%2d-%2d%*1[ T]%2d:%2d%n", &y, &mo, &d, &h, &mi,
		   &n) != 5 ||
	    n != 16)
		return -1;
	secs = utc[16] == ':';
	if (secs && (sscanf(utc + 17, "%2d", &s) != 1 || s < 0 || s > 59))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tzpl_from_utc((long long)timegm(&tm), &lt);
	if (secs)
		snprintf(out, outsz, "%04d-%02d-%02d %02d:%02d:%02d", lt.year,
			 lt.mon, lt.day, lt.hour, lt.min, lt.sec);
	else
		snprintf(out, outsz, "%04d-%02d-%02d %02d:%02d", lt.year,
			 lt.mon, lt.day, lt.hour, lt.min);
	return 0;
}

/* local_time(t) in templates: a UTC time from the database shown in
 * Warsaw time, to the minute or second as it came; anything else is
 * shown as it is. */
static NEOERR *local_time_fn(const char *in, char **out)
{
	char buf[32];

	*out = strdup(view_local_time(in, buf, sizeof(buf)) == 0 ? buf : in);
	return *out ? STATUS_OK : nerr_raise(NERR_NOMEM, "local_time");
}

/* url_escape(x) for query strings in links: its output (%XX, +) is safe
 * in HTML as it is, so it is registered as an escaping function and the
 * html mode does not escape it twice. */
static NEOERR *url_escape_fn(const char *in, char **out)
{
	return neos_url_escape(in, out, NULL);
}

static int parse_one(struct tpl *t, const char *name)
{
	NEOERR *err;

	t->name = name;
	/* E-mails are text/plain: escaping would show "&amp;" to readers.
	 * Only mail/ templates are parsed without it. */
	if ((err = cs_init(&t->cs, strncmp(name, "mail/", 5) == 0
					   ? mail_hdf
					   : parse_hdf))) {
		log_nerr("cs_init", err);
		return -1;
	}
	if ((err = cs_register_esc_strfunc(t->cs, "url_escape",
					   url_escape_fn)) ||
	    (err = cs_register_strfunc(t->cs, "local_time", local_time_fn)) ||
	    (err = cs_register_function(t->cs, "plural", 2, plural_fn)) ||
	    (err = cs_parse_file(t->cs, name))) {
		log_nerr(name, err);
		return -1;
	}
	return 0;
}

int view_init(const char *const *templates)
{
	static const char *const common[] = { "error.cs", "confirm.cs",
					      "part.cs", NULL };
	size_t n = 0, i;
	NEOERR *err;

	for (i = 0; templates && templates[i]; i++)
		n++;
	if ((err = hdf_init(&parse_hdf)) ||
	    /* ClearSilver 0.10.5 escapes nothing unless told to. */
	    (err = hdf_set_value(parse_hdf, "Config.VarEscapeMode", "html")) ||
	    (err = hdf_set_value(parse_hdf, "Config.WhiteSpaceStrip", "1")) ||
	    (err = hdf_set_value(parse_hdf, "hdf.loadpaths.0",
				 conf_get("Paths.Templates", "templates"))) ||
	    (err = hdf_init(&mail_hdf)) ||
	    (err = hdf_set_value(mail_hdf, "Config.VarEscapeMode", "none")) ||
	    (err = hdf_set_value(mail_hdf, "hdf.loadpaths.0",
				 conf_get("Paths.Templates", "templates")))) {
		log_nerr("view init", err);
		return -1;
	}
	if (load_lang(0) < 0 || load_lang(1) < 0)
		return -1;
	tpls = calloc(n + sizeof(common) / sizeof(common[0]), sizeof(*tpls));
	if (!tpls)
		return -1;
	for (i = 0; common[i]; i++)
		if (parse_one(&tpls[ntpls++], common[i]) < 0)
			return -1;
	for (i = 0; i < n; i++)
		if (parse_one(&tpls[ntpls++], templates[i]) < 0)
			return -1;
	return 0;
}

void view_free(void)
{
	size_t i;

	for (i = 0; i < ntpls; i++)
		cs_destroy(&tpls[i].cs);
	free(tpls);
	tpls = NULL;
	ntpls = 0;
	if (parse_hdf)
		hdf_destroy(&parse_hdf);
	if (mail_hdf)
		hdf_destroy(&mail_hdf);
	for (i = 0; i < 2; i++)
		if (lang_hdf[i])
			hdf_destroy(&lang_hdf[i]);
}

static HDF *lang_of(const char *lang)
{
	return lang && strcmp(lang, "en") == 0 ? lang_hdf[1] : lang_hdf[0];
}

/* A key without a dot names a message under L.err, as struct param's err
 * does ("ingest_value" is "err.ingest_value"). */
static const char *lookup(const char *lang, const char *key)
{
	HDF *h = lang_of(lang);

	if (!h || !key)
		return NULL;
	return strchr(key, '.') ? hdf_get_valuef(h, "L.%s", key)
				: hdf_get_valuef(h, "L.err.%s", key);
}

int view_has_text(const char *lang, const char *key)
{
	return lookup(lang, key) != NULL;
}

const char *view_text_lang(const char *lang, const char *key)
{
	const char *v = lookup(lang, key);

	if (v)
		return v;
	/* No languages loaded (unit tests of the platform): the key tells
	 * which message was chosen. */
	if (!lang_of(lang))
		return key ? key : "";
	/* Never the key itself on a page: a person cannot read it. */
	log_err("no string L.%s in %s", key ? key : "(null)",
		lang ? lang : "pl");
	return "";
}

const char *view_text(struct req *r, const char *key)
{
	return view_text_lang(r->lang, key);
}

const char *view_plural(struct req *r, long long n, const char *key)
{
	return plural_word(lang_of(r->lang), r->lang, n, key);
}

void view_field_error(struct req *r, const char *name, const char *key)
{
	const char *v = view_text(r, key);

	/* A missing message (logged) still says something is wrong. */
	hdf_set_valuef(r->hdf, "Form.%s.Error=%s", name,
		       *v ? v : view_text(r, "err.invalid"));
}

void view_field_error_max(struct req *r, const char *name, size_t max)
{
	hdf_set_valuef(r->hdf, "Form.%s.Error=%s %zu %s", name,
		       view_text(r, "err.too_long"), max,
		       view_plural(r, (long long)max, "unit.char"));
}

int view_confirmed(struct req *r)
{
	const char *c = req_form(r, "confirm");

	return c && strcmp(c, "1") == 0;
}

/* The question with each {name} replaced by Confirm.Arg.name; a name
 * the handler did not set is logged and left out. */
static const char *fill(struct req *r, const char *text)
{
	struct buf b = { 0 };
	const char *p, *end, *out;

	for (p = text; *p; p++) {
		if (*p != '{' || !(end = strchr(p, '}'))) {
			buf_add(&b, p, 1);
			continue;
		}
		const char *name = arena_printf(&r->arena, "Confirm.Arg.%.*s",
						(int)(end - p - 1), p + 1);
		const char *v = hdf_get_value(r->hdf, name, NULL);

		if (!v)
			log_err("confirmation: no %s", name);
		buf_puts(&b, v ? v : "");
		p = end;
	}
	out = arena_printf(&r->arena, "%.*s", (int)b.len, b.p ? b.p : "");
	buf_free(&b);
	return out;
}

int view_confirm(struct req *r, const char *key, const char *back)
{
	size_t i, k = 0;

	hdf_set_value(r->hdf, "Confirm.Question",
		      fill(r, view_text(r, arena_printf(&r->arena,
							"%s.question", key))));
	hdf_set_value(r->hdf, "Confirm.Yes",
		      view_text(r, arena_printf(&r->arena, "%s.yes", key)));
	hdf_set_value(r->hdf, "Confirm.Action", r->path);
	hdf_set_value(r->hdf, "Confirm.Back", back);
	/* What the form said (a decision, a reason) goes with the answer;
	 * the token is the page's own, and a file is never resent. */
	for (i = 0; i < r->nf && !r->raw_body; i++) {
		const struct field *f = &r->ffields[i];

		if (!f->name || f->filename || !strcmp(f->name, "csrf") ||
		    !strcmp(f->name, "confirm"))
			continue;
		hdf_set_value(
			r->hdf,
			arena_printf(&r->arena, "Confirm.Keep.%zu.name", k),
			f->name);
		hdf_set_value(
			r->hdf,
			arena_printf(&r->arena, "Confirm.Keep.%zu.value", k),
			f->value);
		k++;
	}
	return view_render(r, 200, "confirm.cs");
}

const char *view_pick_lang(struct req *r)
{
	const char *q = req_query(r, "lang");
	const char *al;
	char c[8];

	if (q && (strcmp(q, "pl") == 0 || strcmp(q, "en") == 0)) {
		resp_cookie(r, "lang", q, "/", 31536000);
		r->lang_chosen = 1;
		return strcmp(q, "en") == 0 ? "en" : "pl";
	}
	if (r->cookie_hdr &&
	    req_cookie_parse(r->cookie_hdr, "lang", c, sizeof(c)) == 0 &&
	    (strcmp(c, "pl") == 0 || strcmp(c, "en") == 0)) {
		r->lang_chosen = 1;
		return strcmp(c, "en") == 0 ? "en" : "pl";
	}
	/* The first of pl or en that Accept-Language names wins. */
	al = req_env(r, "HTTP_ACCEPT_LANGUAGE");
	if (al) {
		const char *pl = strcasestr(al, "pl"),
			   *en = strcasestr(al, "en");

		if (en && (!pl || en < pl))
			return "en";
	}
	return "pl";
}

static struct tpl *find_tpl(const char *name)
{
	size_t i;

	for (i = 0; i < ntpls; i++)
		if (strcmp(tpls[i].name, name) == 0)
			return &tpls[i];
	return NULL;
}

static NEOERR *out_cb(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

int view_render_to(struct req *r, const char *tpl, struct buf *out)
{
	struct tpl *t = find_tpl(tpl);
	NEOERR *err;

	if (!t) {
		log_err("template %s was not declared by the service", tpl);
		return -1;
	}
	/* The parse tree is bound to the request's data only while
	 * rendering: one worker, one request at a time. */
	t->cs->hdf = r->hdf;
	t->cs->global_hdf = lang_of(r->lang);
	err = cs_render(t->cs, out, out_cb);
	t->cs->hdf = strncmp(tpl, "mail/", 5) == 0 ? mail_hdf : parse_hdf;
	t->cs->global_hdf = NULL;
	if (err) {
		log_nerr(tpl, err);
		return -1;
	}
	return 0;
}

static void json_str(struct buf *b, const char *s)
{
	buf_puts(b, "\"");
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == '<' || c == '>' || c == '&')
			buf_printf(b, "\\u%04x", c);
		else
			buf_add(b, s, 1);
	}
	buf_puts(b, "\"");
}

/* Errors for clients that asked for JSON: the page's message and each
 * field's. */
static int render_json_error(struct req *r, int status)
{
	struct buf b = { 0 };
	HDF *f;
	int first = 1, rc;

	buf_printf(&b, "{\"status\":%d,\"error\":", status);
	json_str(&b, hdf_get_value(r->hdf, "Page.ErrorCode",
				   status == 422 ? "invalid_fields" : "error"));
	buf_puts(&b, ",\"message\":");
	json_str(&b, hdf_get_value(r->hdf, "Page.Error", ""));
	buf_puts(&b, ",\"fields\":{");
	for (f = hdf_get_child(r->hdf, "Form"); f; f = hdf_obj_next(f)) {
		const char *e = hdf_get_value(f, "Error", NULL);

		if (!e)
			continue;
		if (!first)
			buf_puts(&b, ",");
		first = 0;
		json_str(&b, hdf_obj_name(f));
		buf_puts(&b, ":");
		json_str(&b, e);
	}
	buf_puts(&b, "}}\n");
	rc = resp_send(r, status, "application/json", b.p, b.len);
	buf_free(&b);
	return rc;
}

/* Renders tpl as the page answering with status (the reader's menu
 * set): out gets it, *skip the blank lines before its doctype. */
static int render_page(struct req *r, int status, const char *tpl,
		       struct buf *out, size_t *skip)
{
	hdf_set_int_value(r->hdf, "Page.Status", status);
	if (r->svc && r->svc->menu && r->sess.kind)
		r->svc->menu(r);
	if (view_render_to(r, tpl, out) < 0)
		return -1;
	/* Template directives before the doctype leave blank lines. */
	for (*skip = 0; *skip < out->len &&
			(out->p[*skip] == '\n' || out->p[*skip] == ' ');
	     ++*skip)
		;
	return 0;
}

int view_render(struct req *r, int status, const char *tpl)
{
	struct buf out = { 0 };
	size_t skip;
	int rc = -1;

	if (r->want_json && status >= 400)
		return render_json_error(r, status);
	if (render_page(r, status, tpl, &out, &skip) == 0)
		rc = resp_send(r, status, "text/html; charset=utf-8",
			       out.p ? out.p + skip : "", out.len - skip);
	buf_free(&out);
	return rc;
}

/* The layout's fields a page's template or handler sets for its frame:
 * kept with a part, set again before the frame is drawn. */
static const char *const frame_fields[] = { "Title", "Css", "Script", "Print",
					    NULL };

int view_render_part(struct req *r, const char *tpl, struct buf *out,
		     struct buf *meta)
{
	NEOERR *err;
	int rc;

	hdf_set_value(r->hdf, "Page.Part", "1");
	rc = view_render_to(r, tpl, out);
	if ((err = hdf_remove_tree(r->hdf, "Page.Part")))
		nerr_ignore(&err);
	if (rc < 0)
		return -1;
	for (size_t i = 0; frame_fields[i]; i++) {
		const char *v = hdf_get_valuef(r->hdf, "Page.%s",
					       frame_fields[i]);

		if (v && !strchr(v, '\n'))
			buf_printf(meta, "%s=%s\n", frame_fields[i], v);
	}
	return 0;
}

/* Where part.cs puts the kept part: its frame is drawn around this mark
 * and the part sent in its place as it is, not copied into the HDF, the
 * template's output and the answer (on a kept report, most of the bytes;
 * docs/performance.md, "Reports"). No value of the frame can contain the
 * mark: every variable is escaped ('<' as &lt;). */
static const char part_mark[] = "<!--zsog:part-->";

int view_render_framed(struct req *r, int status, const char *part,
		       const char *meta)
{
	const char *p = meta ? meta : "", *eq, *nl, *at;
	struct buf out = { 0 };
	size_t skip;
	NEOERR *err;
	int rc = -1;

	if (r->want_json && status >= 400)
		return render_json_error(r, status);
	for (; *p && (eq = strchr(p, '=')) && (nl = strchr(eq, '\n'));
	     p = nl + 1)
		hdf_set_valuef(r->hdf, "Page.%.*s=%.*s", (int)(eq - p), p,
			       (int)(nl - eq - 1), eq + 1);
	if ((err = hdf_set_value(r->hdf, "Part.body", part_mark))) {
		log_nerr("part", err);
		return -1;
	}
	if (render_page(r, status, "part.cs", &out, &skip) < 0)
		goto out;
	at = out.p ? memmem(out.p + skip, out.len - skip, part_mark,
			    sizeof(part_mark) - 1)
		   : NULL;
	if (!at) {
		log_err("part.cs: no place for the part");
		goto out;
	}
	rc = resp_send_pieces(
		r, status, "text/html; charset=utf-8",
		(const struct resp_piece[]){
			{ out.p + skip, (size_t)(at - (out.p + skip)) },
			{ part ? part : "", part ? strlen(part) : 0 },
			{ at + sizeof(part_mark) - 1,
			  out.len - (size_t)(at + sizeof(part_mark) - 1 -
					     out.p) } },
		3);
out:
	buf_free(&out);
	return rc;
}

int view_send_kept(struct req *r, const struct pagecache_answer *a)
{
	if (!strncmp(a->ctype, "text/html", 9))
		return view_render_framed(r, a->status, a->body, a->headers);
	return pagecache_send(r, a);
}

int view_render_kept(struct req *r, const char *tpl, const char *key,
		     const struct kept_stamp *s, long long ttl_ms)
{
	struct buf part = { 0 }, meta = { 0 };
	int rc = -1;

	if (!key)
		return view_render(r, 200, tpl);
	if (view_render_part(r, tpl, &part, &meta) < 0)
		goto out;
	pagecache_put(
		key, s, ttl_ms,
		&(struct pagecache_answer){ .status = 200,
					    .ctype = "text/html; charset=utf-8",
					    .headers = meta.p,
					    .body = part.p ? part.p : "",
					    .len = part.len });
	rc = view_render_framed(r, 200, part.p ? part.p : "", meta.p);
out:
	buf_free(&part);
	buf_free(&meta);
	return rc;
}
