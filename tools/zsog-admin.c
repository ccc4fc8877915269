/* zsog-admin.c: operator's tool.
 *   zsog-admin hash < password    prints its argon2id hash (the first
 *                                 administrator of an install, demo accounts)
 *   zsog-admin flush-caches CONF  after rows were changed by hand (SQL, a
 *                                 restore): every program drops its copies
 *                                 of sessions, rights and calendars now
 *                                 instead of within seconds (lib/epoch.h)
 *   zsog-admin check-representations CONF
 *                                 lists representations in force that
 *                                 grant more than their granter held
 *                                 (docs/ecustomer.md); exit 1 if any
 *   zsog-admin partitions CONF [YYYY-MM-DD]
 *                                 what the ingest program's hourly tick
 *                                 does to the event table's partitions
 *                                 (docs/ingest.md), now or as on that
 *                                 UTC day */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "devices.h"
#include "db.h"
#include "epoch.h"
#include "password.h"
#include "registry.h"

static int flush_caches(const char *conf_path)
{
	if (conf_load(conf_path) < 0) {
		fprintf(stderr, "cannot read %s\n", conf_path);
		return 2;
	}
	if (epoch_open() < 0)
		return 1;
	epoch_bump_mask(EPOCH_ALL);
	return 0;
}

static int print_finding(const struct registry_finding *f, void *ctx)
{
	(void)ctx;
	printf("representation %lld: company %lld (%s), for %s, %s: ", f->id,
	       f->company_id, f->company, f->who, f->codes);
	if (!f->granted_by) {
		puts("granter unknown (made before migration 0060 or by hand):"
		     " set granted_by or end it");
		return 0;
	}
	printf("granted by person %lld (%s), ", f->granted_by, f->granter);
	switch (f->why) {
	case GRANT_SELF:
		puts("to oneself");
		break;
	case GRANT_NOT_HELD:
		printf("who did not hold %s\n", f->which);
		break;
	case GRANT_ADMIN_ONLY:
		printf("who was no administrator and gave %s\n", f->which);
		break;
	default:
		puts("?");
	}
	return 0;
}

/* Read-only, through e-Customer's database account (the owner of the
 * tables): the secrets file the configuration names must be readable. */
static int check_representations(const char *conf_path)
{
	int n;

	if (conf_load(conf_path) < 0) {
		fprintf(stderr, "cannot read %s\n", conf_path);
		return 2;
	}
	if (db_open("ecustomer") < 0) {
		fprintf(stderr, "cannot connect to the database: %s\n",
			db_error());
		return 2;
	}
	n = registry_check_grants(print_finding, NULL);
	db_close();
	if (n < 0) {
		fprintf(stderr, "check failed: %s\n", db_error());
		return 2;
	}
	if (n) {
		printf("%d representation(s) beyond their granter's"
		       " authorisations\n",
		       n);
		return 1;
	}
	puts("every representation lies within its granter's authorisations");
	return 0;
}

/* Through the ingest program's account, which keeps the partitions. */
static int partitions(const char *conf_path, const char *day)
{
	struct tm tm = { 0 };
	long long now = (long long)time(NULL);
	int added, dropped;

	if (day) {
		if (sscanf(day, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon,
			   &tm.tm_mday) != 3) {
			fprintf(stderr, "not a date: %s\n", day);
			return 2;
		}
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		now = (long long)timegm(&tm);
	}
	if (conf_load(conf_path) < 0) {
		fprintf(stderr, "cannot read %s\n", conf_path);
		return 2;
	}
	if (db_open("ingest") < 0 ||
	    devices_partitions_keep(now, conf_int("Ingest.RetentionMonths", 24),
				    &added, &dropped) < 0) {
		fprintf(stderr, "partitions: %s\n", db_error());
		db_close();
		return 1;
	}
	db_close();
	printf("event partitions: %d added, %d dropped\n", added, dropped);
	return 0;
}

static int print_hash(void)
{
	char pw[256], hash[PASSWORD_HASH_MAX];
	size_t n;

	if (sodium_init() < 0)
		return 1;
	if (!fgets(pw, sizeof(pw), stdin)) {
		fprintf(stderr, "no password on stdin\n");
		return 2;
	}
	n = strcspn(pw, "\r\n");
	pw[n] = '\0';
	if (!password_acceptable(pw)) {
		fprintf(stderr,
			"password too weak: 10-128 characters, two classes\n");
		return 2;
	}
	if (password_hash(pw, hash) != 0) {
		fprintf(stderr, "out of memory\n");
		return 1;
	}
	sodium_memzero(pw, sizeof(pw));
	puts(hash);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "hash") == 0)
		return print_hash();
	if (argc == 3 && strcmp(argv[1], "flush-caches") == 0)
		return flush_caches(argv[2]);
	if (argc == 3 && strcmp(argv[1], "check-representations") == 0)
		return check_representations(argv[2]);
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "partitions") == 0)
		return partitions(argv[2], argc == 4 ? argv[3] : NULL);
	fprintf(stderr,
		"usage: %s hash < password\n"
		"       %s flush-caches CONFIG\n"
		"       %s check-representations CONFIG\n"
		"       %s partitions CONFIG [YYYY-MM-DD]\n",
		argv[0], argv[0], argv[0], argv[0]);
	return 2;
}
