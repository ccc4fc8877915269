/* run-dir.c: a Paths.Run of its own for a unit test (run-dir.h) */
#include "run-dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "conf.h"
#include "epoch.h"

static char dir[256];
static char conf_path[600];

static int make(int open_epochs)
{
	FILE *f;

	snprintf(dir, sizeof(dir), "/tmp/zsog-test-run-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(conf_path, sizeof(conf_path), "%s/zsog.hdf", dir);
	if (!(f = fopen(conf_path, "w")))
		return -1;
	fprintf(f, "Paths.Run = %s\n", dir);
	fclose(f);
	if (conf_load(conf_path) < 0)
		return -1;
	return open_epochs ? epoch_open() : 0;
}

int run_dir_setup(void **state)
{
	(void)state;
	return make(1);
}

int run_dir_setup_unmapped(void **state)
{
	(void)state;
	return make(0);
}

int run_dir_teardown(void **state)
{
	char path[700];

	(void)state;
	conf_free();
	snprintf(path, sizeof(path), "%s/epochs", dir);
	unlink(path);
	unlink(conf_path);
	rmdir(dir);
	return 0;
}
