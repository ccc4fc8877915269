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
 *                                 UTC day
 *   zsog-admin report-figures CONF START END ID:CODE…
 *                                 prints the eBT, alert and control
 *                                 figures of the crossings over Warsaw
 *                                 days [START, END) as the reports read them
 *                                 (domain/report.h), and the country's
 *                                 registrations, one figure per line
 *   zsog-admin fleet-remind CONF [--today YYYY-MM-DD]
 *                                 mails the fleet managers the vehicles'
 *                                 deadlines that fall due (Fleet.RemindDays
 *                                 before, and once overdue), each once;
 *                                 daily by cron (docs/operations.md) */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "booking.h"
#include "ca_store.h"
#include "conf.h"
#include "devices.h"
#include "db.h"
#include "epoch.h"
#include "fleet_docs.h"
#include "password.h"
#include "registry.h"
#include "report.h"
#include "tzpl.h"
#include "view.h"

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

#define FIG_ROWS 4096

static void print_pct(const char *what, const struct report_hist *all,
		      const struct report_pct_row *r, int n)
{
	int i;

	printf("%s all n=%lld p50=%d p90=%d\n", what, all->total,
	       report_hist_pct(all, 50), report_hist_pct(all, 90));
	for (i = 0; i < n; i++)
		printf("%s %s n=%lld p50=%d p90=%d\n", what, r[i].period,
		       r[i].n, r[i].p50, r[i].p90);
}

static int app_cb(const struct row *row, void *ctx)
{
	(void)ctx;
	printf("apps %s %s submitted=%s approved=%s rejected=%s\n",
	       row_get(row, "office", ""), row_get(row, "kind", ""),
	       row_get(row, "submitted", "0"), row_get(row, "approved", "0"),
	       row_get(row, "rejected", "0"));
	return 0;
}

static int decision_cb(const struct row *row, void *ctx)
{
	report_hist_add(ctx, report_bucket(row_int(row, "secs", 0)), 1);
	return 0;
}

static int slot_cb(const struct row *row, void *ctx)
{
	long long *sum = ctx;

	sum[0] += row_int(row, "capacity", 0);
	sum[1] += row_int(row, "booked", 0);
	return 0;
}

/* The registrations of the whole country (the Ministry's subtree). */
static int registrations(const char *from, const char *to)
{
	static struct report_hist h;
	long long eori, issued, revoked;

	memset(&h, 0, sizeof(h));
	if (registry_stats_apps_each(1, from, to, app_cb, NULL) < 0 ||
	    registry_stats_decisions_each(1, from, to, decision_cb, &h) < 0 ||
	    (eori = registry_stats_eori(1, from, to)) < 0 ||
	    ca_stats_certs(from, to, &issued, &revoked) < 0)
		return -1;
	printf("decided n=%lld p50=%d p90=%d\n", h.total,
	       report_hist_pct(&h, 50), report_hist_pct(&h, 90));
	printf("eori n=%lld\n", eori);
	printf("certificates issued=%lld revoked=%lld\n", issued, revoked);
	return 0;
}

static int figures(const char *from, const char *to, const long long *ids,
		   const char *const *codes, int nc)
{
	static struct report_ebt_row ebt[FIG_ROWS];
	static struct report_pct_row pct[FIG_ROWS];
	static struct report_alert_row al[FIG_ROWS];
	static struct report_decision_row dec[FIG_ROWS];
	static struct report_control_row ctl[FIG_ROWS];
	static struct report_profile_row prof[FIG_ROWS];
	static struct report_company_row co[FIG_ROWS];
	static struct report_hist all;
	static const char *const steps[] = { "acknowledged", "closed" };
	int n, i, j, g;

	for (g = REPORT_DAY; g <= REPORT_MONTH; g++) {
		if ((n = report_ebt_days(ids, nc, from, to, g, ebt, FIG_ROWS)) <
		    0)
			return -1;
		for (i = 0; i < n; i++) {
			printf("ebt %s %s", g == REPORT_DAY ? "day" : "month",
			       ebt[i].period);
			for (j = 0; j < REPORT_EBT__MAX; j++)
				printf(" %s=%lld", report_ebt_actions[j],
				       ebt[i].n[j]);
			putchar('\n');
		}
	}
	for (i = 0; i < nc; i++) {
		long long sum[2] = { 0, 0 };

		if (booking_capacity_each(ids[i], from, to, slot_cb, sum) < 0)
			return -1;
		printf("capacity %s places=%lld taken=%lld\n", codes[i], sum[0],
		       sum[1]);
	}
	if ((n = report_ebt_wait(ids, nc, from, to, REPORT_DAY, &all, pct,
				 FIG_ROWS)) < 0)
		return -1;
	print_pct("wait", &all, pct, n);
	for (j = 0; j < 2; j++) {
		if ((n = report_ebt_companies(ids, nc, from, to, j, co,
					      FIG_ROWS)) < 0)
			return -1;
		for (i = 0; i < n; i++)
			printf("company%s %lld agency=%lld n=%lld\n",
			       j ? "+agency" : "", co[i].company_id,
			       co[i].agency_id, co[i].n);
	}
	if ((n = report_alert_days(codes, nc, from, to, REPORT_DAY, al,
				   FIG_ROWS)) < 0)
		return -1;
	for (i = 0; i < n; i++)
		printf("alert %s %s %d %s %s n=%lld\n", al[i].period,
		       al[i].kind, al[i].priority, al[i].step,
		       al[i].outcome[0] ? al[i].outcome : "-", al[i].n);
	for (j = 0; j < 2; j++) {
		char what[32];

		if ((n = report_alert_time(codes, nc, from, to, steps[j], 0,
					   REPORT_DAY, &all, pct, FIG_ROWS)) <
		    0)
			return -1;
		snprintf(what, sizeof(what), "alert-%s", steps[j]);
		print_pct(what, &all, pct, n);
	}
	if ((n = report_decision_days(codes, nc, from, to, REPORT_DAY, dec,
				      FIG_ROWS)) < 0)
		return -1;
	for (i = 0; i < n; i++)
		printf("decision %s %s %s %d n=%lld\n", dec[i].period,
		       dec[i].lane_kind[0] ? dec[i].lane_kind : "-",
		       dec[i].colour, dec[i].random, dec[i].n);
	if ((n = report_control_days(codes, nc, from, to, REPORT_DAY, ctl,
				     FIG_ROWS)) < 0)
		return -1;
	for (i = 0; i < n; i++)
		printf("control %s %s %d %s n=%lld\n", ctl[i].period,
		       ctl[i].colour, ctl[i].random, ctl[i].outcome, ctl[i].n);
	if ((n = report_profile_counts(from, to, prof, FIG_ROWS)) < 0)
		return -1;
	for (i = 0; i < n; i++)
		printf("profile %lld %d %s n=%lld\n", prof[i].version_id,
		       prof[i].live, prof[i].what, prof[i].n);
	return registrations(from, to);
}

/* Read-only, through the report program's database account (it reads
 * the rollups and nothing else). */
static int report_figures(int argc, char **argv)
{
	long long ids[REPORT_MAX_CROSSINGS];
	const char *codes[REPORT_MAX_CROSSINGS];
	int i, nc = argc - 5, rc;

	if (nc < 1 || nc > REPORT_MAX_CROSSINGS)
		return 2;
	for (i = 0; i < nc; i++) {
		char *colon = strchr(argv[5 + i], ':');

		if (!colon)
			return 2;
		*colon = '\0';
		ids[i] = atoll(argv[5 + i]);
		codes[i] = colon + 1;
	}
	if (conf_load(argv[2]) < 0) {
		fprintf(stderr, "cannot read %s\n", argv[2]);
		return 2;
	}
	if (db_open("report") < 0) {
		fprintf(stderr, "cannot connect to the database: %s\n",
			db_error());
		return 2;
	}
	rc = figures(argv[3], argv[4], ids, codes, nc);
	if (rc < 0)
		fprintf(stderr, "report failed: %s\n", db_error());
	db_close();
	return rc < 0 ? 1 : 0;
}

/* Through the fleet program's account (it owns the fleet's tables and may
 * write the outbox); the mails are rendered as the program would, each in
 * its recipient's language, through a request that only carries them. */
static int fleet_remind(const char *conf_path, const char *day)
{
	static const char *const templates[] = { "mail/fleet_deadline.cs",
						 NULL };
	struct req r;
	char today[11];
	long n;
	int docs = 0, mails = 0, rc = 1;

	if (conf_load(conf_path) < 0) {
		fprintf(stderr, "cannot read %s\n", conf_path);
		return 2;
	}
	if (!day) {
		tzpl_today(0, today);
		day = today;
	}
	if (fleet_day_parse(day, &n) < 0) {
		fprintf(stderr, "not a date: %s\n", day);
		return 2;
	}
	memset(&r, 0, sizeof(r));
	r.lang = "pl";
	nerr_init();
	if (view_init(templates) < 0 || hdf_init(&r.hdf) != STATUS_OK) {
		fprintf(stderr, "cannot read the templates\n");
		return 2;
	}
	if (db_open("fleet") < 0) {
		fprintf(stderr, "cannot connect to the database: %s\n",
			db_error());
		goto out;
	}
	if (fleet_remind_run(&r, n, &docs, &mails) < 0)
		fprintf(stderr, "fleet-remind: some reminders failed: %s\n",
			db_error());
	else
		rc = 0;
	printf("fleet reminders on %s: %d document(s), %d mail(s)\n", day, docs,
	       mails);
	db_close();
out:
	hdf_destroy(&r.hdf);
	arena_reset(&r.arena);
	view_free();
	return rc;
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
	if (argc >= 6 && strcmp(argv[1], "report-figures") == 0)
		return report_figures(argc, argv);
	if ((argc == 3 || (argc == 5 && !strcmp(argv[3], "--today"))) &&
	    strcmp(argv[1], "fleet-remind") == 0)
		return fleet_remind(argv[2], argc == 5 ? argv[4] : NULL);
	fprintf(stderr,
		"usage: %s hash < password\n"
		"       %s flush-caches CONFIG\n"
		"       %s check-representations CONFIG\n"
		"       %s partitions CONFIG [YYYY-MM-DD]\n"
		"       %s report-figures CONFIG START END ID:CODE...\n"
		"       %s fleet-remind CONFIG [--today YYYY-MM-DD]\n",
		argv[0], argv[0], argv[0], argv[0], argv[0], argv[0]);
	return 2;
}
