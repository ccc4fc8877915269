/* db_bulk.c: multi-row prepared INSERTs from a constant row template */
#include "db_bulk.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"

static const int sizes[BULK_NSIZES] = { BULK_MAX, 50, 20, 10, 5, 2, 1 };

int db_bulk_chunk(int remaining)
{
	for (int k = 0; k < BULK_NSIZES; k++)
		if (sizes[k] <= remaining)
			return sizes[k];
	return 1;
}

static int size_index(int nrows)
{
	for (int k = 0; k < BULK_NSIZES; k++)
		if (sizes[k] == nrows)
			return k;
	return -1;
}

/* head + row, row, ... + tail: built once per worker and size, kept for
 * the worker's life (struct sql points at it). */
static const char *bulk_text(const struct bulk *b, int nrows)
{
	size_t hl = strlen(b->head), rl = strlen(b->row);
	size_t tl = b->tail ? strlen(b->tail) : 0;
	char *t = malloc(hl + (size_t)nrows * (rl + 2) + tl + 1), *p;

	if (!t)
		return NULL;
	memcpy(t, b->head, hl);
	p = t + hl;
	for (int i = 0; i < nrows; i++) {
		if (i) {
			*p++ = ',';
			*p++ = ' ';
		}
		memcpy(p, b->row, rl);
		p += rl;
	}
	if (tl) {
		memcpy(p, b->tail, tl);
		p += tl;
	}
	*p = '\0';
	return t;
}

long long db_bulk_exec(struct bulk *b, MYSQL_BIND *bind, int nrows)
{
	int k = size_index(nrows);

	if (k < 0)
		return -1;
	if (!b->q[k].text) {
		b->q[k].text = bulk_text(b, nrows);
		if (!b->q[k].text)
			return -1;
	}
	return db_exec_bind(&b->q[k], bind, (unsigned long)nrows * b->nparams);
}

static struct sql q_mode = SQL("SELECT @@innodb_autoinc_lock_mode AS mode,"
			       " @@auto_increment_increment AS incr");
static int checked, consecutive;
static long long incr = 1;

int db_bulk_ok(void)
{
	struct arena a = { 0 };
	struct row row;

	if (checked)
		return consecutive;
	if (db_get(&a, &q_mode, &row, "") != 1) {
		arena_reset(&a);
		return -1;
	}
	/* 0 (traditional) and 1 (consecutive) hand a statement whose row
	 * count is known one run of values; 2 (interleaved) may not. */
	consecutive = row_int(&row, "mode", 2) < 2;
	incr = row_int(&row, "incr", 1);
	if (incr < 1)
		incr = 1;
	checked = 1;
	if (!consecutive)
		log_info("innodb_autoinc_lock_mode 2: bulk inserts off");
	arena_reset(&a);
	return consecutive;
}

long long db_bulk_id(struct bulk *b, int nrows, int i)
{
	int k = size_index(nrows);

	if (k < 0 || !consecutive)
		return 0;
	return db_insert_id(&b->q[k]) + (long long)i * incr;
}

void bulk_bind_str(MYSQL_BIND *b, const char *s, unsigned long *len)
{
	memset(b, 0, sizeof(*b));
	if (!s) {
		b->buffer_type = MYSQL_TYPE_NULL;
		return;
	}
	*len = strlen(s);
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = (void *)s;
	b->buffer_length = *len;
	b->length = len;
}

void bulk_bind_int(MYSQL_BIND *b, long long *v)
{
	memset(b, 0, sizeof(*b));
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = v;
}
