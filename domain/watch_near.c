/* watch_near.c: lookalike matches below the alert level, for the risk
 * rules' watch.near_match: the watch list's entries a read comes close to
 * without raising an alert */
#include "watch.h"

#include <stdlib.h>
#include <string.h>

#include "epochs.h"
#include "kept.h"
#include "util.h"

/* The active entries as the ingest matcher reads them (watch_active_each),
 * kept per worker while EPOCH_WATCH stands and for at most CACHE_MS
 * (an entry's validity ends on a day, not on a change). */
#define CACHE_MS 60000

struct near {
	char subject[12];
	char fold[144];
	char country[3];
	long long from_day, to_day;
};

static struct near *near;
static size_t nnear, capnear;
static struct kept kept; /* of near[] */

static int load_cb(const struct row *row, void *ctx)
{
	struct near *n;

	(void)ctx;
	if (nnear == capnear) {
		size_t cap = capnear ? capnear * 2 : 256;
		struct near *p = realloc(near, cap * sizeof(*p));

		if (!p)
			return -1;
		near = p;
		capnear = cap;
	}
	n = &near[nnear++];
	strlcpy_z(n->subject, row_get(row, "subject", ""), sizeof(n->subject));
	strlcpy_z(n->fold, row_get(row, "fold_key", ""), sizeof(n->fold));
	strlcpy_z(n->country, row_get(row, "country", ""), sizeof(n->country));
	n->from_day = row_int(row, "from_day", 0);
	n->to_day = row_int(row, "to_day", 0);
	return 0;
}

/* Read inside a transaction (the decision's), a list is used and not
 * kept (kept.h): watch_near_prepare reads it before. */
static int refresh(void)
{
	struct kept_stamp s;

	if (near && kept_good(&kept))
		return 0;
	s = kept_note(EPOCH_BIT(EPOCH_WATCH));
	kept_drop(&kept);
	nnear = 0;
	if (watch_active_each(load_cb, NULL) < 0)
		return -1;
	kept_set(&kept, &s, CACHE_MS);
	return 0;
}

int watch_near_prepare(void)
{
	/* Only a worker whose rules asked for it keeps the list. */
	return near ? refresh() : 0;
}

/* a and b differ in exactly one character: one replaced, one added or
 * left out, or two neighbours swapped (what a reader or a hand misreads
 * and what the fold does not cover). */
int watch_one_apart(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0;

	if (la < lb) {
		const char *t = a;

		a = b;
		b = t;
		la ^= lb;
		lb ^= la;
		la ^= lb;
	}
	if (la - lb > 1)
		return 0;
	while (i < lb && a[i] == b[i])
		i++;
	if (i == la)
		return 0; /* equal */
	if (la > lb)	  /* one left out */
		return !strcmp(a + i + 1, b + i);
	if (!strcmp(a + i + 1, b + i + 1)) /* one replaced */
		return 1;
	return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	       !strcmp(a + i + 2, b + i + 2);
}

int watch_near_match(const char *subject, const char *key, const char *country,
		     long long day)
{
	char fold[144];

	if (!subject || !key || !*key)
		return 0;
	if (refresh() < 0)
		return -1;
	watch_fold_key(key, fold, sizeof(fold));
	for (size_t i = 0; i < nnear; i++) {
		const struct near *n = &near[i];

		if (strcmp(n->subject, subject) != 0 || day < n->from_day ||
		    day > n->to_day)
			continue;
		if (!strcmp(n->fold, fold)) {
			/* The matcher's own: it alerted unless the countries
			 * disagree (PL WGM1234 is not LT WGM1234). */
			if (n->country[0] && country && *country &&
			    strcmp(n->country, country) != 0)
				return 1;
			continue;
		}
		if (watch_one_apart(n->fold, fold))
			return 1;
	}
	return 0;
}
