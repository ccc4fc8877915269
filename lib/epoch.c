/* epoch.c: the shared change counters (epoch.h) */
#include "epoch.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "db.h"
#include "log.h"

struct epochs {
	uint64_t n[EPOCH_MAX];
};

static struct epochs *ep;
static unsigned pending; /* kinds to bump when the transaction commits */

int epoch_open(void)
{
	char path[1024];
	struct stat sb;
	int fd;

	if (ep)
		return 0;
	snprintf(path, sizeof(path), "%s/epochs",
		 conf_get("Paths.Run", "var/run"));
	fd = open(path, O_RDWR | O_CREAT, 0600);
	if (fd < 0 || fstat(fd, &sb) < 0 ||
	    (sb.st_size < (off_t)sizeof(struct epochs) &&
	     ftruncate(fd, sizeof(struct epochs)) < 0)) {
		log_warn("epochs file %s: %m; caches off", path);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	ep = mmap(NULL, sizeof(*ep), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (ep == MAP_FAILED) {
		ep = NULL;
		log_warn("epochs file %s: mmap: %m; caches off", path);
		return -1;
	}
	return 0;
}

int epoch_usable(void)
{
	return ep != NULL;
}

uint64_t epoch_get(unsigned k)
{
	if (!ep || k >= EPOCH_MAX)
		return 0;
	return __atomic_load_n(&ep->n[k], __ATOMIC_ACQUIRE);
}

static void bump_now(unsigned mask)
{
	for (unsigned k = 0; k < EPOCH_MAX; k++)
		if (ep && (mask & EPOCH_BIT(k)))
			__atomic_add_fetch(&ep->n[k], 1, __ATOMIC_SEQ_CST);
}

static void bump_pending(void)
{
	unsigned mask = pending;

	pending = 0;
	bump_now(mask);
}

void epoch_bump_mask(unsigned mask)
{
	if (!db_in_transaction()) {
		bump_now(mask);
		return;
	}
	pending |= mask;
	db_on_commit(bump_pending);
}

void epoch_bump(unsigned k)
{
	if (k < EPOCH_MAX)
		epoch_bump_mask(EPOCH_BIT(k));
}
