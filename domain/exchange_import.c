/* exchange_import.c: one partner file: size, safe parse, schema, the
 * checks of each record, then all of it in one transaction or nothing;
 * a refused file is logged with its error, a file imported before changes
 * nothing */
#include "exchange.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "log.h"
#include "watch.h"
#include "xmlsafe.h"

#define NS "urn:zsog:risk-exchange:1"

static struct xmlsafe_schema *schema;

static struct sql q_done = SQL(
	"SELECT id FROM exchange_file WHERE source_id = ? AND done_ref = ?");
static struct sql q_file = SQL(
	"INSERT INTO exchange_file (source_id, file_ref, created, received_at,"
	" channel, name, sha256, bytes, status, error, detail)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?, ?)");
static struct sql q_counts = SQL(
	"UPDATE exchange_file SET n_info = ?, n_candidates = ?, n_new = ?,"
	" n_updated = ?, n_unchanged = ? WHERE id = ?");
/* The row a reference names, locked: the same record sent in two files
 * at once is written once and updated once. */
static struct sql q_info_get = SQL(
	"SELECT id, object_kind, value, country, category, level,"
	" valid_from, valid_to FROM risk_info"
	" WHERE source_id = ? AND ref = ? FOR UPDATE");
static struct sql q_info_new = SQL(
	"INSERT INTO risk_info (source_id, ref, object_kind, value, value_key,"
	" country, category, level, valid_from, valid_to, file_id, created_at,"
	" updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
static struct sql q_info_set = SQL(
	"UPDATE risk_info SET object_kind = ?, value = ?, value_key = ?,"
	" country = ?, category = ?, level = ?, valid_from = ?, valid_to = ?,"
	" file_id = ?, updated_at = UTC_TIMESTAMP(3) WHERE id = ?");
/* A candidate proposed before (the gap is locked too: two files with the
 * same new candidate at once propose it once). */
static struct sql q_cand_get = SQL(
	"SELECT watch_entry_id FROM exchange_record WHERE source_id = ?"
	" AND kind = 'candidate' AND ref = ? AND watch_entry_id IS NOT NULL"
	" ORDER BY id LIMIT 1 FOR UPDATE");
static struct sql q_record = SQL(
	"INSERT INTO exchange_record (file_id, source_id, kind, ref,"
	" object_kind, value, value_key, country, category, level, action,"
	" reason, valid_from, valid_to, outcome, risk_info_id, watch_entry_id)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

int exchange_init(void)
{
	char file[1024];

	if (schema)
		return 0;
	snprintf(file, sizeof(file), "%s/docs/schemas/risk-exchange.xsd",
		 conf_get("Paths.Root", "."));
	xmlsafe_init();
	schema = xmlsafe_schema_load(file);
	return schema ? 0 : -1;
}

struct rec {
	int candidate, level;
	const char *ref, *object, *value, *country, *category, *action;
	const char *reason, *from, *to;
	char key[144], fold[144];
};

struct job {
	const struct exchange_in *in;
	struct exchange_result *res;
	const struct exchange_source *src;
	const char *created; /* UTC, SQL DATETIME */
	char sha[65];
	struct rec *recs;
	int n;
	struct arena *a;
};

/* Text from outside (libxml2's message quoting the input, a file name)
 * into the log table: printable ASCII only, so any bytes fit. */
static void ascii(char *dst, size_t sz, const char *src)
{
	size_t i;

	for (i = 0; src && src[i] && i + 1 < sz; i++)
		dst[i] = src[i] >= 0x20 && src[i] < 0x7f ? src[i] : '?';
	dst[i] = '\0';
}

/* A refusal, logged as a rejected file when there is someone to show it
 * to: a known sender, or the inbox (whose files are read whatever they
 * say). Returns the status. */
static int refuse(struct job *j, int status, const char *code,
		  const char *detail)
{
	struct exchange_result *res = j->res;
	char name[256];

	res->status = status;
	res->code = code;
	ascii(res->detail, sizeof(res->detail), detail ? detail : "");
	if (status == 503 || (!j->src && strcmp(j->in->channel, "inbox")))
		return status;
	ascii(name, sizeof(name), j->in->name);
	/* No source: NULL (refused before one was known). */
	if (db_exec(&q_file, "ssssssisss",
		    j->src ? arena_printf(j->a, "%lld", j->src->id) : NULL,
		    res->file_ref, j->created, j->in->channel,
		    j->in->name ? name : NULL, j->sha, (long long)j->in->len,
		    "rejected", code, res->detail) < 0)
		log_err("exchange: rejected file not logged: %s", db_error());
	else
		res->file_id = db_insert_id(&q_file);
	return status;
}

/* xs:dateTime (offset or Z; none is UTC) as UTC "YYYY-MM-DD HH:MM:SS". */
static const char *utc_time(struct arena *a, const char *v)
{
	struct tm tm = { 0 };
	const char *p;
	int oh = 0, om = 0, sign = 0;
	time_t t;

	if (!v ||
	    sscanf(v, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
		   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6 ||
	    strlen(v) < 19)
		return NULL;
	p = v + 19;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (*p == '+' || *p == '-') {
		sign = *p == '+' ? 1 : -1;
		if (sscanf(p + 1, "%2d:%2d", &oh, &om) != 2)
			return NULL;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm) - sign * (oh * 3600 + om * 60);
	if (!gmtime_r(&t, &tm))
		return NULL;
	return arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d",
			    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    !strcmp((const char *)n->name, name))
			return n;
	return NULL;
}

/* The records of a valid document, with their checks beyond the schema:
 * a value that normalises, a period that is one. 0, or the refusal. */
static int read_records(struct job *j, xmlNodePtr root)
{
	struct arena *a = j->a;
	xmlNodePtr n;
	int max = 0;

	for (n = root->children; n; n = n->next)
		max += n->type == XML_ELEMENT_NODE;
	j->recs = arena_alloc(a, sizeof(*j->recs) * (size_t)(max ? max : 1));
	if (!j->recs)
		return refuse(j, 503, "unavailable", "memory");
	for (n = root->children; n; n = n->next) {
		struct rec *r = &j->recs[j->n];

		if (n->type != XML_ELEMENT_NODE)
			continue;
		memset(r, 0, sizeof(*r));
		r->candidate = !strcmp((const char *)n->name, "watchCandidate");
		r->ref = xmlsafe_attr(a, n, "ref");
		r->object = xmlsafe_attr(a, n, "object");
		r->value = xmlsafe_attr(a, n, "value");
		r->country = xmlsafe_attr(a, n, "country");
		r->level = atoi(xmlsafe_attr(a, n, "level"));
		r->from = xmlsafe_attr(a, n, "validFrom");
		r->to = xmlsafe_attr(a, n, "validTo");
		if (r->candidate) {
			r->action = xmlsafe_attr(a, n, "action");
			r->reason = xmlsafe_text(a, child(n, "reason"));
		} else {
			r->category = xmlsafe_attr(a, n, "category");
		}
		if (!exchange_value_key(r->object, r->value, r->key,
					sizeof(r->key)))
			return refuse(j, 422, "record_value", r->ref);
		/* xs:date without a zone is YYYY-MM-DD: compares as text. */
		if (strlen(r->from) != 10 || strlen(r->to) != 10 ||
		    strcmp(r->from, r->to) > 0)
			return refuse(j, 422, "record_period", r->ref);
		watch_fold_key(r->key, r->fold, sizeof(r->fold));
		if (r->candidate)
			j->res->n_candidates++;
		else
			j->res->n_info++;
		j->n++;
	}
	return 0;
}

static int same(const struct row *row, const char *col, const char *v)
{
	return !strcmp(row_get(row, col, ""), v ? v : "");
}

/* A risk information record: new, updated or unchanged. */
static int put_info(struct job *j, long long file_id, struct rec *r,
		    const char **outcome, long long *info_id)
{
	struct row row;
	char level[12];
	int rc;

	snprintf(level, sizeof(level), "%d", r->level);
	rc = db_get(j->a, &q_info_get, &row, "is", j->src->id, r->ref);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		if (db_exec(&q_info_new, "isssssssssi", j->src->id, r->ref,
			    r->object, r->value, r->key, r->country,
			    r->category, level, r->from, r->to, file_id) < 0)
			return -1;
		*info_id = db_insert_id(&q_info_new);
		*outcome = "new";
		return 0;
	}
	*info_id = row_int(&row, "id", 0);
	if (same(&row, "object_kind", r->object) &&
	    same(&row, "value", r->value) &&
	    same(&row, "country", r->country) &&
	    same(&row, "category", r->category) && same(&row, "level", level) &&
	    same(&row, "valid_from", r->from) &&
	    same(&row, "valid_to", r->to)) {
		*outcome = "unchanged";
		return 0;
	}
	if (db_exec(&q_info_set, "ssssssssii", r->object, r->value, r->key,
		    r->country, r->category, level, r->from, r->to, file_id,
		    *info_id) < 0)
		return -1;
	*outcome = "updated";
	return 0;
}

/* A watch-list candidate: a pending entry of the watch list (domain/watch:
 * four eyes, like a local one), proposed once per source and reference. */
static int put_candidate(struct job *j, struct rec *r, const char **outcome,
			 long long *entry_id)
{
	struct watch_new e;
	struct row row;
	char priority[12];
	int rc;

	rc = db_get(j->a, &q_cand_get, &row, "is", j->src->id, r->ref);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		/* Not ours to change: a decided or pending entry stays as the
		 * watch-list officers have it. */
		*entry_id = row_int(&row, "watch_entry_id", 0);
		*outcome = "unchanged";
		return 0;
	}
	snprintf(priority, sizeof(priority), "%d", 4 - r->level);
	e = (struct watch_new){
		.subject = r->object,
		.value = r->value,
		.match_key = r->key,
		.fold_key = r->fold,
		.country = r->country,
		.reason = r->reason,
		.action = r->action,
		.priority = priority,
		.valid_from = r->from,
		.valid_to = r->to,
		.unit_id = j->src->unit_id,
		.created_by = j->src->staff_id,
	};
	*entry_id = watch_entry_create(&e);
	if (*entry_id < 0)
		return -1;
	*outcome = "new";
	return 0;
}

/* Run by db_tx: keeps nothing from an earlier run. 1 = already imported. */
static int import_tx(void *ctx)
{
	struct job *j = ctx;
	struct exchange_result *res = j->res;
	long long file_id;
	char name[256];

	res->n_new = res->n_updated = res->n_unchanged = 0;
	ascii(name, sizeof(name), j->in->name);
	if (db_exec(&q_file, "isssssisss", j->src->id, res->file_ref,
		    j->created, j->in->channel, j->in->name ? name : NULL,
		    j->sha, (long long)j->in->len, "imported", NULL, NULL) < 0)
		return db_duplicate() ? 1 : -1;
	file_id = db_insert_id(&q_file);
	for (int i = 0; i < j->n; i++) {
		struct rec *r = &j->recs[i];
		const char *outcome = NULL;
		long long info = 0, entry = 0;
		char level[12];

		if ((r->candidate
			     ? put_candidate(j, r, &outcome, &entry)
			     : put_info(j, file_id, r, &outcome, &info)) < 0)
			return -1;
		res->n_new += !strcmp(outcome, "new");
		res->n_updated += !strcmp(outcome, "updated");
		res->n_unchanged += !strcmp(outcome, "unchanged");
		snprintf(level, sizeof(level), "%d", r->level);
		if (db_exec(&q_record, "iisssssssssssssss", file_id, j->src->id,
			    r->candidate ? "candidate" : "info", r->ref,
			    r->object, r->value, r->key, r->country,
			    r->category, level, r->action, r->reason, r->from,
			    r->to, outcome,
			    info ? arena_printf(j->a, "%lld", info) : NULL,
			    entry ? arena_printf(j->a, "%lld", entry) : NULL) <
		    0)
			return -1;
	}
	if (db_exec(&q_counts, "iiiiii", (long long)res->n_info,
		    (long long)res->n_candidates, (long long)res->n_new,
		    (long long)res->n_updated, (long long)res->n_unchanged,
		    file_id) < 0)
		return -1;
	res->file_id = file_id;
	return 0;
}

/* Already imported: the earlier file's id, 0 none, -1 error. */
static long long done_before(struct job *j)
{
	struct row row;
	int rc = db_get(j->a, &q_done, &row, "is", j->src->id,
			j->res->file_ref);

	return rc < 0 ? -1 : rc ? row_int(&row, "id", 0) : 0;
}

int exchange_import(struct arena *a, const struct exchange_in *in,
		    struct exchange_result *res)
{
	struct exchange_source inbox_src;
	unsigned char digest[crypto_hash_sha256_BYTES];
	struct job j = { .in = in, .res = res, .src = in->source, .a = a };
	long long max = conf_int("Exchange.MaxFileBytes", 1048576), prev;
	enum xmlsafe_err xe;
	const char *source;
	xmlNodePtr root;
	xmlDocPtr doc;
	char msg[400];
	int rc;

	memset(res, 0, sizeof(*res));
	crypto_hash_sha256(digest, (const unsigned char *)in->body, in->len);
	hex_encode(j.sha, digest, sizeof(digest));
	if ((long long)in->len > max)
		return refuse(&j, 400, "too_large", NULL);
	if (!schema && exchange_init() < 0)
		return refuse(&j, 503, "unavailable", "schema");
	doc = xmlsafe_parse(in->body, in->len, NULL, &xe, msg, sizeof(msg));
	if (!doc)
		return refuse(&j, 400,
			      xe == XMLSAFE_DOCTYPE ? "doctype"
			      : xe == XMLSAFE_LIMIT ? "limit"
						    : "malformed",
			      msg);
	if (xmlsafe_validate(schema, doc, msg, sizeof(msg)) < 0) {
		xmlFreeDoc(doc);
		return refuse(&j, 422, "schema", msg);
	}
	root = xmlDocGetRootElement(doc);
	source = xmlsafe_attr(a, root, "source");
	res->file_ref = xmlsafe_attr(a, root, "fileId");
	j.created = utc_time(a, xmlsafe_attr(a, root, "created"));
	if (!in->source) {
		/* The inbox: the file names its sender, who must be known. */
		rc = exchange_source_by_code(a, source, &inbox_src);
		if (rc < 0) {
			xmlFreeDoc(doc);
			return refuse(&j, 503, "unavailable", "source");
		}
		if (rc == 1)
			j.src = &inbox_src;
	}
	if (!j.src)
		rc = refuse(&j, 422, "unknown_source", source);
	else if (strcmp(j.src->code, source))
		rc = refuse(&j, 403, "other_source", source);
	else
		rc = read_records(&j, root);
	xmlFreeDoc(doc);
	if (rc)
		return rc;
	prev = done_before(&j);
	if (prev < 0)
		return refuse(&j, 503, "unavailable", "database");
	if (prev == 0) {
		rc = db_tx(import_tx, &j);
		if (rc < 0 || (rc != 0 && rc != 1))
			return refuse(&j, 503, "unavailable", "database");
		if (rc == 1)
			prev = done_before(&j);
	}
	if (prev) {
		/* The same file again: nothing changes, nothing is logged. */
		const char *ref = res->file_ref;

		memset(res, 0, sizeof(*res));
		res->file_ref = ref;
		res->status = 200;
		res->dup = 1;
		res->code = "already_imported";
		res->file_id = prev;
		return 200;
	}
	res->status = 200;
	res->code = "imported";
	return 200;
}
