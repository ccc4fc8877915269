/* wsse.c: WS-Security X.509 verification of a signed message: the
 * signature covers the Body and the Timestamp, the certificate is ours and
 * current, the timestamp is fresh; then who signed it */
#include "puesc.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/base64.h>
#include <xmlsec/crypto.h>

#include "ca.h"
#include "conf.h"
#include "log.h"
#include "registry.h"

#define NS_WSSE \
	"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
#define NS_WSU \
	"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
#define NS_DS "http://www.w3.org/2000/09/xmldsig#"

/* How far a client's clock may run ahead, and how old a message may be. */
#define SKEW 300
#define MAX_AGE 300

int wsse_init(void)
{
	xmlExternalEntityLoader keep = xmlGetExternalEntityLoader();

	if (xmlSecInit() < 0 || xmlSecCheckVersion() != 1 ||
	    xmlSecCryptoAppInit(NULL) < 0 || xmlSecCryptoInit() < 0) {
		log_err("puesc: xmlsec initialisation failed");
		return -1;
	}
	/* xmlsec must not bring back a loader that reads files. */
	xmlSetExternalEntityLoader(keep);
	if (ca_init(conf_get("CA.Key", NULL), conf_get("CA.Cert", NULL)) < 0)
		log_err("puesc: CA not loaded: signed messages will be refused");
	return 0;
}

static xmlNodePtr child_ns(xmlNodePtr parent, const char *ns, const char *name)
{
	xmlNodePtr c;

	for (c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->ns &&
		    strcmp((const char *)c->ns->href, ns) == 0 &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

/* Registers node's wsu:Id as an ID, so "#id" references resolve to this
 * very node; a second element claiming the same id is refused. */
static const char *register_id(struct soap *s, xmlNodePtr node)
{
	xmlAttrPtr a = xmlHasNsProp(node, BAD_CAST "Id", BAD_CAST NS_WSU);
	xmlChar *v;
	const char *id;

	if (!a)
		return NULL;
	v = xmlNodeListGetString(s->doc, a->children, 1);
	if (!v)
		return NULL;
	id = arena_strdup(&s->r->arena, (const char *)v);
	if (!xmlAddID(NULL, s->doc, v, a))
		id = NULL;
	xmlFree(v);
	return id;
}

/* Every Reference is "#id", and together they cover Body and Timestamp. */
static int covers(struct soap *s, xmlNodePtr sig, const char *body_id,
		  const char *ts_id)
{
	xmlNodePtr si = child_ns(sig, NS_DS, "SignedInfo"), ref;
	int body = 0, ts = 0;

	for (ref = si ? si->children : NULL; ref; ref = ref->next) {
		xmlChar *uri;

		if (ref->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)ref->name, "Reference"))
			continue;
		uri = xmlGetProp(ref, BAD_CAST "URI");
		if (!uri || uri[0] != '#') {
			xmlFree(uri);
			return 0;
		}
		body |= strcmp((const char *)uri + 1, body_id) == 0;
		ts |= strcmp((const char *)uri + 1, ts_id) == 0;
		xmlFree(uri);
	}
	return body && ts;
}

/* xsd:dateTime in UTC ("2026-11-23T12:00:00Z", fraction allowed). */
static int parse_time(const char *v, time_t *out)
{
	struct tm tm = { 0 };
	const char *p;

	if (!v || sscanf(v, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
			 &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return -1;
	p = v + 19;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (strcmp(p, "Z") && strcmp(p, "+00:00"))
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*out = timegm(&tm);
	return 0;
}

static int check_timestamp(struct soap *s, xmlNodePtr ts)
{
	time_t now = time(NULL), created, expires;

	if (parse_time(soap_text(s, ts, "Created"), &created) < 0 ||
	    parse_time(soap_text(s, ts, "Expires"), &expires) < 0)
		return soap_fault(
			s, "AUTH_TIMESTAMP",
			"The Timestamp needs Created and Expires in UTC");
	if (created > now + SKEW || expires <= now || now - created > MAX_AGE ||
	    expires < created)
		return soap_fault(s, "AUTH_TIMESTAMP",
				  "The message's Timestamp is not current");
	return 0;
}

static int cert_fault(struct soap *s, enum ca_err e)
{
	switch (e) {
	case CA_ERR_UNTRUSTED:
		return soap_fault(
			s, "AUTH_CERT_UNKNOWN_CA",
			"The certificate was not issued by this service's CA");
	case CA_ERR_EXPIRED:
		return soap_fault(
			s, "AUTH_CERT_EXPIRED",
			"The certificate is outside its validity period");
	case CA_ERR_REVOKED:
		return soap_fault(s, "AUTH_CERT_REVOKED",
				  "The certificate has been revoked");
	case CA_ERR_UNKNOWN:
		return soap_fault(s, "AUTH_CERT_UNKNOWN",
				  "The certificate is not registered");
	case CA_ERR_NOT_CERT:
		return soap_fault(
			s, "AUTH_CERT_INVALID",
			"The BinarySecurityToken is not an X.509 certificate");
	default:
		return soap_server_fault(s, ca_err_name(e));
	}
}

static int verify_sig(struct soap *s, xmlNodePtr sig, const unsigned char *der,
		      size_t len)
{
	xmlSecDSigCtxPtr ctx = xmlSecDSigCtxCreate(NULL);
	xmlSecKeyPtr key;
	int ok = 0;

	if (!ctx)
		return soap_server_fault(s, "xmlSecDSigCtxCreate");
	key = xmlSecCryptoAppKeyLoadMemory(der, (xmlSecSize)len,
					   xmlSecKeyDataFormatCertDer, NULL,
					   NULL, NULL);
	if (!key) {
		xmlSecDSigCtxDestroy(ctx);
		return soap_fault(s, "AUTH_CERT_INVALID",
				  "No usable public key in the certificate");
	}
	ctx->signKey = key;
	/* Only same-document references, and only these algorithms. */
	ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
	xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformExclC14NId);
	xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformInclC14NId);
	xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformRsaSha256Id);
	xmlSecDSigCtxEnableSignatureTransform(ctx,
					      xmlSecTransformEcdsaSha256Id);
	xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformExclC14NId);
	xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformInclC14NId);
	xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformSha256Id);
	if (xmlSecDSigCtxVerify(ctx, sig) == 0 &&
	    ctx->status == xmlSecDSigStatusSucceeded)
		ok = 1;
	xmlSecDSigCtxDestroy(ctx); /* frees the key too */
	if (!ok)
		return soap_fault(
			s, "AUTH_SIGNATURE",
			"The signature does not verify (altered message, wrong key or algorithm)");
	return 0;
}

int wsse_verify(struct soap *s)
{
	xmlNodePtr sec, bst, ts, sig;
	const char *body_id, *ts_id, *b64, *crl;
	unsigned char *der;
	char serial[CA_SERIAL_HEX] = "";
	long long person = 0, cert_person = 0;
	enum ca_err ce;
	xmlSecSize got = 0;
	int len, rc;

	sec = child_ns(s->header, NS_WSSE, "Security");
	bst = child_ns(sec, NS_WSSE, "BinarySecurityToken");
	ts = child_ns(sec, NS_WSU, "Timestamp");
	sig = child_ns(sec, NS_DS, "Signature");
	if (!sec || !bst || !ts || !sig)
		return soap_fault(
			s, "AUTH_SIGNATURE",
			"A wsse:Security header with BinarySecurityToken, "
			"wsu:Timestamp and ds:Signature is required");
	body_id = register_id(s, s->body);
	ts_id = register_id(s, ts);
	register_id(s, bst);
	if (!body_id || !ts_id || !covers(s, sig, body_id, ts_id))
		return soap_fault(
			s, "AUTH_SIGNATURE",
			"The signature must reference the Body and the Timestamp by wsu:Id");
	b64 = soap_trim(s, bst);
	len = (int)strlen(b64);
	der = arena_alloc(&s->r->arena, (size_t)len + 1);
	if (!der)
		return soap_server_fault(s, "alloc");
	if (xmlSecBase64Decode_ex(BAD_CAST b64, der, (xmlSecSize)len + 1,
				  &got) < 0)
		got = 0;
	len = (int)got;
	if (len <= 0 || len > CA_MAX_CSR)
		return soap_fault(s, "AUTH_CERT_INVALID",
				  "The BinarySecurityToken is not base64 DER");
	/* Certificate first: a signature by a stranger's key means nothing. */
	crl = conf_get("CA.CrlFile", NULL);
	if (crl && access(crl, R_OK) != 0)
		crl = NULL; /* no revocation yet: the table still decides */
	ce = ca_verify_registered(der, (size_t)len, crl, serial, &cert_person);
	if (ce != CA_OK)
		return cert_fault(s, ce);
	if (verify_sig(s, sig, der, (size_t)len) < 0)
		return -1;
	if (check_timestamp(s, ts) < 0)
		return -1;
	rc = registry_cert_person(serial, &person);
	if (rc < 0)
		return soap_server_fault(s, "registry_cert_person");
	if (rc == 0 || person != cert_person)
		return soap_fault(
			s, "AUTH_CERT_UNKNOWN",
			"The certificate's holder is not an approved person");
	s->person_id = person;
	if (registry_person_sisc(&s->r->arena, person, &s->sender) < 0)
		return soap_server_fault(s, "person");
	if (!s->sender)
		s->sender = arena_printf(&s->r->arena, "person:%lld", person);
	return 0;
}
