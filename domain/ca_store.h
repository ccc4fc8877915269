/* ca_store.h: the certificates the CA issued (table certificate): issue,
 * list, revoke, the CRL's content, and whose a valid one is. Only this
 * module names the table; the person behind a certificate is the
 * registry's (person_id). */
#ifndef ZSOG_CA_STORE_H
#define ZSOG_CA_STORE_H

#include <ClearSilver.h>

#include "ca.h"
#include "db.h"
#include "util.h"

/* Person's certificates, newest first, into prefix.N.{id, serial_hex,
 * subject_dn, not_before, not_after, created_at, revoked_at,
 * revoke_reason, revoked_by_kind, expired, may_revoke}; count or -1.
 * may_revoke: neither revoked nor expired, so worth revoking. */
int ca_store_list(HDF *hdf, const char *prefix, long long person);
/* Person's certificates still valid (not revoked) whose validity ends
 * within days, soonest first, as prefix.N.{id, serial_hex, not_after};
 * count or -1. */
int ca_store_expiring(HDF *hdf, const char *prefix, long long person, int days);
/* For the office: certificates of person (0: none) or with this serial,
 * newest first (at most 100); without either, the 50 newest. The same
 * columns and person_id; count or -1. */
int ca_store_find(HDF *hdf, const char *prefix, long long person,
		  const char *serial);
/* Stores certificate c issued to person; *id gets its row. 0 or -1. */
int ca_store_insert(const struct ca_issued *c, long long person, long long *id);
/* Certificate id (id, person_id, serial_hex, subject_dn, pem, not_after,
 * revoked_at): 1, 0 none, -1. */
int ca_store_get(struct arena *a, long long id, struct row *row);
/* Revokes certificate id for reason, by a kind of account ("portal",
 * "staff") and its id: 1 done, 0 it was revoked already, -1. */
int ca_store_revoke(long long id, const char *reason, const char *by_kind,
		    long long by_id);
/* Signs and writes the CRL of what the table says is revoked and not yet
 * expired (RFC 5280 3.3) to path, valid days (ca_write_crl): 0 or -1. */
int ca_store_write_crl(const char *path, int days);
/* When the newest revocation happened (Unix time; 0: never): 0 or -1. */
int ca_store_last_revoked(long long *at);
/* The registrations report (ca_stats.c): certificates issued and revoked
 * over Warsaw days [from, to) ("YYYY-MM-DD"), the whole country (the CA
 * has no office). 0 or -1. */
int ca_stats_certs(const char *from, const char *to, long long *issued,
		   long long *revoked);
/* The person a certificate (serial, hex) was issued to, while it is valid
 * now (not revoked, within its validity): 1, 0, -1. */
int ca_store_holder(const char *serial_hex, long long *person);

#endif
