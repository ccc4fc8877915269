/* inbox.c: the background process reads the exchange inbox directory:
 * each *.xml file is imported like a post (its own source attribute names
 * a registered partner) and moved to done/ or rejected/, with the reason
 * in a .reason file beside a rejected one (docs/exchange.md) */
#include "exchange_ui.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "conf.h"
#include "exchange.h"
#include "log.h"
#include "metrics.h"

/* The files of one tick: a flood waits for the next ones. */
#define PER_TICK 100

static int ensure_dir(const char *path)
{
	return mkdir(path, 0750) == 0 || errno == EEXIST ? 0 : -1;
}

/* A name the inbox takes: letters, digits, . _ - and ending in .xml; no
 * dot first (a sender writes NAME.xml.part or .NAME and renames it when
 * complete). Anything else is left where it is. */
static int wanted(const char *name)
{
	size_t n = strlen(name);

	if (n < 5 || n > 200 || name[0] == '.' || strcmp(name + n - 4, ".xml"))
		return 0;
	return strspn(name,
		      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		      "0123456789._-") == n;
}

/* Reads at most max + 1 bytes of a regular file (never through a
 * symbolic link): the import refuses what is larger. NULL on error. */
static char *slurp(struct arena *a, const char *path, long long max,
		   size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	size_t want, got = 0;
	char *p;
	ssize_t n;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	want = (size_t)(st.st_size > max ? max + 1 : st.st_size);
	p = arena_alloc(a, want + 1);
	while (p && got < want && (n = read(fd, p + got, want - got)) > 0)
		got += (size_t)n;
	close(fd);
	if (!p)
		return NULL;
	p[got] = '\0';
	*len = got;
	return p;
}

/* Where dir/name goes in dir/sub/, keeping an earlier file of that name. */
static void destination(const char *dir, const char *sub, const char *name,
			char *dest, size_t sz)
{
	snprintf(dest, sz, "%s/%s/%s", dir, sub, name);
	if (access(dest, F_OK) == 0)
		snprintf(dest, sz, "%s/%s/%lld-%s", dir, sub, now_unix(), name);
}

static int move(const char *dir, const char *name, const char *dest)
{
	char from[1200];

	snprintf(from, sizeof(from), "%s/%s", dir, name);
	if (rename(from, dest) < 0) {
		log_err("exchange inbox: cannot move %s to %s: %s", from, dest,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* 0, or -1 when the file stays for the next tick (the database is down, or
 * it cannot be read or moved). */
static int one(struct arena *a, const char *dir, const char *name)
{
	long long max = conf_int("Exchange.MaxFileBytes", 1048576);
	struct exchange_result res;
	struct exchange_in in = { .channel = "inbox", .name = name };
	char path[1500], dest[1400];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	in.body = slurp(a, path, max, &in.len);
	if (!in.body) {
		log_warn("exchange inbox: cannot read %s: %s", path,
			 strerror(errno));
		return -1;
	}
	/* The database is down: the file stays for the next tick. */
	if (exchange_import(a, &in, &res) == 503)
		return -1;
	if (res.status == 200) {
		destination(dir, "done", name, dest, sizeof(dest));
		if (move(dir, name, dest) < 0)
			return -1;
		log_info("exchange inbox: %s %s (file %lld)", name, res.code,
			 res.file_id);
		return 0;
	}
	log_warn("exchange inbox: %s rejected: %s %s", name, res.code,
		 res.detail);
	/* The reason first: whoever sees the file in rejected/ finds it. */
	destination(dir, "rejected", name, dest, sizeof(dest));
	snprintf(path, sizeof(path), "%s.reason", dest);
	f = fopen(path, "w");
	if (f) {
		fprintf(f, "%d %s: %s\n", res.status, res.code, res.detail);
		fclose(f);
	}
	return move(dir, name, dest);
}

int exchange_inbox_tick(void)
{
	const char *dir = conf_get("Exchange.InboxDir", NULL);
	char sub[1100];
	struct arena a = { 0 };
	struct dirent *d;
	DIR *dp;
	int n = 0, rc = 0;
	long long left = 0;

	if (!dir || !*dir)
		return 0;
	snprintf(sub, sizeof(sub), "%s/done", dir);
	if (ensure_dir(dir) < 0 || ensure_dir(sub) < 0)
		goto cannot;
	snprintf(sub, sizeof(sub), "%s/rejected", dir);
	if (ensure_dir(sub) < 0)
		goto cannot;
	dp = opendir(dir);
	if (!dp)
		goto cannot;
	while ((d = readdir(dp))) {
		if (!wanted(d->d_name))
			continue;
		if (n == PER_TICK) {
			left++;
			continue;
		}
		if (one(&a, dir, d->d_name) < 0) {
			rc = -1;
			left++;
		}
		arena_reset(&a);
		n++;
	}
	closedir(dp);
	metrics_backlog(left);
	return rc;
cannot:
	log_err("exchange inbox %s: %s", dir, strerror(errno));
	return -1;
}
