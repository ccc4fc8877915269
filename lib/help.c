/* help.c: help pages from Markdown files, rendered by cmark once per
 * worker, and a search over them with folded words */
#define _GNU_SOURCE
#include "help.h"

#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "util.h"

#define MAX_FILE (512 * 1024)
#define MAX_WORDS 8
#define SNIP_BEFORE 60 /* bytes of text shown before a match */
#define SNIP_AFTER 120 /* and after it */

struct topic {
	char name[HELP_TOPIC_MAX + 1];
	char *title, *html, *text; /* text: the body as plain text */
	char *ftitle, *ftext;	   /* folded */
	size_t flen, ftitle_len;
	size_t *map; /* ftext[i] came from text[map[i]] */
};

struct topics {
	struct topic *t;
	size_t n;
};

static const char *const langs[2] = { "pl", "en" };
static struct topics sets[2];

static struct topics *set_of(const char *lang)
{
	if (lang && strcmp(lang, "pl") == 0)
		return &sets[0];
	if (lang && strcmp(lang, "en") == 0)
		return &sets[1];
	return NULL;
}

static int valid_topic(const char *s, size_t n)
{
	if (n == 0 || n > HELP_TOPIC_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

static const struct topic *find(const char *lang, const char *topic)
{
	struct topics *s = set_of(lang);

	if (!s || !topic)
		return NULL;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->t[i].name, topic) == 0)
			return &s->t[i];
	return NULL;
}

int help_has(const char *lang, const char *topic)
{
	return find(lang, topic) != NULL;
}

/* The base letter of a two-byte UTF-8 character (U+0080..U+07FF), or 0
 * for one that is kept as it is. */
static char base_letter(unsigned cp)
{
	/* U+00C0..U+00FF; 0 keeps Æ, ×, Þ, ß, æ, ÷, þ. */
	static const char latin1[] = "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0"
				     "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";

	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	switch (cp) {
	case 0x104: /* Ą ą */
	case 0x105:
		return 'a';
	case 0x106: /* Ć ć */
	case 0x107:
		return 'c';
	case 0x118: /* Ę ę */
	case 0x119:
		return 'e';
	case 0x141: /* Ł ł */
	case 0x142:
		return 'l';
	case 0x143: /* Ń ń */
	case 0x144:
		return 'n';
	case 0x15A: /* Ś ś */
	case 0x15B:
		return 's';
	case 0x179: /* Ź ź Ż ż */
	case 0x17A:
	case 0x17B:
	case 0x17C:
		return 'z';
	}
	return 0;
}

size_t help_fold(const char *in, size_t n, char *out, size_t *map)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, o = 0;

	while (i < n) {
		unsigned char c = s[i];
		char b = 0;

		if (c >= 0xC2 && c <= 0xDF && i + 1 < n &&
		    (s[i + 1] & 0xC0) == 0x80)
			b = base_letter(((unsigned)(c & 0x1F) << 6) |
					(s[i + 1] & 0x3F));
		if (b) {
			if (map)
				map[o] = i;
			out[o++] = b;
			i += 2;
			continue;
		}
		if (map)
			map[o] = i;
		out[o++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a')
						: (char)c;
		i++;
	}
	if (map)
		map[o] = n;
	out[o] = '\0';
	return o;
}

/* Appends s as plain text: runs of white space become one space. */
static void text_add(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		int space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';

		if (!space)
			buf_add(b, s, 1);
		else if (b->len && b->p[b->len - 1] != ' ')
			buf_puts(b, " ");
	}
}

/* The title (the first level-1 heading) and the rest as plain text.
 * Raw HTML is left out, as the page leaves it out. */
static void plain_text(cmark_node *doc, struct buf *title, struct buf *body)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node *in_title = NULL;
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		struct buf *b = in_title ? title : body;

		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_HEADING:
			if (ev == CMARK_EVENT_ENTER && !title->len &&
			    !in_title &&
			    cmark_node_get_heading_level(node) == 1)
				in_title = node;
			else if (ev == CMARK_EVENT_EXIT && node == in_title)
				in_title = NULL;
			else
				text_add(b, " ");
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
			text_add(b, cmark_node_get_literal(node));
			if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK)
				text_add(b, " ");
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_ITEM:
		case CMARK_NODE_BLOCK_QUOTE:
			if (ev == CMARK_EVENT_EXIT ||
			    cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK ||
			    cmark_node_get_type(node) == CMARK_NODE_LINEBREAK)
				text_add(b, " ");
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	while (body->len && body->p[body->len - 1] == ' ')
		body->p[--body->len] = '\0';
	while (title->len && title->p[title->len - 1] == ' ')
		title->p[--title->len] = '\0';
}

static void topic_free(struct topic *t)
{
	free(t->title);
	free(t->html);
	free(t->text);
	free(t->ftitle);
	free(t->ftext);
	free(t->map);
	memset(t, 0, sizeof(*t));
}

static int topic_build(struct topic *t, const char *name, const char *src,
		       size_t n)
{
	struct buf title = { 0 }, body = { 0 };
	cmark_node *doc;
	int rc = -1;

	snprintf(t->name, sizeof(t->name), "%s", name);
	/* Invalid UTF-8 becomes U+FFFD rather than reaching the page. */
	doc = cmark_parse_document(src, n, CMARK_OPT_VALIDATE_UTF8);
	if (!doc)
		goto out;
	/* CMARK_OPT_DEFAULT is safe: never add CMARK_OPT_UNSAFE (help.h). */
	t->html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	plain_text(doc, &title, &body);
	t->title = strdup(title.p ? title.p : name);
	t->text = strdup(body.p ? body.p : "");
	if (!t->html || !t->title || !t->text)
		goto out;
	t->ftitle = malloc(strlen(t->title) + 1);
	t->ftext = malloc(strlen(t->text) + 1);
	t->map = malloc((strlen(t->text) + 1) * sizeof(*t->map));
	if (!t->ftitle || !t->ftext || !t->map)
		goto out;
	t->ftitle_len = help_fold(t->title, strlen(t->title), t->ftitle, NULL);
	t->flen = help_fold(t->text, strlen(t->text), t->ftext, t->map);
	rc = 0;
out:
	if (doc)
		cmark_node_free(doc);
	buf_free(&title);
	buf_free(&body);
	if (rc < 0) {
		log_err("help: cannot render %s", name);
		topic_free(t);
	}
	return rc;
}

static char *read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;

	if (!f)
		return NULL;
	p = malloc(MAX_FILE + 1);
	if (p) {
		*n = fread(p, 1, MAX_FILE + 1, f);
		if (*n > MAX_FILE || ferror(f)) {
			log_err("help: %s is larger than %d bytes", path,
				MAX_FILE);
			free(p);
			p = NULL;
		}
	}
	fclose(f);
	return p;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct topic *)a)->name,
		      ((const struct topic *)b)->name);
}

static void set_free(struct topics *s)
{
	for (size_t i = 0; i < s->n; i++)
		topic_free(&s->t[i]);
	free(s->t);
	s->t = NULL;
	s->n = 0;
}

static int load_lang(const char *dir, int li)
{
	struct topics *s = &sets[li];
	char path[4096];
	struct dirent *de;
	size_t cap = 0;
	DIR *d;

	set_free(s);
	snprintf(path, sizeof(path), "%s/%s", dir, langs[li]);
	d = opendir(path);
	if (!d) {
		log_err("help: cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name), n;
		char name[HELP_TOPIC_MAX + 1];
		char *src;

		if (len < 4 || strcmp(de->d_name + len - 3, ".md") != 0)
			continue;
		if (!valid_topic(de->d_name, len - 3)) {
			log_warn("help: %s/%s is no topic name (a-z, 0-9, -)",
				 path, de->d_name);
			continue;
		}
		snprintf(name, sizeof(name), "%.*s", (int)(len - 3),
			 de->d_name);
		if (s->n == cap) {
			struct topic *t;

			cap = cap ? cap * 2 : 32;
			t = realloc(s->t, cap * sizeof(*t));
			if (!t)
				break;
			s->t = t;
		}
		snprintf(path, sizeof(path), "%s/%s/%s", dir, langs[li],
			 de->d_name);
		src = read_file(path, &n);
		memset(&s->t[s->n], 0, sizeof(s->t[0]));
		if (src && topic_build(&s->t[s->n], name, src, n) == 0)
			s->n++;
		free(src);
		snprintf(path, sizeof(path), "%s/%s", dir, langs[li]);
	}
	closedir(d);
	if (s->n)
		qsort(s->t, s->n, sizeof(s->t[0]), by_name);
	return 0;
}

int help_load(const char *dir)
{
	int rc = 0;

	for (int i = 0; i < 2; i++)
		if (load_lang(dir, i) < 0)
			rc = -1;
	return rc;
}

void help_free(void)
{
	set_free(&sets[0]);
	set_free(&sets[1]);
}

static void set_node(HDF *hdf, const char *prefix, const char *name,
		     const char *value)
{
	char key[256];
	NEOERR *err;

	snprintf(key, sizeof(key), "%s.%s", prefix, name);
	if ((err = hdf_set_value(hdf, key, value))) {
		log_err("help: cannot set %s", key);
		nerr_ignore(&err);
	}
}

int help_topic_hdf(HDF *hdf, const char *prefix, const char *lang,
		   const char *topic)
{
	const struct topic *t = find(lang, topic);

	if (!t)
		return 0;
	set_node(hdf, prefix, "Topic", t->name);
	set_node(hdf, prefix, "Title", t->title);
	set_node(hdf, prefix, "Html", t->html);
	return 1;
}

struct hit {
	const struct topic *t;
	long score;
	size_t at, len; /* the first match in ftext; len 0: none there */
};

static int is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The folded query's words, NUL-terminated in place. */
static int split_words(char *q, char **words)
{
	int n = 0;
	char *p = q;

	while (*p && n < MAX_WORDS) {
		char *start;

		while (*p && !is_word_char((unsigned char)*p))
			p++;
		start = p;
		while (*p && is_word_char((unsigned char)*p))
			p++;
		if (*p)
			*p++ = '\0';
		if (strlen(start) >= 2)
			words[n++] = start;
	}
	return n;
}

/* How many times w occurs in s[0..n), one at a word's start counting
 * twice; *first is the first occurrence's offset. */
static long count(const char *s, size_t n, const char *w, size_t *first)
{
	size_t wl = strlen(w), at = 0;
	long c = 0;
	const char *p;

	*first = (size_t)-1;
	while (at < n && (p = memmem(s + at, n - at, w, wl))) {
		size_t off = (size_t)(p - s);

		if (*first == (size_t)-1)
			*first = off;
		c += off == 0 || !is_word_char((unsigned char)s[off - 1]) ? 2
									  : 1;
		at = off + wl;
	}
	return c;
}

static int by_score(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->t->title, y->t->title);
}

/* The UTF-8 character boundary at or after i. */
static size_t char_start(const char *s, size_t n, size_t i)
{
	while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

static void snippet_hdf(HDF *hdf, const char *node, const struct hit *h)
{
	const struct topic *t = h->t;
	size_t n = strlen(t->text), s, e, from, to;
	char *part;

	if (!h->len) {
		/* Only the title matched: the text's beginning. */
		s = e = 0;
	} else {
		s = t->map[h->at];
		e = t->map[h->at + h->len];
	}
	from = s > SNIP_BEFORE ? char_start(t->text, n, s - SNIP_BEFORE) : 0;
	/* Start at a word rather than inside one. */
	if (from > 0) {
		const char *sp = memchr(t->text + from, ' ', s - from);

		if (sp)
			from = (size_t)(sp - t->text) + 1;
	}
	to = e + SNIP_AFTER < n ? char_start(t->text, n, e + SNIP_AFTER) : n;
	if (to < n) {
		size_t k = to;

		while (k > e && t->text[k] != ' ')
			k--;
		if (k > e)
			to = k;
	}
	part = strndup(t->text + from, s - from);
	set_node(hdf, node, "Before", part ? part : "");
	free(part);
	part = strndup(t->text + s, e - s);
	set_node(hdf, node, "Match", part ? part : "");
	free(part);
	part = strndup(t->text + e, to - e);
	set_node(hdf, node, "After", part ? part : "");
	free(part);
	if (from > 0)
		set_node(hdf, node, "CutStart", "1");
	if (to < n)
		set_node(hdf, node, "CutEnd", "1");
}

int help_search_hdf(HDF *hdf, const char *prefix, const char *lang,
		    const char *q, int max)
{
	struct topics *set = set_of(lang);
	char *words[MAX_WORDS], *fq = NULL;
	struct hit *hits = NULL;
	int nw, nh = 0, rc = -1;
	size_t i;

	if (!set || !q)
		goto out;
	fq = malloc(strlen(q) + 1);
	if (!fq)
		goto out;
	help_fold(q, strlen(q), fq, NULL);
	nw = split_words(fq, words);
	if (nw == 0)
		goto out;
	hits = calloc(set->n ? set->n : 1, sizeof(*hits));
	if (!hits)
		goto out;
	for (i = 0; i < set->n; i++) {
		const struct topic *t = &set->t[i];
		struct hit h = { .t = t, .at = (size_t)-1 };
		int all = 1;

		if (strcmp(t->name, "index") == 0)
			continue;
		for (int w = 0; w < nw && all; w++) {
			size_t ft, fb;
			long ct = count(t->ftitle, t->ftitle_len, words[w],
					&ft);
			long cb = count(t->ftext, t->flen, words[w], &fb);

			all = ct + cb > 0;
			h.score += ct * 10 + cb;
			if (cb && fb < h.at) {
				h.at = fb;
				h.len = strlen(words[w]);
			}
		}
		if (all)
			hits[nh++] = h;
	}
	qsort(hits, (size_t)nh, sizeof(*hits), by_score);
	for (int k = 0; k < nh && k < max; k++) {
		char node[256];

		snprintf(node, sizeof(node), "%s.%d", prefix, k);
		set_node(hdf, node, "Topic", hits[k].t->name);
		set_node(hdf, node, "Title", hits[k].t->title);
		snippet_hdf(hdf, node, &hits[k]);
	}
	rc = nh < max ? nh : max;
out:
	free(fq);
	free(hits);
	return rc;
}
