/* xmlsafe.h: parsing untrusted XML from memory with libxml2 safely (no DTDs,
 * no entities, no network or file access, depth and size limits) and
 * validating it against a schema loaded once per worker */
#ifndef ZSOG_XMLSAFE_H
#define ZSOG_XMLSAFE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "util.h"

/* Limits a caller may tighten; zero means the default. */
struct xmlsafe_limits {
	int max_depth;	/* element nesting, default 32 */
	long max_nodes; /* elements + attributes + text, default 200000 */
	/* Keep whitespace-only text: a signed document (XML Signature, C14N)
	 * must reach the verifier as the signer wrote it. */
	int keep_blanks;
};

enum xmlsafe_err {
	XMLSAFE_OK,
	XMLSAFE_EMPTY,	   /* no body */
	XMLSAFE_DOCTYPE,   /* a DTD of any kind: refused outright */
	XMLSAFE_MALFORMED, /* not well-formed (includes bad UTF-8) */
	XMLSAFE_LIMIT,	   /* too deep or too many nodes */
	XMLSAFE_SCHEMA,	   /* well-formed but not valid */
	XMLSAFE_INTERNAL,
};

/* Installs the deny-all external entity loader and silences libxml2's
 * printing to stderr. Call once per process before parsing (idempotent). */
void xmlsafe_init(void);

/*
 * Parses len bytes at buf. On success returns the document (free it with
 * xmlFreeDoc) and sets *err to XMLSAFE_OK; otherwise NULL, *err and a
 * one-line message in msg (libxml2's own, with the line number).
 */
xmlDocPtr xmlsafe_parse(const char *buf, size_t len,
			const struct xmlsafe_limits *lim, enum xmlsafe_err *err,
			char *msg, size_t msgsz);

struct xmlsafe_schema;

/* Loads an XSD from a file (read into memory: the deny-all loader refuses
 * every other way in). NULL on failure, logged. */
struct xmlsafe_schema *xmlsafe_schema_load(const char *path);
void xmlsafe_schema_free(struct xmlsafe_schema *s);
/* 0 valid; -1 invalid with the first error in msg. Reuses one validation
 * context per schema (a worker is single-threaded). */
int xmlsafe_validate(struct xmlsafe_schema *s, xmlDocPtr doc, char *msg,
		     size_t msgsz);

/* Appends s to b with & < > " ' escaped (text or attribute value); bytes
 * that are not valid in XML 1.0 become '?'. */
int xmlsafe_escape(struct buf *b, const char *s);

/* Attribute value of node as a NUL-terminated string in arena a, or NULL
 * when absent. */
const char *xmlsafe_attr(struct arena *a, xmlNodePtr node, const char *name);
/* The text content of node in arena a ("" when empty). */
const char *xmlsafe_text(struct arena *a, xmlNodePtr node);

#endif
