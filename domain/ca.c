/* ca.c: the certification authority: issue from a PKCS#10 request, sign
 * the CRL, verify a certificate against the CA and its CRL */
#define _GNU_SOURCE
#include "ca.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "db.h"
#include "log.h"
#include "util.h"

/* What the issued subject says besides the person. */
#define CA_SUBJECT_C "PL"
#define CA_SUBJECT_O "ZSOG PUESC"
/* RSA beyond this only costs CPU on every verification. */
#define CA_RSA_MAX_BITS 8192

static EVP_PKEY *ca_key;
static X509 *ca_cert;
static char *ca_pem;
static size_t ca_pem_len;

static void log_ssl(const char *what)
{
	unsigned long e = ERR_get_error();
	char buf[256];

	ERR_error_string_n(e, buf, sizeof(buf));
	log_err("ca: %s: %s", what, e ? buf : "failed");
	ERR_clear_error();
}

static char *read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p;
	size_t n;

	if (!f)
		return NULL;
	p = malloc(max + 1);
	if (!p) {
		fclose(f);
		return NULL;
	}
	n = fread(p, 1, max, f);
	fclose(f);
	p[n] = '\0';
	*len = n;
	return p;
}

void ca_free(void)
{
	EVP_PKEY_free(ca_key);
	X509_free(ca_cert);
	free(ca_pem);
	ca_key = NULL;
	ca_cert = NULL;
	ca_pem = NULL;
	ca_pem_len = 0;
}

int ca_loaded(void)
{
	return ca_key && ca_cert;
}

int ca_init(const char *key_path, const char *cert_path)
{
	struct stat st;
	BIO *b = NULL;
	FILE *f;

	ca_free();
	if (!key_path || !cert_path) {
		log_err("ca: CA.Key and CA.Cert are not configured");
		return -1;
	}
	/* A key others can read is a key others may have copied. */
	if (stat(key_path, &st) < 0) {
		log_err("ca: %s: %s", key_path, strerror(errno));
		return -1;
	}
	if (st.st_mode & 077) {
		log_err("ca: %s is readable by others (mode %o); refused",
			key_path, (unsigned)(st.st_mode & 0777));
		return -1;
	}
	f = fopen(key_path, "r");
	if (!f) {
		log_err("ca: %s: %s", key_path, strerror(errno));
		return -1;
	}
	ca_key = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	ca_pem = read_file(cert_path, 65536, &ca_pem_len);
	if (!ca_key || !ca_pem) {
		log_ssl("CA key or certificate unreadable");
		goto fail;
	}
	b = BIO_new_mem_buf(ca_pem, (int)ca_pem_len);
	ca_cert = b ? PEM_read_bio_X509(b, NULL, NULL, NULL) : NULL;
	BIO_free(b);
	if (!ca_cert || X509_check_private_key(ca_cert, ca_key) != 1) {
		log_ssl("CA certificate missing or not the key's");
		goto fail;
	}
	return 0;
fail:
	ca_free();
	return -1;
}

int ca_init_public(const char *cert_path)
{
	BIO *b;

	ca_free();
	if (!cert_path) {
		log_err("ca: CA.Cert is not configured");
		return -1;
	}
	ca_pem = read_file(cert_path, 65536, &ca_pem_len);
	b = ca_pem ? BIO_new_mem_buf(ca_pem, (int)ca_pem_len) : NULL;
	ca_cert = b ? PEM_read_bio_X509(b, NULL, NULL, NULL) : NULL;
	BIO_free(b);
	if (!ca_cert) {
		log_ssl("CA certificate unreadable");
		ca_free();
		return -1;
	}
	return 0;
}

const char *ca_cert_pem(size_t *len)
{
	*len = ca_pem_len;
	return ca_pem;
}

/* ---- issuing ---- */

static int key_strong(EVP_PKEY *pk)
{
	char group[64];
	size_t glen = 0;
	int nid;

	switch (EVP_PKEY_get_base_id(pk)) {
	case EVP_PKEY_RSA:
		return EVP_PKEY_get_bits(pk) >= 2048 &&
		       EVP_PKEY_get_bits(pk) <= CA_RSA_MAX_BITS;
	case EVP_PKEY_EC:
		if (EVP_PKEY_get_utf8_string_param(
			    pk, OSSL_PKEY_PARAM_GROUP_NAME, group,
			    sizeof(group), &glen) != 1)
			return 0;
		nid = OBJ_sn2nid(group);
		if (nid == NID_undef)
			nid = EC_curve_nist2nid(group);
		/* NIST P-256 and P-384 only: secp256k1, brainpool and
		 * the small curves are refused. */
		return nid == NID_X9_62_prime256v1 || nid == NID_secp384r1;
	default:
		return 0;
	}
}

/* An entry's value as UTF-8 into out; 0, or -1 when it is not text. */
static int entry_utf8(X509_NAME_ENTRY *e, char *out, size_t outsz)
{
	unsigned char *u = NULL;
	int n = ASN1_STRING_to_UTF8(&u, X509_NAME_ENTRY_get_data(e));

	if (n < 0 || (size_t)n >= outsz || memchr(u, '\0', (size_t)n)) {
		OPENSSL_free(u);
		return -1;
	}
	memcpy(out, u, (size_t)n);
	out[n] = '\0';
	OPENSSL_free(u);
	return 0;
}

/* The rule (docs/certificates.md): exactly one CN, equal to "first last";
 * every serialNumber equal to the ID SISC; other attributes are ignored
 * since the CA writes the subject itself. */
static int subject_matches(X509_NAME *name, const struct ca_subject *s)
{
	char want[512], got[512];
	int i, cns = 0;

	if ((size_t)snprintf(want, sizeof(want), "%s %s", s->first_name,
			     s->last_name) >= sizeof(want))
		return 0;
	for (i = 0; i < X509_NAME_entry_count(name); i++) {
		X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
		int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(e));

		if (nid != NID_commonName && nid != NID_serialNumber)
			continue;
		if (entry_utf8(e, got, sizeof(got)) < 0)
			return 0;
		if (nid == NID_commonName) {
			if (strcmp(got, want) != 0)
				return 0;
			cns++;
		} else if (strcmp(got, s->id_sisc) != 0) {
			return 0;
		}
	}
	return cns == 1;
}

static int add_ext(X509 *x, X509V3_CTX *ctx, int nid, const char *value)
{
	X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, ctx, nid, value);
	int ok = ext && X509_add_ext(x, ext, -1) == 1;

	X509_EXTENSION_free(ext);
	return ok ? 0 : -1;
}

static int set_serial(X509 *x, char *hex_out)
{
	unsigned char b[16];
	ASN1_INTEGER *ai = NULL;
	BIGNUM *bn = NULL;
	char *hex = NULL;
	int rc = -1;

	if (RAND_bytes(b, sizeof(b)) != 1)
		return -1;
	/* Positive, and always 32 hex digits: the stored form stays one. */
	b[0] = (b[0] & 0x7f) | 0x40;
	bn = BN_bin2bn(b, sizeof(b), NULL);
	if (bn && (ai = BN_to_ASN1_INTEGER(bn, NULL)) &&
	    X509_set_serialNumber(x, ai) == 1 && (hex = BN_bn2hex(bn)) &&
	    strlen(hex) < CA_SERIAL_HEX) {
		strcpy(hex_out, hex);
		rc = 0;
	}
	OPENSSL_free(hex);
	ASN1_INTEGER_free(ai);
	BN_free(bn);
	return rc;
}

static X509_NAME *build_subject(const struct ca_subject *s)
{
	X509_NAME *n = X509_NAME_new();
	char cn[512];

	snprintf(cn, sizeof(cn), "%s %s", s->first_name, s->last_name);
	if (!n ||
	    !X509_NAME_add_entry_by_txt(n, "C", MBSTRING_ASC,
					(const unsigned char *)CA_SUBJECT_C, -1,
					-1, 0) ||
	    !X509_NAME_add_entry_by_txt(n, "O", MBSTRING_UTF8,
					(const unsigned char *)CA_SUBJECT_O, -1,
					-1, 0) ||
	    !X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_UTF8,
					(const unsigned char *)cn, -1, -1, 0) ||
	    !X509_NAME_add_entry_by_txt(n, "serialNumber", MBSTRING_ASC,
					(const unsigned char *)s->id_sisc, -1,
					-1, 0)) {
		X509_NAME_free(n);
		return NULL;
	}
	return n;
}

static char *name_text(X509_NAME *n, char *out, size_t outsz)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *p;
	long len;

	out[0] = '\0';
	if (!b)
		return out;
	/* RFC 2253, but UTF-8 kept as it is rather than \XX escapes. */
	X509_NAME_print_ex(b, n, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
	len = BIO_get_mem_data(b, &p);
	if (len > 0) {
		if ((size_t)len >= outsz)
			len = (long)outsz - 1;
		memcpy(out, p, (size_t)len);
		out[len] = '\0';
	}
	BIO_free(b);
	return out;
}

static char *to_pem(X509 *x, size_t *len)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *p, *out = NULL;
	long n;

	if (b && PEM_write_bio_X509(b, x) == 1 &&
	    (n = BIO_get_mem_data(b, &p)) > 0 &&
	    (out = malloc((size_t)n + 1))) {
		memcpy(out, p, (size_t)n);
		out[n] = '\0';
		if (len)
			*len = (size_t)n;
	}
	BIO_free(b);
	return out;
}

enum ca_err ca_issue(const char *csr, size_t len, const struct ca_subject *subj,
		     int days, const char *crl_url, struct ca_issued *out)
{
	enum ca_err rc = CA_ERR_INTERNAL;
	X509_REQ *req = NULL;
	X509_NAME *name = NULL;
	X509 *x = NULL;
	EVP_PKEY *pk;
	X509V3_CTX ctx;
	time_t now = time(NULL);
	BIO *b = NULL;
	char *url = NULL;

	memset(out, 0, sizeof(*out));
	if (len > CA_MAX_CSR)
		return CA_ERR_TOO_LARGE;
	/* Before any parsing: a pasted private key is the one mistake that
	 * must be named, not just refused. */
	if (memmem(csr, len, "PRIVATE KEY", 11))
		return CA_ERR_PRIVATE_KEY;
	if (!ca_loaded())
		return CA_ERR_INTERNAL;
	b = BIO_new_mem_buf(csr, (int)len);
	req = b ? PEM_read_bio_X509_REQ(b, NULL, NULL, NULL) : NULL;
	ERR_clear_error();
	if (!req) {
		rc = CA_ERR_NOT_CSR;
		goto out;
	}
	pk = X509_REQ_get0_pubkey(req);
	if (!pk) {
		rc = CA_ERR_NOT_CSR;
		goto out;
	}
	if (X509_REQ_verify(req, pk) != 1) {
		ERR_clear_error();
		rc = CA_ERR_SIGNATURE;
		goto out;
	}
	if (!key_strong(pk)) {
		rc = CA_ERR_WEAK_KEY;
		goto out;
	}
	if (!subject_matches(X509_REQ_get_subject_name(req), subj)) {
		rc = CA_ERR_SUBJECT;
		goto out;
	}

	x = X509_new();
	name = build_subject(subj);
	if (!x || !name || X509_set_version(x, 2) != 1 ||
	    set_serial(x, out->serial_hex) < 0 ||
	    X509_set_issuer_name(x, X509_get_subject_name(ca_cert)) != 1 ||
	    X509_set_subject_name(x, name) != 1 ||
	    !X509_time_adj_ex(X509_getm_notBefore(x), 0, 0, &now) ||
	    !X509_time_adj_ex(X509_getm_notAfter(x), days, 0, &now) ||
	    X509_set_pubkey(x, pk) != 1) {
		log_ssl("building the certificate");
		goto out;
	}
	X509V3_set_ctx(&ctx, ca_cert, x, NULL, NULL, 0);
	if (add_ext(x, &ctx, NID_basic_constraints, "critical,CA:FALSE") ||
	    add_ext(x, &ctx, NID_key_usage,
		    "critical,digitalSignature,nonRepudiation") ||
	    add_ext(x, &ctx, NID_ext_key_usage, "clientAuth,emailProtection") ||
	    add_ext(x, &ctx, NID_subject_key_identifier, "hash") ||
	    add_ext(x, &ctx, NID_authority_key_identifier, "keyid:always")) {
		log_ssl("certificate extensions");
		goto out;
	}
	if (crl_url && *crl_url) {
		/* The config value goes into an extension string whose
		 * separators we do not let it use. */
		if (strpbrk(crl_url, ",\r\n") ||
		    asprintf(&url, "URI:%s", crl_url) < 0 ||
		    add_ext(x, &ctx, NID_crl_distribution_points, url)) {
			log_ssl("CRL distribution point");
			goto out;
		}
	}
	if (X509_sign(x, ca_key, EVP_sha256()) <= 0) {
		log_ssl("signing the certificate");
		goto out;
	}
	out->pem = to_pem(x, NULL);
	if (!out->pem)
		goto out;
	name_text(X509_get_subject_name(x), out->subject_dn,
		  sizeof(out->subject_dn));
	out->not_before = now;
	out->not_after = now + (time_t)days * 86400;
	rc = CA_OK;
out:
	free(url);
	X509_NAME_free(name);
	X509_free(x);
	X509_REQ_free(req);
	BIO_free(b);
	return rc;
}

/* ---- revocation ---- */

static const struct {
	const char *name;
	int code;
} reasons[] = {
	{ "unspecified", CRL_REASON_UNSPECIFIED },
	{ "keyCompromise", CRL_REASON_KEY_COMPROMISE },
	{ "affiliationChanged", CRL_REASON_AFFILIATION_CHANGED },
	{ "superseded", CRL_REASON_SUPERSEDED },
	{ "cessationOfOperation", CRL_REASON_CESSATION_OF_OPERATION },
};

int ca_reason_code(const char *name)
{
	size_t i;

	for (i = 0; name && i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (strcmp(reasons[i].name, name) == 0)
			return reasons[i].code;
	return -1;
}

const char *ca_reason_name(int code)
{
	size_t i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code)
			return reasons[i].name;
	return NULL;
}

static int add_revoked(X509_CRL *crl, const struct ca_revoked *r)
{
	X509_REVOKED *rev = X509_REVOKED_new();
	ASN1_ENUMERATED *reason = NULL;
	ASN1_INTEGER *serial = NULL;
	ASN1_TIME *t = NULL;
	BIGNUM *bn = NULL;
	int ok = 0;

	if (!rev || !BN_hex2bn(&bn, r->serial_hex) ||
	    !(serial = BN_to_ASN1_INTEGER(bn, NULL)) ||
	    X509_REVOKED_set_serialNumber(rev, serial) != 1 ||
	    !(t = ASN1_TIME_set(NULL, r->revoked_at)) ||
	    X509_REVOKED_set_revocationDate(rev, t) != 1)
		goto out;
	/* RFC 5280 5.3.1: "unspecified" is said by leaving the code out. */
	if (r->reason > 0) {
		if (!(reason = ASN1_ENUMERATED_new()) ||
		    ASN1_ENUMERATED_set(reason, r->reason) != 1 ||
		    X509_REVOKED_add1_ext_i2d(rev, NID_crl_reason, reason, 0,
					      0) != 1)
			goto out;
	}
	if (X509_CRL_add0_revoked(crl, rev) != 1)
		goto out;
	rev = NULL;
	ok = 1;
out:
	X509_REVOKED_free(rev);
	ASN1_ENUMERATED_free(reason);
	ASN1_INTEGER_free(serial);
	ASN1_TIME_free(t);
	BN_free(bn);
	return ok ? 0 : -1;
}

static int write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = NULL, *dir = NULL;
	size_t off = 0;
	int fd, rc = -1;

	if (asprintf(&tmp, "%s.tmp.%ld", path, (long)getpid()) < 0)
		return -1;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		goto out;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (off != len || fsync(fd) < 0) {
		close(fd);
		unlink(tmp);
		goto out;
	}
	close(fd);
	if (rename(tmp, path) < 0) {
		unlink(tmp);
		goto out;
	}
	/* The rename itself survives a crash only once the directory is
	 * on disk. */
	if ((dir = strdup(path))) {
		int dfd = open(dirname(dir), O_RDONLY | O_DIRECTORY);

		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	rc = 0;
out:
	if (rc < 0)
		log_err("ca: writing %s: %s", path, strerror(errno));
	free(dir);
	free(tmp);
	return rc;
}

int ca_write_crl(const char *path, const struct ca_revoked *list, size_t n,
		 int next_days)
{
	X509_CRL *crl = X509_CRL_new();
	ASN1_INTEGER *number = NULL;
	ASN1_TIME *last = NULL, *next = NULL;
	X509_EXTENSION *aki = NULL;
	X509V3_CTX ctx;
	BIO *b = NULL;
	time_t now = time(NULL);
	char *p;
	long len;
	size_t i;
	int rc = -1;

	if (!ca_loaded() || !crl)
		goto out;
	last = ASN1_TIME_set(NULL, now);
	next = ASN1_TIME_set(NULL, now + (time_t)next_days * 86400);
	/* The CRL number only has to grow: the clock does that, and two
	 * workers writing in the same second write the same list. */
	number = ASN1_INTEGER_new();
	if (!last || !next || !number || X509_CRL_set_version(crl, 1) != 1 ||
	    X509_CRL_set_issuer_name(crl, X509_get_subject_name(ca_cert)) !=
		    1 ||
	    X509_CRL_set1_lastUpdate(crl, last) != 1 ||
	    X509_CRL_set1_nextUpdate(crl, next) != 1 ||
	    ASN1_INTEGER_set_int64(number, (int64_t)now) != 1 ||
	    X509_CRL_add1_ext_i2d(crl, NID_crl_number, number, 0, 0) != 1)
		goto fail;
	X509V3_set_ctx(&ctx, ca_cert, NULL, NULL, crl, 0);
	aki = X509V3_EXT_conf_nid(NULL, &ctx, NID_authority_key_identifier,
				  "keyid:always");
	if (!aki || X509_CRL_add_ext(crl, aki, -1) != 1)
		goto fail;
	for (i = 0; i < n; i++)
		if (add_revoked(crl, &list[i]) < 0) {
			log_err("ca: revoked serial %s not listable",
				list[i].serial_hex);
			goto fail;
		}
	X509_CRL_sort(crl);
	if (X509_CRL_sign(crl, ca_key, EVP_sha256()) <= 0)
		goto fail;
	b = BIO_new(BIO_s_mem());
	if (!b || PEM_write_bio_X509_CRL(b, crl) != 1 ||
	    (len = BIO_get_mem_data(b, &p)) <= 0)
		goto fail;
	rc = write_atomic(path, p, (size_t)len);
	goto out;
fail:
	log_ssl("building the CRL");
out:
	X509_EXTENSION_free(aki);
	ASN1_INTEGER_free(number);
	ASN1_TIME_free(last);
	ASN1_TIME_free(next);
	X509_CRL_free(crl);
	BIO_free(b);
	return rc;
}

/* ---- verification ---- */

static enum ca_err verdict(int err)
{
	switch (err) {
	case X509_V_OK:
		return CA_OK;
	case X509_V_ERR_CERT_REVOKED:
		return CA_ERR_REVOKED;
	case X509_V_ERR_CERT_HAS_EXPIRED:
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return CA_ERR_EXPIRED;
	case X509_V_ERR_UNABLE_TO_GET_CRL:
	case X509_V_ERR_CRL_HAS_EXPIRED:
	case X509_V_ERR_CRL_NOT_YET_VALID:
	case X509_V_ERR_CRL_SIGNATURE_FAILURE:
	case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
		return CA_ERR_NO_CRL;
	default:
		return CA_ERR_UNTRUSTED;
	}
}

/* PEM when it says so, else DER that must fill len exactly. */
static X509 *parse_cert(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i = 0;
	X509 *x = NULL;
	BIO *b;

	while (i < len && (data[i] == ' ' || data[i] == '\t' ||
			   data[i] == '\r' || data[i] == '\n'))
		i++;
	if (len - i >= 10 && memcmp(data + i, "-----BEGIN", 10) == 0) {
		b = BIO_new_mem_buf(data, (int)len);
		x = b ? PEM_read_bio_X509(b, NULL, NULL, NULL) : NULL;
		BIO_free(b);
	} else if (len > 0) {
		x = d2i_X509(NULL, &p, (long)len);
		if (x && p != (const unsigned char *)data + len) {
			X509_free(x);
			x = NULL;
		}
	}
	ERR_clear_error();
	return x;
}

enum ca_err ca_verify_cert(const char *pem, size_t len, const char *crl_path,
			   time_t at, char *serial_hex)
{
	enum ca_err rc = CA_ERR_INTERNAL;
	X509_STORE_CTX *sctx = NULL;
	X509_STORE *store = NULL;
	X509_CRL *crl = NULL;
	X509 *x = NULL;
	BIGNUM *bn = NULL;
	char *hex = NULL;
	FILE *f;

	if (serial_hex)
		serial_hex[0] = '\0';
	/* Verifying needs only the certificate (ca_init_public). */
	if (!ca_cert)
		return CA_ERR_INTERNAL;
	if (len > CA_MAX_CSR)
		return CA_ERR_NOT_CERT;
	x = parse_cert(pem, len);
	if (!x) {
		rc = CA_ERR_NOT_CERT;
		goto out;
	}
	if (serial_hex &&
	    (bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL)) &&
	    (hex = BN_bn2hex(bn)) && strlen(hex) < CA_SERIAL_HEX)
		strcpy(serial_hex, hex);
	/* Our CA's own certificate (or any CA) signs nothing here. */
	if (X509_check_ca(x) != 0) {
		rc = CA_ERR_UNTRUSTED;
		goto out;
	}
	store = X509_STORE_new();
	sctx = X509_STORE_CTX_new();
	if (!store || !sctx || X509_STORE_add_cert(store, ca_cert) != 1)
		goto out;
	if (crl_path) {
		f = fopen(crl_path, "r");
		crl = f ? PEM_read_X509_CRL(f, NULL, NULL, NULL) : NULL;
		if (f)
			fclose(f);
		if (!crl) {
			ERR_clear_error();
			rc = CA_ERR_NO_CRL;
			goto out;
		}
		if (X509_STORE_add_crl(store, crl) != 1)
			goto out;
		X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK);
	}
	if (X509_STORE_CTX_init(sctx, store, x, NULL) != 1)
		goto out;
	if (at)
		X509_STORE_CTX_set_time(sctx, 0, at);
	if (X509_verify_cert(sctx) == 1)
		rc = CA_OK;
	else
		rc = verdict(X509_STORE_CTX_get_error(sctx));
	ERR_clear_error();
out:
	X509_STORE_CTX_free(sctx);
	X509_STORE_free(store);
	X509_CRL_free(crl);
	OPENSSL_free(hex);
	BN_free(bn);
	X509_free(x);
	return rc;
}

/* Prepared in whichever program calls ca_verify_registered() first. */
static struct sql q_registered = SQL(
	"SELECT person_id, revoked_at IS NOT NULL AS revoked,"
	" (not_before <= UTC_TIMESTAMP() AND not_after > UTC_TIMESTAMP())"
	" AS current FROM certificate WHERE serial_hex = ?");

enum ca_err ca_verify_registered(const void *cert, size_t len,
				 const char *crl_path, char *serial_hex,
				 long long *person_id)
{
	struct arena a = { 0 };
	struct row row;
	enum ca_err rc;
	int n;

	if (person_id)
		*person_id = 0;
	if (!serial_hex)
		return CA_ERR_INTERNAL;
	rc = ca_verify_cert(cert, len, crl_path, 0, serial_hex);
	if (rc != CA_OK)
		return rc;
	if (!serial_hex[0])
		return CA_ERR_UNTRUSTED;
	n = db_get(&a, &q_registered, &row, "s", serial_hex);
	if (n < 0)
		rc = CA_ERR_INTERNAL;
	else if (n == 0)
		rc = CA_ERR_UNKNOWN;
	else if (row_int(&row, "revoked", 1))
		rc = CA_ERR_REVOKED;
	else if (!row_int(&row, "current", 0))
		rc = CA_ERR_EXPIRED;
	else if (person_id)
		*person_id = row_int(&row, "person_id", 0);
	arena_reset(&a);
	return rc;
}

const char *ca_err_name(enum ca_err e)
{
	static const char *const names[CA_ERR__MAX] = {
		"ok",	       /* CA_OK */
		"too_large",   /* CA_ERR_TOO_LARGE */
		"private_key", /* CA_ERR_PRIVATE_KEY */
		"not_csr",     /* CA_ERR_NOT_CSR */
		"signature",   /* CA_ERR_SIGNATURE */
		"weak_key",    /* CA_ERR_WEAK_KEY */
		"subject",     /* CA_ERR_SUBJECT */
		"not_cert",    /* CA_ERR_NOT_CERT */
		"untrusted",   /* CA_ERR_UNTRUSTED */
		"expired",     /* CA_ERR_EXPIRED */
		"revoked",     /* CA_ERR_REVOKED */
		"no_crl",      /* CA_ERR_NO_CRL */
		"internal",    /* CA_ERR_INTERNAL */
		"unknown",     /* CA_ERR_UNKNOWN */
	};

	return (unsigned)e < CA_ERR__MAX ? names[e] : "internal";
}
