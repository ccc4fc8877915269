/* risk_orders.c: re-inspection orders: an analyst names an object with a
 * reason and a validity; its next sighting anywhere is red (risk_decide.c) */
#include "risk.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "epochs.h"
#include "registry.h"

int risk_order_subject_ok(const char *s)
{
	return s && (!strcmp(s, "plate") || !strcmp(s, "container") ||
		     !strcmp(s, "company") || !strcmp(s, "document"));
}

/* As the lanes store obj_key (cgi-bin/ingest/event.c): spaces, dashes
 * and dots dropped, letters upper-cased, nothing else allowed. */
static int norm(const char *in, char *out, size_t outsz)
{
	size_t n = 0;

	for (; *in; in++) {
		unsigned char c = (unsigned char)*in;

		if (c == ' ' || c == '-' || c == '.')
			continue;
		if (!isascii(c) || !isalnum(c) || n + 1 >= outsz)
			return -1;
		out[n++] = (char)toupper(c);
	}
	out[n] = '\0';
	return n ? 0 : -1;
}

int risk_order_key(struct arena *a, const char *subject, const char *value,
		   char *key, size_t keysz)
{
	struct eori_info e;
	char eori[24];
	int rc;

	if (!risk_order_subject_ok(subject) || !value)
		return 0;
	if (strcmp(subject, "company") != 0)
		return norm(value, key, keysz) == 0;
	/* A company is matched at check-in by its id in e-Customer. */
	if (norm(value, eori, sizeof(eori)) < 0)
		return 0;
	rc = registry_eori(a, eori, &e);
	if (rc <= 0)
		return rc;
	snprintf(key, keysz, "%lld", e.company_id);
	return 1;
}

static struct sql q_create = SQL(
	"INSERT INTO reinspection (subject, value, match_key, reason,"
	" valid_from, valid_to, status, created_by, created_at) VALUES"
	" (?, ?, ?, ?, ?, ?, 'active', ?, UTC_TIMESTAMP())");
/* Nor one a crossing fulfilled that the centre has not settled yet. */
static struct sql q_withdraw = SQL(
	"UPDATE reinspection SET status = 'withdrawn' WHERE id = ?"
	" AND status = 'active' AND NOT EXISTS (SELECT 1 FROM"
	" reinspection_done d WHERE d.reinspection_id = reinspection.id)");

long long risk_order_create(const struct risk_order *o)
{
	if (db_exec(&q_create, "ssssssi", o->subject, o->value, o->key,
		    o->reason, o->valid_from, o->valid_to, o->by) != 1)
		return -1;
	epoch_bump(EPOCH_RISK);
	return db_insert_id(&q_create);
}

long long risk_order_withdraw(long long id)
{
	long long n = db_exec(&q_withdraw, "i", id);

	if (n > 0)
		epoch_bump(EPOCH_RISK);
	return n;
}

/* A crossing's row marks its order done at the centre, the one writer of
 * orders (0106): the first decision's, if several crossings fulfilled it
 * before the centre heard of any. */
static struct sql q_settle = SQL(
	"UPDATE reinspection r JOIN reinspection_done d"
	" ON d.reinspection_id = r.id AND d.decision_id IS NOT NULL"
	" AND d.done_at = (SELECT MIN(f.done_at) FROM reinspection_done f"
	" WHERE f.reinspection_id = r.id)"
	" SET r.status = 'done', r.done_at = d.done_at,"
	" r.decision_id = d.decision_id WHERE r.status = 'active'");

long long risk_orders_settle(void)
{
	long long n = db_exec(&q_settle, "");

	if (n > 0)
		epoch_bump(EPOCH_RISK);
	return n;
}
