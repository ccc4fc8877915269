/* exchange.h: risk information and watch-list candidates from partner
 * services (police, border guard, EU partners): who may send, the import
 * of a file (safe parse, schema, dedupe, provenance), what is known about
 * an object, and the pages' lists (docs/exchange.md). The only code that
 * names exchange_source, exchange_file, exchange_record and risk_info. */
#ifndef ZSOG_EXCHANGE_H
#define ZSOG_EXCHANGE_H

#include <stddef.h>

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

/* Loads the import schema (docs/schemas/risk-exchange.xsd under
 * Paths.Root) once per process; 0 or -1 (logged). */
int exchange_init(void);

/* A partner allowed to send files. */
struct exchange_source {
	long long id, unit_id, staff_id;
	char code[41], secret[65];
};

/* The enabled source with this code into *src: 1, 0 none, -1 error. */
int exchange_source_by_code(struct arena *a, const char *code,
			    struct exchange_source *src);

/* Who sent a POSTed file: headers X-Source, X-Timestamp and X-Signature
 * (lib/hmac.h's hmac_sign_request with the source's key) within
 * Exchange.ClockSkewSeconds. 0 and *src filled; 401 with *why
 * ("auth_missing", "auth_timestamp", "auth_signature"; an unknown or
 * disabled source costs the same HMAC and answers like a bad signature);
 * 503 on a database error. */
int exchange_auth(struct arena *a, const char *code, const char *ts,
		  const char *sig, const char *body, size_t len,
		  struct exchange_source *src, const char **why);

/* A received file. */
struct exchange_in {
	const char *body;
	size_t len;
	const char *channel; /* "post" or "inbox" */
	const char *name;    /* the inbox file's name; NULL for a post */
	/* The authenticated sender of a post; NULL for the inbox, where the
	 * file's own source attribute names a registered source. */
	const struct exchange_source *source;
};

/* What became of it. status: 200 imported or already imported (dup),
 * 400 not safe XML (code "malformed", "doctype", "limit", "too_large"),
 * 403 the file names another source than its signer ("other_source"),
 * 422 schema-invalid ("schema", detail names the element), a record that
 * fails a check ("record", detail names its ref) or an unknown source in
 * the inbox ("unknown_source"), 503 database ("unavailable"). */
struct exchange_result {
	int status, dup;
	const char *code;
	char detail[400];
	const char *file_ref;
	long long file_id; /* its exchange_file row; 0 none written */
	int n_info, n_candidates, n_new, n_updated, n_unchanged;
};

/* Imports one file: everything or nothing, one transaction. A refused
 * file from a known source (or the inbox) is logged as rejected with its
 * error; the same source's file id imported before changes nothing
 * (dup = 1, no row written). Returns res->status. */
int exchange_import(struct arena *a, const struct exchange_in *in,
		    struct exchange_result *res);

/* What partners say now about an object (kind plate, container, company,
 * document; value as read, normalised here) for the rules'
 * external.listed and external.category: the valid record of the highest
 * level, newest first. */
struct exchange_info {
	int listed;	   /* 0: no valid record */
	int level;	   /* 1 low .. 3 high */
	char category[16]; /* smuggling, drugs, …, other */
	char source[41];   /* the partner's code */
};
/* 0 (out filled, listed 0 when none or the value cannot be normalised),
 * -1 on a database error. */
int exchange_risk_info(struct arena *a, const char *kind, const char *value,
		       struct exchange_info *out);

/* The normalised key of value for kind ("" when it is not one): plates as
 * the register keeps them, the others upper case without spaces, dashes
 * and dots, containers with a right check digit, companies a valid EORI.
 * Its length, or 0. */
size_t exchange_value_key(const char *kind, const char *value, char *out,
			  size_t outsz);

/* The newest files (at most 200) as prefix.N: id, source (code),
 * source_pl, source_en, file_ref, created, received_at, channel, name,
 * status, error, detail, bytes, sha256, n_info, n_candidates, n_new, n_updated,
 * n_unchanged. The count or -1 (exchange_pages.c). */
int exchange_files_hdf(HDF *hdf, const char *prefix);
/* One file's columns as above as prefix.0: 1, 0 none, -1. */
int exchange_file_hdf(HDF *hdf, const char *prefix, long long id);
/* Its records, in file order, as prefix.N: id, kind, ref, object_kind,
 * value, country, category, level, action, reason, valid_from, valid_to,
 * outcome, risk_info_id, watch_entry_id, and their provenance: source
 * (code), file_ref, received_at. The count or -1. */
int exchange_records_hdf(HDF *hdf, const char *prefix, long long file_id);

#endif
