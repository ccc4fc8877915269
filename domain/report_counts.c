/* report_counts.c: what the rollups of eBT, alerts and control decisions
 * share: buckets, Warsaw days, percentiles, the crossings in scope */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tzpl.h"

int report_bucket(long long secs)
{
	if (secs < 0)
		return 0;
	if (secs < 7200)
		return (int)(secs / 60);
	if (secs < 86400)
		return (int)(secs / 300) * 5;
	return REPORT_LONGER;
}

int report_bucket_index(int bucket)
{
	if (bucket < 120)
		return bucket < 0 ? 0 : bucket;
	if (bucket < REPORT_LONGER)
		return 120 + (bucket - 120) / 5;
	return REPORT_NBUCKETS - 1;
}

int report_bucket_of_index(int i)
{
	if (i < 120)
		return i;
	if (i < REPORT_NBUCKETS - 1)
		return 120 + (i - 120) * 5;
	return REPORT_LONGER;
}

void report_day(long long t, char out[11])
{
	tzpl_day(t, 0, out);
}

void report_month(long long t, char out[11])
{
	tzpl_day(t, 0, out);
	memcpy(out + 8, "01", 3);
}

int report_hist_pct(const struct report_hist *h, int pct)
{
	long long rank, seen = 0;
	int i;

	if (h->total <= 0)
		return -1;
	/* Nearest rank: ceil(pct * total / 100), at least the first. */
	rank = (h->total * pct + 99) / 100;
	if (rank < 1)
		rank = 1;
	for (i = 0; i < REPORT_NBUCKETS; i++) {
		seen += h->n[i];
		if (seen >= rank)
			return report_bucket_of_index(i);
	}
	return REPORT_LONGER;
}

void report_hist_add(struct report_hist *h, int bucket, long long n)
{
	h->n[report_bucket_index(bucket)] += n;
	h->total += n;
}

int report_json_ids(const long long *ids, int n, char *out, size_t size)
{
	size_t len = 1;
	int i;

	if (n < 0 || n > REPORT_MAX_CROSSINGS || size < 3)
		return -1;
	out[0] = '[';
	for (i = 0; i < n; i++) {
		int w = snprintf(out + len, size - len, "%s%lld", i ? "," : "",
				 ids[i]);

		if (w < 0 || (size_t)w >= size - len)
			return -1;
		len += (size_t)w;
	}
	if (len + 2 > size)
		return -1;
	memcpy(out + len, "]", 2);
	return 0;
}

int report_json_codes(const char *const *codes, int n, char *out, size_t size)
{
	size_t len = 1;
	int i;

	if (n < 0 || n > REPORT_MAX_CROSSINGS || size < 3)
		return -1;
	out[0] = '[';
	for (i = 0; i < n; i++) {
		const char *c = codes[i];
		int w;

		/* Codes are letters and digits (crossing.code): nothing to
		 * escape, and anything else is refused rather than quoted. */
		if (!c || !*c || strlen(c) > 8 ||
		    strspn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") !=
			    strlen(c))
			return -1;
		w = snprintf(out + len, size - len, "%s\"%s\"", i ? "," : "",
			     c);
		if (w < 0 || (size_t)w >= size - len)
			return -1;
		len += (size_t)w;
	}
	if (len + 2 > size)
		return -1;
	memcpy(out + len, "]", 2);
	return 0;
}

static void pct_close(struct report_pct_acc *acc)
{
	struct report_pct_row *r;

	if (!acc->out || acc->n == 0 || acc->n > acc->max)
		return;
	r = &acc->out[acc->n - 1];
	r->n = acc->cur.total;
	r->p50 = report_hist_pct(&acc->cur, 50);
	r->p90 = report_hist_pct(&acc->cur, 90);
}

int report_pct_cb(const struct row *row, void *ctx)
{
	struct report_pct_acc *acc = ctx;
	const char *period = row_get(row, "period", "");
	int bucket = (int)row_int(row, "bucket", 0);
	long long n = row_int(row, "n", 0);

	if (acc->all)
		report_hist_add(acc->all, bucket, n);
	if (!acc->out)
		return 0;
	if (acc->n == 0 || strcmp(acc->out[acc->n - 1].period, period) != 0) {
		pct_close(acc);
		if (acc->n == acc->max)
			return 1; /* full: the rest is cut */
		memset(&acc->cur, 0, sizeof(acc->cur));
		memset(&acc->out[acc->n], 0, sizeof(acc->out[0]));
		snprintf(acc->out[acc->n].period,
			 sizeof(acc->out[acc->n].period), "%s", period);
		acc->n++;
	}
	report_hist_add(&acc->cur, bucket, n);
	return 0;
}

int report_pct_end(struct report_pct_acc *acc)
{
	pct_close(acc);
	return acc->n;
}
