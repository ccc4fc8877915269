/* risk_bt_register.c: the register as a backtest sees it: the sightings
 * of the events it streamed so far, in memory, so that sightings(),
 * first_sighting and crossings_within() are answered as of each event
 * without a query per event (the stream holds the connection) */
#include "risk_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CROSSINGS 255

struct sighting {
	long long ts;
	int prev; /* the object's earlier sighting, -1 none */
	unsigned char crossing;
};

struct object {
	char *key; /* "kind|obj_key", NULL an empty slot */
	int last;  /* its newest sighting */
};

struct risk_bt_register {
	struct object *obj;
	size_t cap, n; /* slots (a power of two), objects */
	struct sighting *s;
	size_t scap, sn;
	char crossing[MAX_CROSSINGS + 1][9];
	int ncrossing;
};

struct risk_bt_register *risk_bt_register_new(void)
{
	struct risk_bt_register *g = calloc(1, sizeof(*g));

	if (g && !(g->obj = calloc(g->cap = 1024, sizeof(*g->obj)))) {
		free(g);
		g = NULL;
	}
	return g;
}

void risk_bt_register_free(struct risk_bt_register *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->cap; i++)
		free(g->obj[i].key);
	free(g->obj);
	free(g->s);
	free(g);
}

static size_t hash(const char *kind, const char *key)
{
	size_t h = 14695981039346656037ULL;

	for (; *kind; kind++)
		h = (h ^ (unsigned char)*kind) * 1099511628211ULL;
	h = (h ^ '|') * 1099511628211ULL;
	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ULL;
	return h;
}

static int same(const char *k, const char *kind, const char *key)
{
	size_t n = strlen(kind);

	return !strncmp(k, kind, n) && k[n] == '|' && !strcmp(k + n + 1, key);
}

/* The object's slot: found, or the empty one where it would go. */
static struct object *slot(struct object *obj, size_t cap, const char *kind,
			   const char *key)
{
	size_t i = hash(kind, key) & (cap - 1);

	while (obj[i].key && !same(obj[i].key, kind, key))
		i = (i + 1) & (cap - 1);
	return &obj[i];
}

static int grow(struct risk_bt_register *g)
{
	size_t cap = g->cap * 2;
	struct object *obj = calloc(cap, sizeof(*obj));

	if (!obj)
		return -1;
	for (size_t i = 0; i < g->cap; i++) {
		const char *k = g->obj[i].key;
		size_t j;

		if (!k)
			continue;
		/* rehash by the stored "kind|key" */
		j = strcspn(k, "|");
		{
			char kind[16];

			if (j >= sizeof(kind))
				j = sizeof(kind) - 1;
			memcpy(kind, k, j);
			kind[j] = '\0';
			*slot(obj, cap, kind, k + j + 1) = g->obj[i];
		}
	}
	free(g->obj);
	g->obj = obj;
	g->cap = cap;
	return 0;
}

static int crossing_no(struct risk_bt_register *g, const char *code)
{
	for (int i = 0; i < g->ncrossing; i++)
		if (!strcmp(g->crossing[i], code))
			return i;
	if (g->ncrossing == MAX_CROSSINGS)
		return MAX_CROSSINGS; /* "another": never seen this many */
	snprintf(g->crossing[g->ncrossing], sizeof(g->crossing[0]), "%s", code);
	return g->ncrossing++;
}

int risk_bt_register_add(struct risk_bt_register *g, const char *kind,
			 const char *key, long long ts, const char *crossing)
{
	struct object *o;
	struct sighting *s;

	if (!key || !*key)
		return 0;
	if (2 * (g->n + 1) > g->cap && grow(g) < 0)
		return -1;
	if (g->sn == g->scap) {
		size_t cap = g->scap ? g->scap * 2 : 65536;
		struct sighting *p = realloc(g->s, cap * sizeof(*p));

		if (!p)
			return -1;
		g->s = p;
		g->scap = cap;
	}
	o = slot(g->obj, g->cap, kind, key);
	if (!o->key) {
		size_t n = strlen(kind) + strlen(key) + 2;

		if (!(o->key = malloc(n)))
			return -1;
		snprintf(o->key, n, "%s|%s", kind, key);
		o->last = -1;
		g->n++;
	}
	s = &g->s[g->sn];
	s->ts = ts;
	s->prev = o->last;
	s->crossing = (unsigned char)crossing_no(g, crossing ? crossing : "");
	o->last = (int)g->sn++;
	return 0;
}

/* The newest sighting of the object, -1 none. */
static int newest(struct risk_bt_register *g, const char *kind, const char *key)
{
	struct object *o = slot(g->obj, g->cap, kind, key);

	return o->key ? o->last : -1;
}

long long risk_bt_register_count(struct risk_bt_register *g, const char *kind,
				 const char *key, long long since)
{
	long long n = 0;

	for (int i = newest(g, kind, key); i >= 0 && g->s[i].ts >= since;
	     i = g->s[i].prev)
		n++;
	return n;
}

long long risk_bt_register_crossings(struct risk_bt_register *g,
				     const char *kind, const char *key,
				     long long since, const char *crossing)
{
	unsigned char seen[(MAX_CROSSINGS + 1 + 7) / 8] = { 0 };
	long long n = 0;
	int c = crossing_no(g, crossing ? crossing : "");

	seen[c / 8] |= (unsigned char)(1u << (c % 8));
	n = 1;
	for (int i = newest(g, kind, key); i >= 0 && g->s[i].ts >= since;
	     i = g->s[i].prev) {
		c = g->s[i].crossing;
		if (!(seen[c / 8] & (1u << (c % 8)))) {
			seen[c / 8] |= (unsigned char)(1u << (c % 8));
			n++;
		}
	}
	return n;
}
