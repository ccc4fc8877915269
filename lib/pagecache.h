/* pagecache.h: a worker's copies of whole rendered answers (status,
 * content type, the headers that go with the body, the body), for pages
 * many readers ask for and that cost far more to make than to send.
 *
 * An entry is kept under a key the caller builds (pagecache_key: the
 * path, the query in a fixed order, the language and the reader's scope)
 * and served only while the counters noted before its data was read
 * (kept.h) are unchanged AND it is younger than the TTL the caller gave: figures over
 * rollups written at every event have no counter worth bumping, so they
 * are served for at most the TTL and the page says as of when (made).
 *
 * What must never be in an entry: anything of one person. A Set-Cookie
 * header is refused (pagecache_put keeps nothing). Pages that carry a
 * CSRF token, a person's name or their menu are not kept whole: the
 * caller keeps only the part without them (view_render_part) and draws
 * the person's frame around it at every request (view_render_framed).
 *
 * The cache is bounded in bytes (PageCache.Bytes per worker; 0 turns it
 * off) and drops the least recently used entries first. Nothing is kept
 * that kept_may refuses: counters not mapped, a page made inside a
 * transaction. One worker, one request at a time: no locks. */
#ifndef ZSOG_PAGECACHE_H
#define ZSOG_PAGECACHE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kept.h"
#include "req.h"

/* An answer as kept and as found. */
struct pagecache_answer {
	int status;
	const char *ctype;   /* Content-Type */
	const char *headers; /* "Name: value\r\n" lines sent with it, or
			      * what the caller keeps beside a part */
	const char *body;
	size_t len;
	time_t made; /* set by pagecache_put: when it was made (UTC) */
};

/* Sets the budget of this worker's cache in bytes (entries, keys,
 * headers, bodies) and drops every entry. Without a call the budget is
 * PageCache.Bytes (default 8 MiB) at the first use. */
void pagecache_init(size_t max_bytes);
/* Drops every entry and frees their memory. */
void pagecache_free(void);
/* 1 and *a when key is kept, its counters are still at the values
 * noted and its TTL has not run out (kept_good); 0 otherwise (an entry found stale
 * is dropped). a's pointers are valid until the next pagecache_put,
 * pagecache_init or pagecache_free. */
int pagecache_get(const char *key, struct pagecache_answer *a);
/* Keeps a copy of a under key for ttl_ms, valid while the counters
 * noted in s (kept_note, before the data was read) stand; replaces an
 * entry of that key. Not kept: a header line Set-Cookie, an answer
 * bigger than a quarter of the budget, what kept_may refuses (ttl_ms <=
 * 0, caches off, inside a transaction), out of memory. Entries are
 * dropped least recently used first until it fits. */
void pagecache_put(const char *key, const struct kept_stamp *s,
		   long long ttl_ms, const struct pagecache_answer *a);
/* Bytes held now, and entries: for tests and the metrics. */
size_t pagecache_bytes(void);
size_t pagecache_count(void);

/* The key of r's answer for a reader of scope (the caller's words for
 * what the reader may see: a unit, a company; "" for everyone): the
 * path, the query's fields but lang sorted by name (fields of one name
 * keep their order, values escaped so no two queries meet), the
 * language, the scope. In r's arena; NULL when out of memory. */
const char *pagecache_key(struct req *r, const char *scope);
/* Sends a kept whole answer to r: its status, type, headers and body
 * (none to a HEAD). 0 or -1. */
int pagecache_send(struct req *r, const struct pagecache_answer *a);
/* resp_csv's answer (b as the attachment filename; b freed), kept first
 * under key as pagecache_put keeps it when there is a key. 0 or -1. */
int pagecache_csv(struct req *r, struct buf *b, const char *filename,
		  const char *key, const struct kept_stamp *s,
		  long long ttl_ms);

#endif
