/* soap.c: one SOAP exchange: safe parse, version, schema, signature,
 * idempotency, dispatch to the operation, the answer or the Fault, and the
 * archive line */
#define _GNU_SOURCE /* memmem */
#include "puesc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "conf.h"
#include "db.h"
#include "log.h"
#include "resp.h"
#include "xmlsafe.h"

#define MAX_DEPTH 32
#define MAX_NODES 100000

static const struct soap_op ops[] = {
	{ "validateEORI", NS_EORI, 0, eori_validate_fn },
	{ "ListFreeSlots", NS_ZSOG, OP_SIGNED, ebt_free_slots_fn },
	{ "CreateBooking", NS_ZSOG, OP_SIGNED | OP_CHANGES, ebt_create_fn },
	{ "ChangeBooking", NS_ZSOG, OP_SIGNED | OP_CHANGES, ebt_change_fn },
	{ "CancelBooking", NS_ZSOG, OP_SIGNED | OP_CHANGES, ebt_cancel_fn },
	{ "GetBooking", NS_ZSOG, OP_SIGNED, ebt_get_fn },
	{ "ListBookings", NS_ZSOG, OP_SIGNED, ebt_list_fn },
	{ "GetRegistrationStatus", NS_ZSOG, OP_SIGNED, ec_status_fn },
	{ "GetRepresentations", NS_ZSOG, OP_SIGNED, ec_reps_fn },
};

/* Compiled once per worker. */
static struct xmlsafe_schema *schema_eori, *schema_zsog;
static char *wsdl;
static size_t wsdl_len;

/* The WSDL names its endpoints: @BASE@ becomes Site.BaseUrl. */
static int load_wsdl(const char *path)
{
	const char *base = conf_get("Site.BaseUrl", "http://127.0.0.1");
	struct buf b = { 0 };
	char chunk[4096], *p, *at;
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f) {
		log_err("cannot open %s", path);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (!b.p)
		return -1;
	wsdl = malloc(b.len * 2 + 1);
	if (!wsdl)
		return -1;
	wsdl_len = 0;
	p = b.p;
	while ((at = strstr(p, "@BASE@")) != NULL) {
		memcpy(wsdl + wsdl_len, p, (size_t)(at - p));
		wsdl_len += (size_t)(at - p);
		n = strlen(base);
		if (n > 200)
			n = 200;
		memcpy(wsdl + wsdl_len, base, n);
		wsdl_len += n;
		p = at + 6;
	}
	n = strlen(p);
	memcpy(wsdl + wsdl_len, p, n);
	wsdl_len += n;
	wsdl[wsdl_len] = '\0';
	buf_free(&b);
	return 0;
}

int soap_worker_init(void)
{
	const char *root = conf_get("Paths.Root", ".");
	char path[1024];

	xmlsafe_init();
	snprintf(path, sizeof(path), "%s/docs/puesc/xsd/eori.xsd", root);
	schema_eori = xmlsafe_schema_load(path);
	snprintf(path, sizeof(path), "%s/docs/puesc/xsd/zsog-puesc.xsd", root);
	schema_zsog = xmlsafe_schema_load(path);
	snprintf(path, sizeof(path), "%s/docs/puesc/puesc.wsdl", root);
	if (!schema_eori || !schema_zsog || load_wsdl(path) < 0)
		return -1;
	return wsse_init();
}

int soap_fault(struct soap *s, const char *code, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	s->fault_code = code;
	s->fault_msg = arena_strdup(&s->r->arena, msg);
	return -1;
}

/* The SOAP fault code: VersionMismatch for a root that is no Envelope of a
 * version we speak (both versions name it so), else ours or the sender's. */
static const char *fault_kind(const struct soap *s, const char *ours,
			      const char *theirs)
{
	if (s->fault_code && strcmp(s->fault_code, "VERSION_MISMATCH") == 0)
		return "VersionMismatch";
	return s->fault_server ? ours : theirs;
}

int soap_server_fault(struct soap *s, const char *what)
{
	log_err("puesc %s: %s failed", s->opname ? s->opname : "-", what);
	s->fault_server = 1;
	return soap_fault(
		s, "INTERNAL",
		"The service could not process the message; try again later");
}

xmlNodePtr soap_child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr c;

	for (c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

const char *soap_text(struct soap *s, xmlNodePtr parent, const char *name)
{
	xmlNodePtr c = soap_child(parent, name);

	return c ? soap_trim(s, c) : NULL;
}

const char *soap_trim(struct soap *s, xmlNodePtr node)
{
	const char *t = xmlsafe_text(&s->r->arena, node);
	size_t n;

	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
		t++;
	n = strlen(t);
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n' ||
		     t[n - 1] == '\r'))
		n--;
	return arena_strndup(&s->r->arena, t, n);
}

void soap_elem(struct buf *b, const char *name, const char *text)
{
	if (!text)
		return;
	buf_printf(b, "<%s>", name);
	xmlsafe_escape(b, text);
	buf_printf(b, "</%s>", name);
}

void soap_elem_int(struct buf *b, const char *name, long long v)
{
	buf_printf(b, "<%s>%lld</%s>", name, v, name);
}

void soap_hdf_elems(struct buf *b, HDF *hdf, const char *prefix,
		    const char *const *keys)
{
	char k[256];

	for (; *keys; keys += 2) {
		snprintf(k, sizeof(k), "%s.%s", prefix, keys[1]);
		soap_elem(b, keys[0], hdf_get_value(hdf, k, NULL));
	}
}

void soap_receipt(struct soap *s, struct buf *b)
{
	char when[32];
	time_t t = (time_t)now_unix();
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_puts(b, "<receipt>");
	soap_elem(b, "number", s->receipt_no);
	soap_elem(b, "messageId", s->message_id);
	soap_elem(b, "receivedAt", when);
	buf_puts(b, "</receipt>");
}

/* The core's safe parse, keeping whitespace: it is part of what the client
 * signed, so the tree must keep it for C14N. */
static xmlDocPtr parse(const char *buf, size_t len, const char **code,
		       char *msg, size_t msgsz)
{
	static const struct xmlsafe_limits lim = {
		.max_depth = MAX_DEPTH,
		.max_nodes = MAX_NODES,
		.keep_blanks = 1,
	};
	enum xmlsafe_err err;
	xmlDocPtr doc = xmlsafe_parse(buf, len, &lim, &err, msg, msgsz);

	switch (err) {
	case XMLSAFE_OK:
		*code = NULL;
		break;
	case XMLSAFE_DOCTYPE:
		*code = "XML_DOCTYPE";
		break;
	case XMLSAFE_LIMIT:
		*code = "XML_LIMIT";
		break;
	default:
		*code = "XML_MALFORMED";
		break;
	}
	return doc;
}

static int is_ns(xmlNodePtr n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, ns) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

/* The request element validated alone, copied into a document of its own
 * (the schemas describe the messages, not the envelope). */
static int validate(struct soap *s, struct xmlsafe_schema *sch)
{
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr c;
	char msg[400];
	int rc = -1;

	if (!d)
		return soap_server_fault(s, "xmlNewDoc");
	c = xmlDocCopyNode(s->op, d, 1);
	if (c) {
		xmlDocSetRootElement(d, c);
		rc = xmlsafe_validate(sch, d, msg, sizeof(msg));
	}
	xmlFreeDoc(d);
	if (rc < 0)
		return soap_fault(s, "SCHEMA",
				  "The message does not match the schema: %s",
				  c ? msg : "copy failed");
	return 0;
}

static const struct soap_op *find_op(xmlNodePtr n)
{
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (is_ns(n, ops[i].ns, ops[i].name))
			return &ops[i];
	return NULL;
}

/* Everything up to the operation's answer in s->out, or a fault. */
static int process(struct soap *s, const char *body, size_t len, int eori_ep)
{
	const struct soap_op *op;
	const char *code;
	char msg[400];
	xmlNodePtr root, hdr = NULL, bd = NULL, c;
	const char *ns;
	int nchild = 0;

	s->doc = parse(body, len, &code, msg, sizeof(msg));
	if (!s->doc)
		return soap_fault(s, code, "%s", msg);
	root = xmlDocGetRootElement(s->doc);
	if (is_ns(root, NS_SOAP12, "Envelope")) {
		s->ver = SOAP12;
		ns = NS_SOAP12;
	} else if (is_ns(root, NS_SOAP11, "Envelope")) {
		ns = NS_SOAP11;
	} else {
		return soap_fault(
			s, "VERSION_MISMATCH",
			"The root element must be a SOAP 1.1 or 1.2 Envelope");
	}
	for (c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!hdr && !bd && is_ns(c, ns, "Header"))
			hdr = c;
		else if (!bd && is_ns(c, ns, "Body"))
			bd = c;
		else
			return soap_fault(
				s, "SOAP_STRUCTURE",
				"The Envelope holds an unexpected element");
	}
	for (c = bd ? bd->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			s->op = c;
			nchild++;
		}
	s->header = hdr;
	s->body = bd;
	if (nchild != 1)
		return soap_fault(
			s, "SOAP_STRUCTURE",
			"The Body must hold exactly one request element");
	op = find_op(s->op);
	s->opname = op ? op->name
		       : arena_strdup(&s->r->arena, (const char *)s->op->name);
	if (!op)
		return soap_fault(s, "UNKNOWN_OPERATION",
				  "No operation %s in this service", s->opname);
	/* validateEORI is public and rate-limited per address on its own
	 * endpoint; everything else is signed and lives at /puesc/ws. */
	if ((op->fn == eori_validate_fn) != eori_ep)
		return soap_fault(s, "ENDPOINT", "Send %s to %s", op->name,
				  eori_ep ? "/puesc/ws" : "/puesc/eori");
	if (op->fn == eori_validate_fn) {
		int n = 0;

		for (c = s->op->children; c; c = c->next)
			n += c->type == XML_ELEMENT_NODE;
		if (n > 10)
			return soap_fault(
				s, "TOO_MANY",
				"At most 10 EORI numbers per request (got %d)",
				n);
	}
	if (validate(s, op->fn == eori_validate_fn ? schema_eori
						   : schema_zsog) < 0)
		return -1;
	/* Known before the signature is checked, so a refusal is archived
	 * under the id the client will look for. */
	if (op->flags & OP_CHANGES)
		s->message_id = soap_text(s, s->op, "messageId");
	if (op->flags & OP_SIGNED) {
		if (!hdr)
			return soap_fault(
				s, "AUTH_SIGNATURE",
				"This operation needs a WS-Security signature");
		if (wsse_verify(s) < 0)
			return -1;
	}
	if (op->flags & OP_CHANGES) {
		idem_new_receipt(s);
		switch (idem_lookup(s)) {
		case 1:
			s->outcome = "replay";
			return 0;
		case 0:
			break;
		default:
			return soap_server_fault(s, "receipt lookup");
		}
	}
	return op->fn(s);
}

static void envelope(struct soap *s, struct buf *b, int fault)
{
	const char *ns = s->ver == SOAP12 ? NS_SOAP12 : NS_SOAP11;

	buf_printf(b,
		   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<soap:Envelope xmlns:soap=\"%s\"><soap:Body>",
		   ns);
	if (!fault) {
		buf_add(b, s->out.p ? s->out.p : "", s->out.len);
	} else if (s->ver == SOAP11) {
		buf_printf(b,
			   "<soap:Fault><faultcode>soap:%s</faultcode>"
			   "<faultstring xml:lang=\"en\">",
			   fault_kind(s, "Server", "Client"));
		xmlsafe_escape(b, s->fault_msg);
		buf_printf(
			b,
			"</faultstring><detail><z:fault xmlns:z=\"%s\">"
			"<z:code>%s</z:code></z:fault></detail></soap:Fault>",
			NS_ZSOG, s->fault_code);
	} else {
		buf_printf(b,
			   "<soap:Fault><soap:Code><soap:Value>soap:%s"
			   "</soap:Value></soap:Code><soap:Reason>"
			   "<soap:Text xml:lang=\"en\">",
			   fault_kind(s, "Receiver", "Sender"));
		xmlsafe_escape(b, s->fault_msg);
		buf_printf(b,
			   "</soap:Text></soap:Reason><soap:Detail>"
			   "<z:fault xmlns:z=\"%s\"><z:code>%s</z:code>"
			   "</z:fault></soap:Detail></soap:Fault>",
			   NS_ZSOG, s->fault_code);
	}
	buf_puts(b, "</soap:Body></soap:Envelope>\n");
}

static int handle(struct req *r, int eori_ep)
{
	struct soap s = { 0 };
	struct buf resp = { 0 };
	const char *body = r->raw_body && r->nf ? r->ffields[0].value : "";
	size_t len = r->raw_body && r->nf ? r->ffields[0].len : 0;
	const char *addr = req_env(r, "REMOTE_ADDR");
	int status, rc;

	s.r = r;
	s.sender = arena_printf(&r->arena, "ip:%s", addr ? addr : "-");
	/* The envelope's namespace decides the version; the media type must
	 * be one of the two SOAP ones. */
	if (r->ctype && strncasecmp(r->ctype, "application/soap+xml", 20) == 0)
		s.ver = SOAP12;
	if (!r->ctype || (strncasecmp(r->ctype, "text/xml", 8) &&
			  strncasecmp(r->ctype, "application/soap+xml", 20)))
		rc = soap_fault(
			&s, "MEDIA_TYPE",
			"Send text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2)");
	else
		rc = process(&s, body, len, eori_ep);
	if (rc < 0 && !s.fault_code)
		soap_server_fault(&s, "operation");
	envelope(&s, &resp, rc < 0);
	if (rc < 0) {
		s.outcome = s.fault_code;
		s.receipt_no[0] = '\0'; /* refused: no receipt */
		status = s.ver == SOAP12 && !s.fault_server ? 400 : 500;
	} else {
		if (!s.outcome)
			s.outcome = "ok";
		status = 200;
	}
	archive_put(&s, body, len, resp.p, resp.len);
	resp_send(r, status,
		  s.ver == SOAP12 ? "application/soap+xml; charset=utf-8"
				  : "text/xml; charset=utf-8",
		  resp.p, resp.len);
	buf_free(&resp);
	buf_free(&s.out);
	if (s.doc)
		xmlFreeDoc(s.doc);
	return 0;
}

int soap_post_fn(struct req *r)
{
	return handle(r, 0);
}

int soap_eori_fn(struct req *r)
{
	return handle(r, 1);
}

int soap_wsdl_fn(struct req *r)
{
	if (!r->query || strcasecmp(r->query, "wsdl") != 0)
		return resp_error(r, 404, "not_found");
	return resp_send(r, 200, "text/xml; charset=utf-8", wsdl, wsdl_len);
}
