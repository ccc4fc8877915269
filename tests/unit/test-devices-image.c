/* test-devices-image.c: cmocka tests for domain/devices_image.c: which
 * image names a device may give (never one that leaves its directory), and
 * reading a picture with its type by its first bytes */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "conf.h"
#include "devices.h"

static void test_names_accepted(void **state)
{
	(void)state;
	assert_true(devices_image_name_ok("1042.jpg"));
	assert_true(devices_image_name_ok("cam1/1042.jpg"));
	assert_true(devices_image_name_ok("cam/2026-11-23/x_1.JPEG"));
	assert_true(devices_image_name_ok("a/b/c/d.png"));
}

static void test_names_refused(void **state)
{
	static const char *const bad[] = {
		"",	  "../x.jpg",	   "cam/../../x.jpg",
		"cam/..", "/etc/x.jpg",	   "cam//x.jpg",
		"cam/",	  ".x.jpg",	   "cam/.x.jpg",
		"x.jpg/", "x.gif",	   "x.jpg.html",
		"x",	  "a/b/c/d/e.jpg", "c:x.jpg",
		"x .jpg", "x\\y.jpg",	   "x%2e.jpg",
	};
	char longname[260];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (devices_image_name_ok(bad[i]))
			fail_msg("accepted %s", bad[i]);
	assert_false(devices_image_name_ok(NULL));
	memset(longname, 'a', sizeof(longname));
	strcpy(longname + sizeof(longname) - 5, ".jpg");
	assert_false(devices_image_name_ok(longname));
}

static char dir[] = "/tmp/zsog-unit-images-XXXXXX";

static void put(const char *rel, const void *p, size_t n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	fclose(f);
}

static void test_read_by_magic(void **state)
{
	static const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 1, 2 };
	static const unsigned char png[] = { 0x89, 'P',	 'N',  'G', '\r',
					     '\n', 0x1a, '\n', 0,   0 };
	char hdf[600], path[512];
	struct buf b = { 0 };
	const char *ct;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/DEV-1", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(hdf, sizeof(hdf), "%s/zsog.hdf", dir);
	f = fopen(hdf, "w");
	assert_non_null(f);
	fprintf(f, "Ingest.ImageDir = %s\n", dir);
	fclose(f);
	assert_int_equal(conf_load(hdf), 0);

	put("DEV-1/a.png", jpeg, sizeof(jpeg)); /* a JPEG named .png */
	put("DEV-1/b.jpg", png, sizeof(png));
	put("DEV-1/c.jpg", "<html>", 6);
	put("x.jpg", jpeg, sizeof(jpeg)); /* beside the devices */

	assert_int_equal(devices_image_read("DEV-1", "a.png", &b, &ct), 1);
	assert_string_equal(ct, "image/jpeg");
	assert_int_equal(b.len, sizeof(jpeg));
	assert_memory_equal(b.p, jpeg, sizeof(jpeg));
	buf_free(&b);
	assert_int_equal(devices_image_read("DEV-1", "b.jpg", NULL, &ct), 1);
	assert_string_equal(ct, "image/png");
	assert_int_equal(devices_image_read("DEV-1", "c.jpg", NULL, &ct), 0);
	assert_null(ct);
	assert_int_equal(devices_image_read("DEV-1", "none.jpg", NULL, &ct), 0);
	assert_int_equal(devices_image_read("DEV-1", "../x.jpg", NULL, &ct), 0);
	/* A device code that is no code never names a directory. */
	assert_int_equal(devices_image_read("..", "x.jpg", NULL, &ct), 0);
	assert_int_equal(devices_image_read("dev-1", "a.png", NULL, &ct), 0);

	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
	conf_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_accepted),
		cmocka_unit_test(test_names_refused),
		cmocka_unit_test(test_read_by_magic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
