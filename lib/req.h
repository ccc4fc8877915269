/* req.h: one HTTP request as a FastCGI worker sees it */
#ifndef ZSOG_REQ_H
#define ZSOG_REQ_H

#include <ClearSilver.h>
#include <fcgiapp.h>

#include "util.h"

struct route;
struct service;

/* A query, form or multipart field; value is NUL-terminated and len long
 * (a file part may hold NULs, text fields never do). */
struct field {
	const char *name;
	const char *value;
	size_t len;
	const char *filename; /* multipart file parts only */
};

struct session_kind;

struct session {
	const struct session_kind *kind; /* NULL: nobody signed in */
	long long id;			 /* session row */
	long long account_id;
	char token[65]; /* the cookie value: keys the CSRF token */
	char name[160];
	char email[256];
	unsigned roles;	   /* bits named by kind->roles */
	long long unit_id; /* the account's unit, if its kind has units */
	int national;	   /* that unit is the top of its hierarchy: it
				 * sees what is no one unit's */
};

#define REQ_MAXFIELDS 256
#define REQ_MAXARGS 4

struct req {
	FCGX_Request *fcgi;
	const struct service *svc;
	struct arena arena;
	HDF *hdf;    /* the view model */
	char id[17]; /* request id, also in every log line */

	const char *method;
	const char *path; /* decoded, no query */
	const char *query;
	const char *ctype;
	const char *accept;
	int secure;	  /* reached over TLS */
	const char *lang; /* "pl" or "en" */
	int lang_chosen;  /* from ?lang= or its cookie: the person chose
				 * it (the layout's switch), not the browser */

	struct field *qfields; /* query string */
	size_t nq;
	struct field *ffields; /* urlencoded or multipart body */
	size_t nf;
	int raw_body; /* another type: ffields[0] holds it, unnamed */
	const char *cookie_hdr;
	const char *args[REQ_MAXARGS];	/* the route's ":x" and "#x" segments */
	long long arg_ids[REQ_MAXARGS]; /* "#x": the id (route_arg_id) */
	int nargs;

	const struct route *route;
	struct session sess;

	int status;
	struct buf headers;
	int sent;
	int want_json;
};

/* Parse errors a request can carry, each with its status. */
enum req_error {
	REQERR_NONE,
	REQERR_ENCODING,  /* 400: broken percent-encoding */
	REQERR_UTF8,	  /* 400: not UTF-8 */
	REQERR_FIELDS,	  /* 400: too many fields */
	REQERR_TOO_LARGE, /* 413 */
	REQERR_MEDIA,	  /* 415: a body we do not read */
	REQERR_MALFORMED, /* 400: malformed multipart */
};

/* Reads params, query and body; returns the first error found. */
enum req_error req_parse(struct req *r, size_t max_body);

/* Parses application/x-www-form-urlencoded text into fields, appending
 * to *out[0..*nout): start with *out = NULL and *nout = 0. */
enum req_error req_parse_urlencoded(struct arena *a, const char *s, size_t n,
				    struct field **out, size_t *nout);
enum req_error req_parse_multipart(struct arena *a, const char *ctype,
				   const char *body, size_t n,
				   struct field **out, size_t *nout);
/* Percent-decodes in place semantics: returns length or -1. */
long req_pct_decode(char *out, const char *in, size_t n, int plus_is_space);

const char *req_env(struct req *r, const char *name);
const char *req_query(struct req *r, const char *name);
const char *req_form(struct req *r, const char *name);
const struct field *req_form_field(struct req *r, const char *name);
const char *req_cookie(struct req *r, const char *name);
/* Finds cookie name in a Cookie header; copies its value to out. */
int req_cookie_parse(const char *hdr, const char *name, char *out,
		     size_t outsz);

#endif
