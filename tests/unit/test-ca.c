/* test-ca.c: cmocka tests for domain/ca.c against a temporary CA made here */
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

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "ca.h"

static char dir[] = "/tmp/zsog-test-ca-XXXXXX";
static char key_path[128], cert_path[128], crl_path[128];

static const struct ca_subject anna = { "Anna", "Kowalska", "PLP000000017" };

static void add_ext(X509 *x, X509 *issuer, int nid, const char *v)
{
	X509V3_CTX ctx;
	X509_EXTENSION *e;

	X509V3_set_ctx(&ctx, issuer, x, NULL, NULL, 0);
	e = X509V3_EXT_conf_nid(NULL, &ctx, nid, v);
	assert_non_null(e);
	assert_int_equal(X509_add_ext(x, e, -1), 1);
	X509_EXTENSION_free(e);
}

/* A self-signed CA like the one scripts/stack makes with the CLI. */
static X509 *make_ca(EVP_PKEY *key, const char *cn)
{
	X509 *x = X509_new();
	X509_NAME *n = X509_get_subject_name(x);

	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_UTF8,
				   (const unsigned char *)cn, -1, -1, 0);
	X509_set_issuer_name(x, n);
	X509_gmtime_adj(X509_getm_notBefore(x), -3600);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400L * 3650);
	X509_set_pubkey(x, key);
	add_ext(x, x, NID_basic_constraints, "critical,CA:TRUE");
	add_ext(x, x, NID_key_usage, "critical,keyCertSign,cRLSign");
	add_ext(x, x, NID_subject_key_identifier, "hash");
	assert_true(X509_sign(x, key, EVP_sha256()) > 0);
	return x;
}

static void write_ca(const char *kp, const char *cp, EVP_PKEY *key, X509 *x,
		     mode_t mode)
{
	FILE *f = fopen(kp, "w");

	assert_non_null(f);
	assert_int_equal(
		PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL, NULL), 1);
	fclose(f);
	chmod(kp, mode);
	f = fopen(cp, "w");
	assert_non_null(f);
	assert_int_equal(PEM_write_X509(f, x), 1);
	fclose(f);
}

/* A PEM CSR for key with the given subject (entries "CN=..", NULL-ended). */
static char *make_csr(EVP_PKEY *key, const char *const *subject, size_t *len)
{
	X509_REQ *req = X509_REQ_new();
	X509_NAME *n = X509_NAME_new();
	BIO *b = BIO_new(BIO_s_mem());
	char *p, *out;
	long k;

	for (; *subject; subject++) {
		char f[64];
		const char *eq = strchr(*subject, '=');

		snprintf(f, sizeof(f), "%.*s", (int)(eq - *subject), *subject);
		assert_int_equal(X509_NAME_add_entry_by_txt(
					 n, f, MBSTRING_UTF8,
					 (const unsigned char *)eq + 1, -1, -1,
					 0),
				 1);
	}
	X509_REQ_set_subject_name(req, n);
	X509_REQ_set_pubkey(req, key);
	assert_true(X509_REQ_sign(req, key, EVP_sha256()) > 0);
	PEM_write_bio_X509_REQ(b, req);
	k = BIO_get_mem_data(b, &p);
	out = malloc((size_t)k + 1);
	memcpy(out, p, (size_t)k);
	out[k] = '\0';
	*len = (size_t)k;
	BIO_free(b);
	X509_NAME_free(n);
	X509_REQ_free(req);
	return out;
}

static EVP_PKEY *p256; /* one user key, made once: RSA keygen is slow */

static int setup(void **state)
{
	EVP_PKEY *key;
	X509 *x;

	assert_non_null(mkdtemp(dir));
	snprintf(key_path, sizeof(key_path), "%s/ca.key", dir);
	snprintf(cert_path, sizeof(cert_path), "%s/ca.pem", dir);
	snprintf(crl_path, sizeof(crl_path), "%s/crl.pem", dir);
	key = EVP_EC_gen("P-256");
	x = make_ca(key, "ZSOG Test CA");
	write_ca(key_path, cert_path, key, x, 0600);
	X509_free(x);
	EVP_PKEY_free(key);
	p256 = EVP_EC_gen("P-256");
	return ca_init(key_path, cert_path) == 0 && p256 ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[256];

	ca_free();
	EVP_PKEY_free(p256);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static enum ca_err issue_for(EVP_PKEY *key, const char *const *subject,
			     struct ca_issued *out)
{
	size_t len;
	char *csr = make_csr(key, subject, &len);
	enum ca_err e = ca_issue(csr, len, &anna, 365,
				 "http://example.test/ecustomer/ca/crl.pem",
				 out);

	free(csr);
	return e;
}

static X509 *parse(const char *pem)
{
	BIO *b = BIO_new_mem_buf(pem, -1);
	X509 *x = PEM_read_bio_X509(b, NULL, NULL, NULL);

	BIO_free(b);
	assert_non_null(x);
	return x;
}

static void issues_with_person_in_subject_and_extensions(void **state)
{
	static const char *const subj[] = { "CN=Anna Kowalska", NULL };
	struct ca_issued out;
	char text[256];
	X509 *x;
	int crit = -1;
	BASIC_CONSTRAINTS *bc;
	ASN1_BIT_STRING *ku;

	assert_int_equal(issue_for(p256, subj, &out), CA_OK);
	assert_int_equal(strlen(out.serial_hex), 32);
	assert_non_null(strstr(out.subject_dn, "serialNumber=PLP000000017"));
	assert_non_null(strstr(out.subject_dn, "CN=Anna Kowalska"));
	assert_non_null(strstr(out.subject_dn, "C=PL"));
	assert_int_equal(out.not_after - out.not_before, 365 * 86400);
	x = parse(out.pem);
	X509_NAME_get_text_by_NID(X509_get_subject_name(x), NID_serialNumber,
				  text, sizeof(text));
	assert_string_equal(text, "PLP000000017");
	bc = X509_get_ext_d2i(x, NID_basic_constraints, &crit, NULL);
	assert_non_null(bc);
	assert_false(bc->ca);
	BASIC_CONSTRAINTS_free(bc);
	ku = X509_get_ext_d2i(x, NID_key_usage, &crit, NULL);
	assert_non_null(ku);
	assert_int_equal(crit, 1);
	assert_true(ASN1_BIT_STRING_get_bit(ku, 0));  /* digitalSignature */
	assert_true(ASN1_BIT_STRING_get_bit(ku, 1));  /* nonRepudiation */
	assert_false(ASN1_BIT_STRING_get_bit(ku, 5)); /* keyCertSign */
	ASN1_BIT_STRING_free(ku);
	assert_true(X509_get_extension_flags(x) & EXFLAG_XKUSAGE);
	assert_true(X509_get_extended_key_usage(x) & XKU_SSL_CLIENT);
	assert_non_null(X509_get0_subject_key_id(x));
	assert_non_null(X509_get0_authority_key_id(x));
	assert_true(X509_get_ext_by_NID(x, NID_crl_distribution_points, -1) >=
		    0);
	X509_free(x);
	free(out.pem);
}

static void serials_differ(void **state)
{
	static const char *const subj[] = { "CN=Anna Kowalska", NULL };
	struct ca_issued a, b;

	assert_int_equal(issue_for(p256, subj, &a), CA_OK);
	assert_int_equal(issue_for(p256, subj, &b), CA_OK);
	assert_string_not_equal(a.serial_hex, b.serial_hex);
	free(a.pem);
	free(b.pem);
}

static void accepts_rsa_2048_and_p384_and_matching_serial_number(void **state)
{
	static const char *const subj[] = { "C=PL", "CN=Anna Kowalska",
					    "serialNumber=PLP000000017", NULL };
	EVP_PKEY *rsa = EVP_RSA_gen(2048), *p384 = EVP_EC_gen("P-384");
	struct ca_issued out;

	assert_int_equal(issue_for(rsa, subj, &out), CA_OK);
	free(out.pem);
	assert_int_equal(issue_for(p384, subj, &out), CA_OK);
	free(out.pem);
	EVP_PKEY_free(rsa);
	EVP_PKEY_free(p384);
}

static void refuses_weak_keys(void **state)
{
	static const char *const subj[] = { "CN=Anna Kowalska", NULL };
	EVP_PKEY *rsa = EVP_RSA_gen(1024), *k1 = EVP_EC_gen("secp256k1");
	EVP_PKEY *p192 = EVP_EC_gen("prime192v1");
	struct ca_issued out;

	assert_int_equal(issue_for(rsa, subj, &out), CA_ERR_WEAK_KEY);
	assert_null(out.pem);
	assert_int_equal(issue_for(k1, subj, &out), CA_ERR_WEAK_KEY);
	if (p192) /* a build without the small curves refuses it anyway */
		assert_int_equal(issue_for(p192, subj, &out), CA_ERR_WEAK_KEY);
	EVP_PKEY_free(rsa);
	EVP_PKEY_free(k1);
	EVP_PKEY_free(p192);
}

static void refuses_subject_of_someone_else(void **state)
{
	static const char *const other[] = { "CN=Jan Wiśniewski", NULL };
	static const char *const lower[] = { "CN=anna kowalska", NULL };
	static const char *const none[] = { "O=Anna Kowalska", NULL };
	static const char *const two[] = { "CN=Anna Kowalska",
					   "CN=Jan Wiśniewski", NULL };
	static const char *const sisc[] = { "CN=Anna Kowalska",
					    "serialNumber=PLP999999999", NULL };
	struct ca_issued out;

	assert_int_equal(issue_for(p256, other, &out), CA_ERR_SUBJECT);
	assert_int_equal(issue_for(p256, lower, &out), CA_ERR_SUBJECT);
	assert_int_equal(issue_for(p256, none, &out), CA_ERR_SUBJECT);
	assert_int_equal(issue_for(p256, two, &out), CA_ERR_SUBJECT);
	assert_int_equal(issue_for(p256, sisc, &out), CA_ERR_SUBJECT);
}

static void matches_utf8_names(void **state)
{
	static const struct ca_subject lucja = { "Łucja", "Żółć-Ąę",
						 "PLP000000025" };
	static const char *const subj[] = { "CN=Łucja Żółć-Ąę", NULL };
	struct ca_issued out;
	size_t len;
	char *csr = make_csr(p256, subj, &len);

	assert_int_equal(ca_issue(csr, len, &lucja, 30, NULL, &out), CA_OK);
	assert_non_null(strstr(out.subject_dn, "CN=Łucja Żółć-Ąę"));
	free(out.pem);
	free(csr);
}

static void refuses_tampered_signature(void **state)
{
	static const char *const subj[] = { "CN=Anna Kowalska", NULL };
	struct ca_issued out;
	unsigned char *der = NULL, *p;
	X509_REQ *req;
	BIO *b;
	char *csr, *pem;
	size_t len;
	long plen;
	int n;

	csr = make_csr(p256, subj, &len);
	b = BIO_new_mem_buf(csr, (int)len);
	req = PEM_read_bio_X509_REQ(b, NULL, NULL, NULL);
	BIO_free(b);
	n = i2d_X509_REQ(req, &der);
	/* The signature is the last thing in the DER: flip its last byte. */
	der[n - 1] ^= 0x01;
	p = der;
	X509_REQ_free(req);
	req = d2i_X509_REQ(NULL, (const unsigned char **)&p, n);
	assert_non_null(req);
	b = BIO_new(BIO_s_mem());
	PEM_write_bio_X509_REQ(b, req);
	plen = BIO_get_mem_data(b, &pem);
	assert_int_equal(ca_issue(pem, (size_t)plen, &anna, 365, NULL, &out),
			 CA_ERR_SIGNATURE);
	BIO_free(b);
	X509_REQ_free(req);
	OPENSSL_free(der);
	free(csr);
}

static void refuses_private_key_garbage_and_size(void **state)
{
	static const char *const key =
		"-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n"
		"-----END PRIVATE KEY-----\n";
	static const char *const garbage = "hello, this is no request";
	struct ca_issued out;
	char *big = calloc(1, CA_MAX_CSR + 2);

	assert_int_equal(ca_issue(key, strlen(key), &anna, 365, NULL, &out),
			 CA_ERR_PRIVATE_KEY);
	assert_int_equal(
		ca_issue(garbage, strlen(garbage), &anna, 365, NULL, &out),
		CA_ERR_NOT_CSR);
	memset(big, 'A', CA_MAX_CSR + 1);
	assert_int_equal(ca_issue(big, CA_MAX_CSR + 1, &anna, 365, NULL, &out),
			 CA_ERR_TOO_LARGE);
	free(big);
}

static void verify_follows_crl_and_dates(void **state)
{
	static const char *const subj[] = { "CN=Anna Kowalska", NULL };
	struct ca_issued a, b;
	struct ca_revoked rev;
	char serial[CA_SERIAL_HEX];

	assert_int_equal(issue_for(p256, subj, &a), CA_OK);
	assert_int_equal(issue_for(p256, subj, &b), CA_OK);
	unlink(crl_path);
	assert_int_equal(
		ca_verify_cert(a.pem, strlen(a.pem), crl_path, 0, serial),
		CA_ERR_NO_CRL);
	assert_int_equal(ca_write_crl(crl_path, NULL, 0, 7), 0);
	assert_int_equal(
		ca_verify_cert(a.pem, strlen(a.pem), crl_path, 0, serial),
		CA_OK);
	assert_string_equal(serial, a.serial_hex);

	rev.serial_hex = a.serial_hex;
	rev.revoked_at = time(NULL);
	rev.reason = ca_reason_code("keyCompromise");
	assert_int_equal(ca_write_crl(crl_path, &rev, 1, 7), 0);
	assert_int_equal(
		ca_verify_cert(a.pem, strlen(a.pem), crl_path, 0, serial),
		CA_ERR_REVOKED);
	assert_int_equal(
		ca_verify_cert(b.pem, strlen(b.pem), crl_path, 0, serial),
		CA_OK);
	/* Past its notAfter (and the CRL's nextUpdate: dates come first). */
	assert_int_equal(ca_verify_cert(b.pem, strlen(b.pem), NULL,
					b.not_after + 86400, serial),
			 CA_ERR_EXPIRED);
	/* A CRL that has passed its nextUpdate vouches for nothing. */
	assert_int_equal(ca_verify_cert(b.pem, strlen(b.pem), crl_path,
					time(NULL) + 8 * 86400, serial),
			 CA_ERR_NO_CRL);
	assert_int_equal(ca_verify_cert("junk", 4, crl_path, 0, serial),
			 CA_ERR_NOT_CERT);
	free(a.pem);
	free(b.pem);
}

static void crl_lists_serial_with_reason(void **state)
{
	struct ca_revoked rev[2] = {
		{ "4A0102030405060708090A0B0C0D0E0F", 1700000000, 1 },
		{ "7F0102030405060708090A0B0C0D0E0F", 1700000100, 0 },
	};
	X509_CRL *crl;
	X509_REVOKED *r;
	ASN1_INTEGER *ai;
	FILE *f;

	rev[0].reason = ca_reason_code("superseded");
	assert_int_equal(ca_write_crl(crl_path, rev, 2, 7), 0);
	f = fopen(crl_path, "r");
	crl = PEM_read_X509_CRL(f, NULL, NULL, NULL);
	fclose(f);
	assert_non_null(crl);
	assert_int_equal(sk_X509_REVOKED_num(X509_CRL_get_REVOKED(crl)), 2);
	ai = s2i_ASN1_INTEGER(NULL, "0x4A0102030405060708090A0B0C0D0E0F");
	assert_int_equal(X509_CRL_get0_by_serial(crl, &r, ai), 1);
	ASN1_INTEGER_free(ai);
	{
		ASN1_ENUMERATED *e = X509_REVOKED_get_ext_d2i(r, NID_crl_reason,
							      NULL, NULL);

		assert_non_null(e);
		assert_int_equal(ASN1_ENUMERATED_get(e), 4); /* superseded */
		ASN1_ENUMERATED_free(e);
	}
	{
		EVP_PKEY *pub;
		BIO *b = BIO_new_file(cert_path, "r");
		X509 *cax = PEM_read_bio_X509(b, NULL, NULL, NULL);

		pub = X509_get0_pubkey(cax);
		assert_int_equal(X509_CRL_verify(crl, pub), 1);
		X509_free(cax);
		BIO_free(b);
	}
	X509_CRL_free(crl);
	unlink(crl_path);
}

static void reasons_are_the_five_named(void **state)
{
	assert_int_equal(ca_reason_code("unspecified"), 0);
	assert_int_equal(ca_reason_code("keyCompromise"), 1);
	assert_int_equal(ca_reason_code("affiliationChanged"), 3);
	assert_int_equal(ca_reason_code("superseded"), 4);
	assert_int_equal(ca_reason_code("cessationOfOperation"), 5);
	assert_int_equal(ca_reason_code("cACompromise"), -1);
	assert_int_equal(ca_reason_code("certificateHold"), -1);
	assert_int_equal(ca_reason_code(NULL), -1);
	assert_string_equal(ca_reason_name(4), "superseded");
}

static void other_ca_is_untrusted(void **state)
{
	char kp[160], cp[160];
	EVP_PKEY *key = EVP_EC_gen("P-256");
	X509 *x = make_ca(key, "ZSOG Test CA"); /* same name, other key */
	static const char *const subj[] = { "CN=Anna Kowalska", NULL };
	struct ca_issued out;

	snprintf(kp, sizeof(kp), "%s/other.key", dir);
	snprintf(cp, sizeof(cp), "%s/other.pem", dir);
	write_ca(kp, cp, key, x, 0600);
	assert_int_equal(ca_init(kp, cp), 0);
	assert_int_equal(issue_for(p256, subj, &out), CA_OK);
	assert_int_equal(ca_init(key_path, cert_path), 0);
	assert_int_equal(
		ca_verify_cert(out.pem, strlen(out.pem), NULL, 0, NULL),
		CA_ERR_UNTRUSTED);
	free(out.pem);
	X509_free(x);
	EVP_PKEY_free(key);
}

static void ca_certificate_itself_is_not_a_signer(void **state)
{
	size_t len;
	const char *pem = ca_cert_pem(&len);

	assert_non_null(pem);
	assert_int_equal(ca_verify_cert(pem, len, NULL, 0, NULL),
			 CA_ERR_UNTRUSTED);
}

static void key_readable_by_others_is_refused(void **state)
{
	char kp[160], cp[160];
	EVP_PKEY *key = EVP_EC_gen("P-256");
	X509 *x = make_ca(key, "Loose CA");

	snprintf(kp, sizeof(kp), "%s/loose.key", dir);
	snprintf(cp, sizeof(cp), "%s/loose.pem", dir);
	write_ca(kp, cp, key, x, 0644);
	assert_int_equal(ca_init(kp, cp), -1);
	assert_false(ca_loaded());
	/* A certificate that is not the key's is refused too. */
	assert_int_equal(ca_init(key_path, cp), -1);
	assert_int_equal(ca_init(key_path, cert_path), 0);
	X509_free(x);
	EVP_PKEY_free(key);
}

/* The SOAP service gets the signer's certificate as DER from the
 * message: it verifies like the PEM, and trailing bytes are refused. */
static void verify_accepts_der(void **state)
{
	static const char *const subj[] = { "CN=Anna Kowalska", NULL };
	struct ca_issued a;
	struct ca_revoked rev;
	char serial[CA_SERIAL_HEX];
	unsigned char *der = NULL, *longer;
	X509 *x;
	int n;

	assert_int_equal(issue_for(p256, subj, &a), CA_OK);
	x = parse(a.pem);
	n = i2d_X509(x, &der);
	assert_true(n > 0);
	assert_int_equal(ca_write_crl(crl_path, NULL, 0, 7), 0);
	assert_int_equal(ca_verify_cert((const char *)der, (size_t)n, crl_path,
					0, serial),
			 CA_OK);
	assert_string_equal(serial, a.serial_hex);
	longer = malloc((size_t)n + 1);
	memcpy(longer, der, (size_t)n);
	longer[n] = 0;
	assert_int_equal(ca_verify_cert((const char *)longer, (size_t)n + 1,
					crl_path, 0, serial),
			 CA_ERR_NOT_CERT);
	assert_int_equal(ca_verify_cert((const char *)der, (size_t)n - 1,
					crl_path, 0, serial),
			 CA_ERR_NOT_CERT);
	rev.serial_hex = a.serial_hex;
	rev.revoked_at = time(NULL);
	rev.reason = 0;
	assert_int_equal(ca_write_crl(crl_path, &rev, 1, 7), 0);
	assert_int_equal(ca_verify_cert((const char *)der, (size_t)n, crl_path,
					0, serial),
			 CA_ERR_REVOKED);
	free(longer);
	OPENSSL_free(der);
	X509_free(x);
	free(a.pem);
}

/* A verifier loads the CA certificate alone: it verifies but cannot
 * issue or sign a CRL; ca_init afterwards restores the full CA. */
static void public_init_verifies_only(void **state)
{
	static const char *const subj[] = { "CN=Anna Kowalska", NULL };
	struct ca_issued a, b;
	char serial[CA_SERIAL_HEX];

	assert_int_equal(issue_for(p256, subj, &a), CA_OK);
	assert_int_equal(ca_write_crl(crl_path, NULL, 0, 7), 0);
	assert_int_equal(ca_init_public(cert_path), 0);
	assert_false(ca_loaded());
	assert_int_equal(
		ca_verify_cert(a.pem, strlen(a.pem), crl_path, 0, serial),
		CA_OK);
	assert_string_equal(serial, a.serial_hex);
	assert_int_equal(issue_for(p256, subj, &b), CA_ERR_INTERNAL);
	assert_int_equal(ca_write_crl(crl_path, NULL, 0, 7), -1);
	assert_int_equal(ca_init_public(key_path), -1);
	assert_int_equal(
		ca_verify_cert(a.pem, strlen(a.pem), crl_path, 0, serial),
		CA_ERR_INTERNAL);
	assert_int_equal(ca_init(key_path, cert_path), 0);
	free(a.pem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(issues_with_person_in_subject_and_extensions),
		cmocka_unit_test(serials_differ),
		cmocka_unit_test(
			accepts_rsa_2048_and_p384_and_matching_serial_number),
		cmocka_unit_test(refuses_weak_keys),
		cmocka_unit_test(refuses_subject_of_someone_else),
		cmocka_unit_test(matches_utf8_names),
		cmocka_unit_test(refuses_tampered_signature),
		cmocka_unit_test(refuses_private_key_garbage_and_size),
		cmocka_unit_test(verify_follows_crl_and_dates),
		cmocka_unit_test(verify_accepts_der),
		cmocka_unit_test(public_init_verifies_only),
		cmocka_unit_test(crl_lists_serial_with_reason),
		cmocka_unit_test(reasons_are_the_five_named),
		cmocka_unit_test(other_ca_is_untrusted),
		cmocka_unit_test(ca_certificate_itself_is_not_a_signer),
		cmocka_unit_test(key_readable_by_others_is_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
