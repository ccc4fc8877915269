/* blob.c: content-addressed files under Paths.Var (blob.h) */
#include "blob.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"

static int valid_hex64(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[64] == '\0';
}

/* The file's directory into d (made when mkdirs) and its path into f. */
static int paths(const char *dir, const char *hex, char *d, size_t dsz, char *f,
		 size_t fsz, int mkdirs)
{
	const char *var = conf_get("Paths.Var", ".");
	int n;

	if (strchr(dir, '/') || strchr(dir, '.'))
		return -1; /* one plain directory name, never a path */
	n = snprintf(d, dsz, "%s/%s", var, dir);
	if (n < 0 || (size_t)n >= dsz)
		return -1;
	if (mkdirs && mkdir(d, 0700) < 0 && errno != EEXIST)
		return -1;
	n = snprintf(d, dsz, "%s/%s/%.2s", var, dir, hex);
	if (n < 0 || (size_t)n >= dsz)
		return -1;
	if (mkdirs && mkdir(d, 0700) < 0 && errno != EEXIST)
		return -1;
	n = snprintf(f, fsz, "%s/%s", d, hex);
	return n < 0 || (size_t)n >= fsz ? -1 : 0;
}

int blob_put(const char *dir, const void *p, size_t n, char hex[65])
{
	unsigned char sum[crypto_hash_sha256_BYTES];
	char d[4096], f[4200], tmp[4300];
	const char *s = p;
	size_t done = 0;
	int fd = -1, rc = -1;

	crypto_hash_sha256(sum, p, n);
	hex_encode(hex, sum, sizeof(sum));
	if (paths(dir, hex, d, sizeof(d), f, sizeof(f), 1) < 0) {
		log_err("blob_put: %s: cannot make its directory", dir);
		return -1;
	}
	if (access(f, F_OK) == 0)
		return 0; /* the same content is there already */
	snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", f, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		goto out;
	while (done < n) {
		ssize_t w = write(fd, s + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto out;
		done += (size_t)w;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		fd = -1;
		goto out;
	}
	fd = -1;
	if (rename(tmp, f) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0) {
		log_err("blob_put %s: %s", f, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
	}
	return rc;
}

int blob_get(struct arena *a, const char *dir, const char *hex, const char **p,
	     size_t *n)
{
	char d[4096], f[4200], *buf;
	struct stat st;
	size_t done = 0;
	int fd, rc = -1;

	*p = NULL;
	*n = 0;
	if (!hex || strlen(hex) != 64 || !valid_hex64(hex) ||
	    paths(dir, hex, d, sizeof(d), f, sizeof(f), 0) < 0)
		return 0;
	fd = open(f, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		log_err("blob_get %s: %s", f, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		goto out;
	buf = arena_alloc(a, (size_t)st.st_size + 1);
	if (!buf)
		goto out;
	while (done < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + done, (size_t)st.st_size - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			goto out;
		done += (size_t)r;
	}
	buf[done] = '\0';
	*p = buf;
	*n = done;
	rc = 1;
out:
	if (rc < 0)
		log_err("blob_get %s: %s", f, strerror(errno));
	close(fd);
	return rc;
}
