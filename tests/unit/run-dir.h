/* run-dir.h: a Paths.Run of its own for a unit test of the shared change
 * counters (test-epoch.c, test-pagecache.c, test-kept.c): a temporary
 * folder, a configuration naming it, its epochs file. cmocka's group
 * setup and teardown; implemented in run-dir.c, linked into the tests
 * that include this. */
#ifndef ZSOG_RUN_DIR_H
#define ZSOG_RUN_DIR_H

/* Makes the folder, loads a configuration naming it and maps the
 * counters. 0, or -1. */
int run_dir_setup(void **state);
/* The same without mapping the counters (the test maps them). */
int run_dir_setup_unmapped(void **state);
/* Frees the configuration and removes what the setup made. 0. */
int run_dir_teardown(void **state);

#endif
