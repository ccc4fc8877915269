/* test-blob.c: cmocka tests for lib/blob.c: content-addressed files under
 * Paths.Var, stored once, read back whole, and names that are no names */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "blob.h"
#include "conf.h"

static char dir[] = "/tmp/zsog-blob-XXXXXX";

static int setup(void **state)
{
	char hdf[200];
	FILE *f;

	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(hdf, sizeof(hdf), "%s/zsog.hdf", dir);
	f = fopen(hdf, "w");
	if (!f)
		return -1;
	fprintf(f, "Paths.Var = %s\n", dir);
	fclose(f);
	return conf_load(hdf);
}

static void test_put_then_get(void **state)
{
	static const char data[] = "%PDF-1.4\n\0binary\xff";
	struct arena a = { 0 };
	char hex[65], hex2[65], path[300];
	const char *p;
	size_t n;
	struct stat st;

	(void)state;
	assert_int_equal(blob_put("poa", data, sizeof(data), hex), 0);
	assert_int_equal(strlen(hex), 64);
	/* The same content: the same name, one file. */
	assert_int_equal(blob_put("poa", data, sizeof(data), hex2), 0);
	assert_string_equal(hex, hex2);
	snprintf(path, sizeof(path), "%s/poa/%.2s/%s", dir, hex, hex);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(blob_get(&a, "poa", hex, &p, &n), 1);
	assert_int_equal(n, sizeof(data));
	assert_memory_equal(p, data, sizeof(data));
	arena_reset(&a);
}

static void test_names_that_are_none(void **state)
{
	struct arena a = { 0 };
	const char *p;
	size_t n;
	char hex[65];

	(void)state;
	assert_int_equal(blob_get(&a, "poa", NULL, &p, &n), 0);
	assert_int_equal(blob_get(&a, "poa", "", &p, &n), 0);
	assert_int_equal(blob_get(&a, "poa", "../../etc/passwd", &p, &n), 0);
	memset(hex, 'A', 64); /* upper case is not how names are written */
	hex[64] = '\0';
	assert_int_equal(blob_get(&a, "poa", hex, &p, &n), 0);
	memset(hex, 'a', 64);
	assert_int_equal(blob_get(&a, "poa", hex, &p, &n), 0); /* none */
	assert_null(p);
	/* A directory is one plain name. */
	assert_int_equal(blob_put("../x", "a", 1, hex), -1);
	assert_int_equal(blob_get(&a, "../poa", hex, &p, &n), 0);
	arena_reset(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_then_get),
		cmocka_unit_test(test_names_that_are_none),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
