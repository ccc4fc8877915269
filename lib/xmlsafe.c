/* xmlsafe.c: parsing untrusted XML from memory with libxml2 safely and
 * validating it against a schema cached per worker */
#define _GNU_SOURCE /* memmem */
#include "xmlsafe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "log.h"

/*
 * The options: never XML_PARSE_NOENT (substitutes entities: XXE, billion
 * laughs), DTDLOAD, DTDATTR, XINCLUDE, or HUGE (lifts the depth and size
 * limits that stop billion laughs). NONET does not cover file://, hence the
 * deny-all loader too; and any DOCTYPE is refused before parsing.
 */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOBLANKS)

struct xmlsafe_schema {
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr vctxt;
	char msg[512]; /* the first error of the current run */
};

static xmlParserInputPtr deny_loader(const char *url, const char *id,
				     xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* libxml2 prints every error to stderr by default; we report the first
 * one to the client and keep the log for our own lines. */
static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void xmlsafe_init(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_loader);
	xmlSetGenericErrorFunc(NULL, silent);
}

/* The message without its trailing newline, with the line it was on. */
static void copy_error(const xmlError *e, char *msg, size_t msgsz,
		       const char *fallback)
{
	size_t n;

	if (!msgsz)
		return;
	if (!e || !e->message) {
		snprintf(msg, msgsz, "%s", fallback);
		return;
	}
	if (e->line > 0)
		snprintf(msg, msgsz, "line %d: %s", e->line, e->message);
	else
		snprintf(msg, msgsz, "%s", e->message);
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
}

/* Walks the tree without recursion: depth and node count. */
static int within_limits(xmlDocPtr doc, int max_depth, long max_nodes)
{
	xmlNodePtr n = xmlDocGetRootElement(doc);
	long count = 0;
	int depth = 1;

	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			for (xmlAttrPtr a = n->properties; a; a = a->next)
				count++;
		}
		if (++count > max_nodes || depth > max_depth)
			return 0;
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			depth++;
			continue;
		}
		while (n && !n->next) {
			n = n->parent;
			depth--;
			if (!n || n->type == XML_DOCUMENT_NODE)
				return 1;
		}
		if (n)
			n = n->next;
	}
	return 1;
}

xmlDocPtr xmlsafe_parse(const char *buf, size_t len,
			const struct xmlsafe_limits *lim, enum xmlsafe_err *err,
			char *msg, size_t msgsz)
{
	int max_depth = lim && lim->max_depth ? lim->max_depth : 32;
	long max_nodes = lim && lim->max_nodes ? lim->max_nodes : 200000;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	xmlsafe_init();
	if (msgsz)
		msg[0] = '\0';
	if (!buf || !len) {
		*err = XMLSAFE_EMPTY;
		snprintf(msg, msgsz, "empty body");
		return NULL;
	}
	if (len > 0x7fffffff) {
		*err = XMLSAFE_LIMIT;
		snprintf(msg, msgsz, "body too large");
		return NULL;
	}
	/* Nothing we accept has a DTD (SOAP forbids them too): refusing the
	 * declaration closes entity tricks whatever libxml2 would do. */
	if (memmem(buf, len, "<!DOCTYPE", 9) ||
	    memmem(buf, len, "<!ENTITY", 8)) {
		*err = XMLSAFE_DOCTYPE;
		snprintf(msg, msgsz, "a DOCTYPE is not allowed");
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		*err = XMLSAFE_INTERNAL;
		snprintf(msg, msgsz, "out of memory");
		return NULL;
	}
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, "body.xml", NULL,
				lim && lim->keep_blanks
					? PARSE_OPTIONS & ~XML_PARSE_NOBLANKS
					: PARSE_OPTIONS);
	if (!doc || !ctxt->wellFormed) {
		copy_error(xmlCtxtGetLastError(ctxt), msg, msgsz,
			   "not well-formed XML");
		*err = XMLSAFE_MALFORMED;
		goto fail;
	}
	if (doc->intSubset || doc->extSubset) {
		*err = XMLSAFE_DOCTYPE;
		snprintf(msg, msgsz, "a DOCTYPE is not allowed");
		goto fail;
	}
	if (!xmlDocGetRootElement(doc)) {
		*err = XMLSAFE_MALFORMED;
		snprintf(msg, msgsz, "no root element");
		goto fail;
	}
	if (!within_limits(doc, max_depth, max_nodes)) {
		*err = XMLSAFE_LIMIT;
		snprintf(
			msg, msgsz,
			"document too deep (over %d) or too large (over %ld nodes)",
			max_depth, max_nodes);
		goto fail;
	}
	xmlFreeParserCtxt(ctxt);
	*err = XMLSAFE_OK;
	return doc;
fail:
	if (doc)
		xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return NULL;
}

static void schema_error(void *ctx, xmlErrorPtr e)
{
	struct xmlsafe_schema *s = ctx;

	if (!s->msg[0])
		copy_error(e, s->msg, sizeof(s->msg), "not valid");
}

struct xmlsafe_schema *xmlsafe_schema_load(const char *path)
{
	struct xmlsafe_schema *s = NULL;
	xmlSchemaParserCtxtPtr pctxt = NULL;
	struct buf text = { 0 };
	char chunk[8192];
	size_t n;
	FILE *f;

	xmlsafe_init();
	f = fopen(path, "rb");
	if (!f) {
		log_err("schema %s: cannot open", path);
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_add(&text, chunk, n) < 0)
			break;
	fclose(f);
	s = calloc(1, sizeof(*s));
	if (!s || !text.len)
		goto fail;
	pctxt = xmlSchemaNewMemParserCtxt(text.p, (int)text.len);
	if (!pctxt)
		goto fail;
	xmlSchemaSetParserStructuredErrors(pctxt, schema_error, s);
	s->schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	if (!s->schema) {
		log_err("schema %s: %s", path, s->msg);
		goto fail;
	}
	s->vctxt = xmlSchemaNewValidCtxt(s->schema);
	if (!s->vctxt)
		goto fail;
	xmlSchemaSetValidStructuredErrors(s->vctxt, schema_error, s);
	buf_free(&text);
	return s;
fail:
	buf_free(&text);
	xmlsafe_schema_free(s);
	return NULL;
}

void xmlsafe_schema_free(struct xmlsafe_schema *s)
{
	if (!s)
		return;
	if (s->vctxt)
		xmlSchemaFreeValidCtxt(s->vctxt);
	if (s->schema)
		xmlSchemaFree(s->schema);
	free(s);
}

int xmlsafe_validate(struct xmlsafe_schema *s, xmlDocPtr doc, char *msg,
		     size_t msgsz)
{
	int rc;

	s->msg[0] = '\0';
	rc = xmlSchemaValidateDoc(s->vctxt, doc);
	if (rc == 0)
		return 0;
	snprintf(msg, msgsz, "%s", s->msg[0] ? s->msg : "not valid");
	return -1;
}

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if none. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned cp;
	size_t len, i;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = p[0] & 0x0f;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4;
		cp = p[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
	    (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff)
		return 0;
	return len;
}

int xmlsafe_escape(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), l;
	int rc = 0;

	while (*p) {
		switch (*p) {
		case '&':
			rc |= buf_puts(b, "&amp;");
			p++;
			n--;
			continue;
		case '<':
			rc |= buf_puts(b, "&lt;");
			p++;
			n--;
			continue;
		case '>':
			rc |= buf_puts(b, "&gt;");
			p++;
			n--;
			continue;
		case '"':
			rc |= buf_puts(b, "&quot;");
			p++;
			n--;
			continue;
		case '\'':
			rc |= buf_puts(b, "&apos;");
			p++;
			n--;
			continue;
		default:
			break;
		}
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
			rc |= buf_puts(b, "?");
			p++;
			n--;
			continue;
		}
		l = utf8_len(p, n);
		if (!l) {
			rc |= buf_puts(b, "?");
			l = 1;
		} else {
			rc |= buf_add(b, (const char *)p, l);
		}
		p += l;
		n -= l;
	}
	return rc ? -1 : 0;
}

const char *xmlsafe_attr(struct arena *a, xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);
	char *out;

	if (!v)
		return NULL;
	out = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return out;
}

const char *xmlsafe_text(struct arena *a, xmlNodePtr node)
{
	xmlChar *v = xmlNodeGetContent(node);
	char *out;

	if (!v)
		return "";
	out = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return out;
}
