/* ca.h: the certification authority for signing messages (issue 3): issues
 * X.509 certificates from PKCS#10 requests, signs CRLs, verifies
 * certificates against itself and its CRL. OpenSSL libcrypto. */
#ifndef ZSOG_CA_H
#define ZSOG_CA_H

#include <stddef.h>
#include <time.h>

#define CA_MAX_CSR 16384 /* bytes of PEM we read at most */
#define CA_SERIAL_HEX 33 /* 16 bytes as upper-case hex, NUL */

enum ca_err {
	CA_OK = 0,
	CA_ERR_TOO_LARGE,   /* more than CA_MAX_CSR */
	CA_ERR_PRIVATE_KEY, /* the text holds a private key: refused */
	CA_ERR_NOT_CSR,	    /* no PEM certificate request in the text */
	CA_ERR_SIGNATURE,   /* the request's self-signature is wrong */
	CA_ERR_WEAK_KEY,    /* RSA < 2048, EC other than P-256/P-384, ... */
	CA_ERR_SUBJECT,	    /* subject does not name the person */
	CA_ERR_NOT_CERT,    /* ca_verify_cert: not a PEM certificate */
	CA_ERR_UNTRUSTED,   /* not issued by our CA */
	CA_ERR_EXPIRED,	    /* outside its validity period */
	CA_ERR_REVOKED,	    /* listed in the CRL */
	CA_ERR_NO_CRL,	    /* the CRL is missing or out of date */
	CA_ERR_INTERNAL,    /* no CA loaded, out of memory, ... */
	CA_ERR_UNKNOWN,	    /* signed by us, not in the certificate table */
	CA_ERR__MAX
};

/* Whom a request must name: the CSR's subject CN must equal
 * "<first_name> <last_name>" (UTF-8, exactly), and its serialNumber, if
 * present, id_sisc. The issued subject is built by the CA from these. */
struct ca_subject {
	const char *first_name;
	const char *last_name;
	const char *id_sisc;
};

struct ca_issued {
	char *pem; /* the certificate; free() it */
	char serial_hex[CA_SERIAL_HEX];
	char subject_dn[512]; /* RFC 2253, UTF-8 */
	time_t not_before, not_after;
};

/* A revoked certificate as the CRL lists it. */
struct ca_revoked {
	const char *serial_hex;
	time_t revoked_at;
	int reason; /* ca_reason_code() */
};

/* Loads the CA's key and certificate (once per worker); 0 or -1. Calling
 * it again replaces what was loaded. */
int ca_init(const char *key_path, const char *cert_path);
/* For a program that only verifies (ca_verify_cert, ca_verify_registered):
 * loads the CA certificate alone, so it need not read the key; 0 or -1.
 * ca_loaded() stays 0: it cannot issue or sign a CRL. */
int ca_init_public(const char *cert_path);
int ca_loaded(void);
void ca_free(void);
/* The CA certificate as PEM (owned by the CA state). */
const char *ca_cert_pem(size_t *len);

/* Issues a certificate for the request in csr (PEM, len bytes) valid for
 * days from now, with a CRL distribution point crl_url (may be NULL). */
enum ca_err ca_issue(const char *csr, size_t len, const struct ca_subject *subj,
		     int days, const char *crl_url, struct ca_issued *out);

/* CRL reason names as RFC 5280 spells them ("keyCompromise", ...): the
 * code, or -1 for a name we do not accept. */
int ca_reason_code(const char *name);
const char *ca_reason_name(int code);

/* Signs a CRL listing n revoked certificates, valid next_days, and writes
 * it atomically (temp file, fsync, rename) to path as PEM. 0 or -1. */
int ca_write_crl(const char *path, const struct ca_revoked *list, size_t n,
		 int next_days);

/* Checks pem (a certificate, PEM or DER: DER when it does not begin with
 * "-----BEGIN") was issued by our CA, is valid at time at (0 = now) and,
 * when crl_path is given, is not in that CRL (which must itself verify and
 * be current). serial_hex (CA_SERIAL_HEX bytes, may be NULL) receives the
 * serial even when the answer is not CA_OK. No database. */
enum ca_err ca_verify_cert(const char *pem, size_t len, const char *crl_path,
			   time_t at, char *serial_hex);

/* For the SOAP service (issue 6), the signer's certificate of a message:
 * cert is PEM or DER (len bytes, at most CA_MAX_CSR). CA_OK when
 *  - it verifies against our CA and is within its validity period now,
 *  - crl_path (may be NULL to skip) names a current CRL that does not
 *    list it, and
 *  - the certificate table has its serial, not revoked, not expired:
 *    the table knows of a revocation even before the CRL is rewritten.
 * Otherwise CA_ERR_NOT_CERT, _UNTRUSTED, _EXPIRED, _REVOKED, _NO_CRL,
 * _UNKNOWN (our signature but no row) or _INTERNAL (no CA loaded, the
 * database failed). serial_hex (CA_SERIAL_HEX bytes, required) gets the
 * serial as 32 upper-case hex digits whenever the certificate parses;
 * *person_id (may be NULL) the holder's person.id on CA_OK. The person's
 * own status is not looked at: registry_cert_person() does that.
 * Needs ca_init() or ca_init_public() and, for the program's database account, SELECT on
 * certificate (serial_hex, person_id, not_before, not_after, revoked_at).
 * This signature is stable. */
enum ca_err ca_verify_registered(const void *cert, size_t len,
				 const char *crl_path, char *serial_hex,
				 long long *person_id);

/* A stable name per error, for logs and message keys ("weak_key"). */
const char *ca_err_name(enum ca_err e);

#endif
