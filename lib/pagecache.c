/* pagecache.c: a worker's byte-bounded, least-recently-used copies of
 * rendered answers, each valid under an epoch and a TTL */
#include "pagecache.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "log.h"
#include "resp.h"

#define NBUCKET 1024 /* a power of two */

struct entry {
	struct entry *chain;	     /* next in the bucket */
	struct entry *newer, *older; /* the use list */
	unsigned hash;
	struct kept k;
	size_t size; /* what it counts against the budget */
	struct pagecache_answer a;
	char key[]; /* then ctype, headers and body, each NUL-ended */
};

static struct entry *bucket[NBUCKET];
static struct entry *newest, *oldest;
static size_t budget, used, count;
static int ready; /* budget set */

static unsigned hash_of(const char *key)
{
	unsigned h = 2166136261u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

static void unlink_use(struct entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		oldest = e->newer;
	e->newer = e->older = NULL;
}

static void push_newest(struct entry *e)
{
	e->older = newest;
	e->newer = NULL;
	if (newest)
		newest->newer = e;
	newest = e;
	if (!oldest)
		oldest = e;
}

static void drop(struct entry *e)
{
	struct entry **pp = &bucket[e->hash & (NBUCKET - 1)];

	while (*pp && *pp != e)
		pp = &(*pp)->chain;
	if (*pp)
		*pp = e->chain;
	unlink_use(e);
	used -= e->size;
	count--;
	free(e);
}

static struct entry *find(const char *key, unsigned h)
{
	struct entry *e;

	for (e = bucket[h & (NBUCKET - 1)]; e; e = e->chain)
		if (e->hash == h && !strcmp(e->key, key))
			return e;
	return NULL;
}

void pagecache_free(void)
{
	while (oldest)
		drop(oldest);
}

void pagecache_init(size_t max_bytes)
{
	pagecache_free();
	budget = max_bytes;
	ready = 1;
}

static void init_once(void)
{
	long long n;

	if (ready)
		return;
	n = conf_int("PageCache.Bytes", 8LL << 20);
	pagecache_init(n > 0 ? (size_t)n : 0);
}

size_t pagecache_bytes(void)
{
	return used;
}

size_t pagecache_count(void)
{
	return count;
}

int pagecache_get(const char *key, struct pagecache_answer *a)
{
	unsigned h = hash_of(key);
	struct entry *e = find(key, h);

	if (!e)
		return 0;
	if (!kept_good(&e->k)) {
		drop(e);
		return 0;
	}
	unlink_use(e);
	push_newest(e);
	*a = e->a;
	return 1;
}

/* A header block that would hand one person's cookie to another. */
static int has_cookie(const char *headers)
{
	for (const char *p = headers; p && *p;) {
		if (!strncasecmp(p, "Set-Cookie:", 11))
			return 1;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return 0;
}

void pagecache_put(const char *key, const struct kept_stamp *s,
		   long long ttl_ms, const struct pagecache_answer *a)
{
	const char *ctype = a->ctype ? a->ctype : "";
	const char *headers = a->headers ? a->headers : "";
	size_t nk = strlen(key) + 1, nc = strlen(ctype) + 1,
	       nh = strlen(headers) + 1, size;
	struct entry *e;
	char *p;

	init_once();
	if (!kept_may(s, ttl_ms) || !budget)
		return;
	if (has_cookie(headers)) {
		log_err("page cache: an answer with Set-Cookie not kept");
		return;
	}
	size = sizeof(*e) + nk + nc + nh + a->len + 1;
	if ((e = find(key, hash_of(key))))
		drop(e);
	if (size > budget / 4)
		return;
	while (oldest && used + size > budget)
		drop(oldest);
	if (!(e = malloc(size)))
		return;
	memset(e, 0, sizeof(*e));
	p = e->key;
	memcpy(p, key, nk);
	e->a.ctype = memcpy(p += nk, ctype, nc);
	e->a.headers = memcpy(p += nc, headers, nh);
	p += nh;
	if (a->len)
		memcpy(p, a->body, a->len);
	p[a->len] = '\0';
	e->a.body = p;
	e->a.len = a->len;
	e->a.status = a->status;
	e->a.made = time(NULL);
	e->hash = hash_of(key);
	kept_set(&e->k, s, ttl_ms);
	e->size = size;
	e->chain = bucket[e->hash & (NBUCKET - 1)];
	bucket[e->hash & (NBUCKET - 1)] = e;
	push_newest(e);
	used += size;
	count++;
}

/* Appends s with '%', '&', '=' and '|' escaped: no value can pass for
 * a separator, so two different queries never build one key. */
static void put_escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '%' || *s == '&' || *s == '=' || *s == '|')
			buf_printf(b, "%%%02X", (unsigned char)*s);
		else
			buf_add(b, s, 1);
	}
}

const char *pagecache_key(struct req *r, const char *scope)
{
	size_t order[REQ_MAXFIELDS], n = 0, i, j;
	struct buf b = { 0 };
	const char *key;

	/* Sorted by name, stable: the first of repeated fields stays first
	 * (req_query reads it). lang is the key's language already. */
	for (i = 0; i < r->nq && n < REQ_MAXFIELDS; i++) {
		if (!strcmp(r->qfields[i].name, "lang"))
			continue;
		for (j = n; j > 0 && strcmp(r->qfields[order[j - 1]].name,
					    r->qfields[i].name) > 0;
		     j--)
			order[j] = order[j - 1];
		order[j] = i;
		n++;
	}
	put_escaped(&b, r->path);
	buf_puts(&b, "?");
	for (i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, "&");
		put_escaped(&b, r->qfields[order[i]].name);
		buf_puts(&b, "=");
		put_escaped(&b, r->qfields[order[i]].value);
	}
	buf_puts(&b, "|");
	put_escaped(&b, r->lang ? r->lang : "");
	buf_puts(&b, "|");
	buf_puts(&b, scope ? scope : ""); /* the last part: as it is */
	key = b.p ? arena_strndup(&r->arena, b.p, b.len) : NULL;
	buf_free(&b);
	return key;
}

int pagecache_send(struct req *r, const struct pagecache_answer *a)
{
	if (a->headers && *a->headers)
		buf_puts(&r->headers, a->headers);
	return resp_send(r, a->status, a->ctype, a->body, a->len);
}

int pagecache_csv(struct req *r, struct buf *b, const char *filename,
		  const char *key, const struct kept_stamp *s, long long ttl_ms)
{
	if (key)
		pagecache_put(
			key, s, ttl_ms,
			&(struct pagecache_answer){
				.status = 200,
				.ctype = "text/csv; charset=utf-8",
				.headers = arena_printf(
					&r->arena,
					"Content-Disposition: attachment; "
					"filename=\"%s\"\r\n",
					filename),
				.body = b->p ? b->p : "",
				.len = b->len });
	return resp_csv(r, b, filename);
}
