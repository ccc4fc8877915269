/* metrics.c: request counters shared by a service's workers through a
 * mapped file, read by GET /metrics in Prometheus text format */
#include "metrics.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "conf.h"
#include "db.h"
#include "dbstate.h"
#include "log.h"
#include "resp.h"

static const int codes[] = { 200, 201, 204, 303, 304, 400, 401, 403, 404,
			     405, 409, 413, 415, 422, 429, 500, 503 };
#define NCODES (sizeof(codes) / sizeof(codes[0]))
static const double buckets[] = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
				  0.1,	 0.25,	 0.5,	1,    2.5,   5 };
#define NBUCKETS (sizeof(buckets) / sizeof(buckets[0]))
#define METRICS_MAGIC 0x5a534f474d455432ULL /* "ZSOGMET2" */

struct stats {
	uint64_t magic;
	uint64_t by_code[NCODES + 1]; /* last: any other code */
	uint64_t le[NBUCKETS + 1];    /* last: +Inf */
	uint64_t count;
	uint64_t sum_us;
	uint64_t workers;
	uint64_t ticks, tick_failures;
	int64_t backlog; /* -1: never told */
};

static struct stats *st;

static void run_path(char *out, size_t n, const char *file)
{
	snprintf(out, n, "%s/metrics%s%s", conf_get("Paths.Run", "var/run"),
		 file ? "/" : "", file ? file : "");
}

int metrics_open(const char *service)
{
	char path[1024], file[96];
	int fd;

	snprintf(file, sizeof(file), "%s.stats", service);
	run_path(path, sizeof(path), file);
	fd = open(path, O_RDWR | O_CREAT, 0640);
	if (fd < 0 || ftruncate(fd, sizeof(struct stats)) < 0) {
		log_err("metrics file %s: %m", path);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	st = mmap(NULL, sizeof(*st), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (st == MAP_FAILED) {
		st = NULL;
		return -1;
	}
	/* Counters start at zero with each master: they are rates' input. */
	memset(st, 0, sizeof(*st));
	st->backlog = -1;
	st->magic = METRICS_MAGIC;
	return 0;
}

void metrics_request(int status, double seconds)
{
	size_t i;

	if (!st)
		return;
	for (i = 0; i < NCODES && codes[i] != status; i++)
		;
	__atomic_add_fetch(&st->by_code[i], 1, __ATOMIC_RELAXED);
	for (i = 0; i < NBUCKETS && seconds > buckets[i]; i++)
		;
	__atomic_add_fetch(&st->le[i], 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&st->count, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&st->sum_us, (uint64_t)(seconds * 1e6),
			   __ATOMIC_RELAXED);
}

void metrics_workers(int alive)
{
	if (st)
		__atomic_store_n(&st->workers, (uint64_t)alive,
				 __ATOMIC_RELAXED);
}

void metrics_tick(int failed)
{
	if (!st)
		return;
	__atomic_add_fetch(&st->ticks, 1, __ATOMIC_RELAXED);
	if (failed)
		__atomic_add_fetch(&st->tick_failures, 1, __ATOMIC_RELAXED);
}

void metrics_backlog(long long left)
{
	if (st && left >= 0)
		__atomic_store_n(&st->backlog, (int64_t)left, __ATOMIC_RELAXED);
}

static void print_service(struct buf *b, const char *svc, const struct stats *s)
{
	uint64_t cum = 0;
	size_t i;

	for (i = 0; i <= NCODES; i++) {
		uint64_t v = __atomic_load_n(&s->by_code[i], __ATOMIC_RELAXED);

		if (!v)
			continue;
		if (i < NCODES)
			buf_printf(
				b,
				"zsog_requests_total{service=\"%s\",status=\"%d\"} %llu\n",
				svc, codes[i], (unsigned long long)v);
		else
			buf_printf(
				b,
				"zsog_requests_total{service=\"%s\",status=\"other\"} %llu\n",
				svc, (unsigned long long)v);
	}
	for (i = 0; i <= NBUCKETS; i++) {
		cum += __atomic_load_n(&s->le[i], __ATOMIC_RELAXED);
		if (i < NBUCKETS)
			buf_printf(
				b,
				"zsog_request_seconds_bucket{service=\"%s\",le=\"%g\"} %llu\n",
				svc, buckets[i], (unsigned long long)cum);
		else
			buf_printf(
				b,
				"zsog_request_seconds_bucket{service=\"%s\",le=\"+Inf\"} %llu\n",
				svc, (unsigned long long)cum);
	}
	buf_printf(b, "zsog_request_seconds_sum{service=\"%s\"} %.6f\n", svc,
		   (double)s->sum_us / 1e6);
	buf_printf(b, "zsog_request_seconds_count{service=\"%s\"} %llu\n", svc,
		   (unsigned long long)s->count);
	buf_printf(b, "zsog_workers_alive{service=\"%s\"} %llu\n", svc,
		   (unsigned long long)s->workers);
	/* Only a program with a background process has ticks. */
	if (!__atomic_load_n(&s->ticks, __ATOMIC_RELAXED))
		return;
	buf_printf(b, "zsog_ticks_total{service=\"%s\"} %llu\n", svc,
		   (unsigned long long)s->ticks);
	buf_printf(b, "zsog_tick_failures_total{service=\"%s\"} %llu\n", svc,
		   (unsigned long long)s->tick_failures);
	if (s->backlog >= 0)
		buf_printf(b, "zsog_tick_backlog{service=\"%s\"} %lld\n", svc,
			   (long long)s->backlog);
}

int metrics_fn(struct req *r)
{
	char dir[1024], path[1300];
	struct buf b = { 0 };
	struct dirent *de;
	DIR *d;
	int rc;

	run_path(dir, sizeof(dir), NULL);
	buf_puts(&b, "# HELP zsog_requests_total Requests answered, by service"
		     " and status.\n# TYPE zsog_requests_total counter\n"
		     "# HELP zsog_request_seconds Time to answer a request.\n"
		     "# TYPE zsog_request_seconds histogram\n"
		     "# HELP zsog_workers_alive Worker processes running.\n"
		     "# TYPE zsog_workers_alive gauge\n"
		     "# HELP zsog_ticks_total Runs of the background process.\n"
		     "# TYPE zsog_ticks_total counter\n"
		     "# HELP zsog_tick_failures_total Runs of the background"
		     " process that failed in part (see the log).\n"
		     "# TYPE zsog_tick_failures_total counter\n"
		     "# HELP zsog_tick_backlog Work the background process left"
		     " for its next run (ingest: lone events not yet in the"
		     " reports).\n"
		     "# TYPE zsog_tick_backlog gauge\n");
	d = opendir(dir);
	while (d && (de = readdir(d))) {
		size_t n = strlen(de->d_name);
		struct stats *s;
		char svc[64];
		int fd;

		if (n < 7 || n > 60 || strcmp(de->d_name + n - 6, ".stats"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		fd = open(path, O_RDONLY);
		if (fd < 0)
			continue;
		s = mmap(NULL, sizeof(*s), PROT_READ, MAP_SHARED, fd, 0);
		close(fd);
		if (s == MAP_FAILED)
			continue;
		snprintf(svc, sizeof(svc), "%.*s", (int)(n - 6), de->d_name);
		if (s->magic == METRICS_MAGIC)
			print_service(&b, svc, s);
		munmap(s, sizeof(*s));
	}
	if (d)
		closedir(d);
	/* The servers this program uses: a replica's lag and errors, a
	 * Galera node's state (docs/operations.md, "Monitoring"). */
	dbstate_metrics(&b);
	resp_header(r, "Cache-Control", "no-store");
	rc = resp_send(r, 200, "text/plain; version=0.0.4; charset=utf-8", b.p,
		       b.len);
	buf_free(&b);
	return rc;
}

int health_fn(struct req *r)
{
	static const char ok[] = "ok\n", down[] = "database unavailable\n";

	if (db_ping() == 0)
		return resp_send(r, 200, "text/plain; charset=utf-8", ok,
				 sizeof(ok) - 1);
	return resp_send(r, 503, "text/plain; charset=utf-8", down,
			 sizeof(down) - 1);
}
