/* req.c: parsing one request: query string, urlencoded and multipart bodies,
 * cookies; every text value is checked to be UTF-8 */
#define _GNU_SOURCE
#include "req.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "valid.h"

static int hexdig(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

long req_pct_decode(char *out, const char *in, size_t n, int plus_is_space)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (in[i] == '%') {
			int hi, lo;

			if (i + 2 >= n)
				return -1;
			hi = hexdig((unsigned char)in[i + 1]);
			lo = hexdig((unsigned char)in[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			out[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (in[i] == '+' && plus_is_space) {
			out[o++] = ' ';
		} else {
			out[o++] = in[i];
		}
	}
	out[o] = '\0';
	return (long)o;
}

static enum req_error add_field(struct arena *a, struct field **arr, size_t *n,
				const char *name, size_t nlen,
				const char *value, size_t vlen, int decode,
				const char *filename)
{
	struct field *f;
	char *nb, *vb;
	long nl, vl;

	if (*n >= REQ_MAXFIELDS)
		return REQERR_FIELDS;
	if (!*arr) {
		*arr = arena_alloc(a, sizeof(**arr) * REQ_MAXFIELDS);
		if (!*arr)
			return REQERR_TOO_LARGE;
	}
	nb = arena_alloc(a, nlen + 1);
	vb = arena_alloc(a, vlen + 1);
	if (!nb || !vb)
		return REQERR_TOO_LARGE;
	if (decode) {
		nl = req_pct_decode(nb, name, nlen, 1);
		vl = req_pct_decode(vb, value, vlen, 1);
		if (nl < 0 || vl < 0)
			return REQERR_ENCODING;
	} else {
		memcpy(nb, name, nlen);
		nb[nlen] = '\0';
		memcpy(vb, value, vlen);
		vb[vlen] = '\0';
		nl = (long)nlen;
		vl = (long)vlen;
	}
	if (!valid_utf8(nb, (size_t)nl))
		return REQERR_UTF8;
	/* A file part's content is data, not text: it is checked by whoever
	 * reads it. */
	if (!filename && !valid_utf8(vb, (size_t)vl))
		return REQERR_UTF8;
	f = &(*arr)[(*n)++];
	f->name = nb;
	f->value = vb;
	f->len = (size_t)vl;
	f->filename = filename;
	return REQERR_NONE;
}

enum req_error req_parse_urlencoded(struct arena *a, const char *s, size_t n,
				    struct field **out, size_t *nout)
{
	const char *end = s + n, *p = s;
	enum req_error e;

	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));

		if (stop > p) {
			if (eq)
				e = add_field(a, out, nout, p, (size_t)(eq - p),
					      eq + 1, (size_t)(stop - eq - 1),
					      1, NULL);
			else
				e = add_field(a, out, nout, p,
					      (size_t)(stop - p), "", 0, 1,
					      NULL);
			if (e)
				return e;
		}
		p = stop + 1;
	}
	return REQERR_NONE;
}

/* Value of parameter key (boundary, name, filename) in a header value like
 * ` form-data; name="f"; filename="a;b.pdf"`: a quoted value may hold ';',
 * so the split honours quotes. */
static int header_param(const char *h, size_t hn, const char *key,
			const char **val, size_t *vlen)
{
	size_t kl = strlen(key);
	const char *p = h, *end = h + hn;

	while (p < end) {
		const char *k, *v, *ve;
		size_t klen;

		while (p < end && (*p == ' ' || *p == '\t' || *p == ';'))
			p++;
		k = p;
		while (p < end && *p != '=' && *p != ';')
			p++;
		klen = (size_t)(p - k);
		while (klen && (k[klen - 1] == ' ' || k[klen - 1] == '\t'))
			klen--;
		if (p >= end || *p == ';')
			continue; /* a bare token such as form-data */
		p++;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p < end && *p == '"') {
			v = ++p;
			while (p < end && *p != '"')
				p++;
			if (p >= end)
				return -1; /* unterminated quote */
			ve = p++;
		} else {
			v = p;
			while (p < end && *p != ';')
				p++;
			ve = p;
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
		}
		if (klen == kl && strncasecmp(k, key, kl) == 0) {
			*val = v;
			*vlen = (size_t)(ve - v);
			return 0;
		}
		while (p < end && *p != ';')
			p++;
	}
	return -1;
}

enum req_error req_parse_multipart(struct arena *a, const char *ctype,
				   const char *body, size_t n,
				   struct field **out, size_t *nout)
{
	const char *bnd, *p, *end = body + n;
	char delim[80];
	size_t blen, dlen;
	enum req_error e;

	if (header_param(ctype, strlen(ctype), "boundary", &bnd, &blen) < 0 ||
	    blen == 0 || blen > 70)
		return REQERR_MALFORMED;
	/* A delimiter is CRLF "--" boundary: content may hold "--boundary"
	 * elsewhere. The first one may open the body without the CRLF. */
	dlen = (size_t)snprintf(delim, sizeof(delim), "\r\n--%.*s", (int)blen,
				bnd);
	p = memmem(body, n, delim + 2, dlen - 2);
	if (!p)
		return REQERR_MALFORMED;
	p += dlen - 2;
	for (;;) {
		const char *hdr, *hend, *data, *next, *cd = NULL, *name, *fname;
		size_t cdlen = 0, namelen, fnamelen;

		if ((size_t)(end - p) >= 2 && p[0] == '-' && p[1] == '-')
			return REQERR_NONE; /* closing delimiter */
		if ((size_t)(end - p) < 2 || p[0] != '\r' || p[1] != '\n')
			return REQERR_MALFORMED;
		hdr = p + 2;
		hend = memmem(hdr, (size_t)(end - hdr), "\r\n\r\n", 4);
		if (!hend)
			return REQERR_MALFORMED;
		/* Find Content-Disposition among the part's headers. */
		for (const char *h = hdr; h < hend;) {
			const char *eol = memmem(h, (size_t)(hend + 2 - h),
						 "\r\n", 2);

			if (!eol)
				eol = hend;
			if ((size_t)(eol - h) > 20 &&
			    strncasecmp(h, "Content-Disposition:", 20) == 0) {
				cd = h + 20;
				cdlen = (size_t)(eol - cd);
			}
			h = eol + 2;
		}
		data = hend + 4;
		next = memmem(data, (size_t)(end - data), delim, dlen);
		if (!next)
			return REQERR_MALFORMED;
		if (!cd || header_param(cd, cdlen, "name", &name, &namelen) < 0)
			return REQERR_MALFORMED;
		fname = NULL;
		if (header_param(cd, cdlen, "filename", &fname, &fnamelen) ==
		    0) {
			/* Checked at its full length: a NUL inside must not
			 * hide what follows it. */
			if (!valid_utf8(fname, fnamelen))
				return REQERR_UTF8;
			fname = arena_strndup(a, fname, fnamelen);
		}
		e = add_field(a, out, nout, name, namelen, data,
			      (size_t)(next - data), 0, fname);
		if (e)
			return e;
		p = next + dlen;
	}
}

const char *req_env(struct req *r, const char *name)
{
	return FCGX_GetParam(name, r->fcgi->envp);
}

static enum req_error read_body(struct req *r, size_t max_body, char **body,
				size_t *len)
{
	const char *cl = req_env(r, "CONTENT_LENGTH");
	unsigned long long want;
	char *end;
	int got;

	*body = NULL;
	*len = 0;
	if (!cl || !*cl)
		return REQERR_NONE;
	want = strtoull(cl, &end, 10);
	if (*end)
		return REQERR_MALFORMED;
	if (want > max_body)
		return REQERR_TOO_LARGE;
	*body = arena_alloc(&r->arena, (size_t)want + 1);
	if (!*body)
		return REQERR_TOO_LARGE;
	got = want ? FCGX_GetStr(*body, (int)want, r->fcgi->in) : 0;
	if (got < 0 || (unsigned long long)got != want)
		return REQERR_MALFORMED;
	(*body)[want] = '\0';
	*len = (size_t)want;
	return REQERR_NONE;
}

enum req_error req_parse(struct req *r, size_t max_body)
{
	const char *uri, *q;
	char *path, *body;
	size_t blen;
	long plen;
	enum req_error e;

	r->method = req_env(r, "REQUEST_METHOD");
	if (!r->method)
		r->method = "GET";
	r->ctype = req_env(r, "CONTENT_TYPE");
	r->accept = req_env(r, "HTTP_ACCEPT");
	r->cookie_hdr = req_env(r, "HTTP_COOKIE");
	q = req_env(r, "HTTPS");
	r->secure = q && (strcmp(q, "on") == 0);
	r->want_json = r->accept && strstr(r->accept, "application/json") &&
		       !strstr(r->accept, "text/html");

	/* DOCUMENT_URI is nginx's decoded, normalised path; REQUEST_URI
	 * keeps the raw form, decoded here so "%zz" is refused like nginx
	 * would not. */
	uri = req_env(r, "REQUEST_URI");
	if (!uri)
		uri = "/";
	q = strchr(uri, '?');
	plen = q ? q - uri : (long)strlen(uri);
	path = arena_alloc(&r->arena, (size_t)plen + 1);
	if (!path)
		return REQERR_TOO_LARGE;
	plen = req_pct_decode(path, uri, (size_t)plen, 0);
	if (plen < 0)
		return REQERR_ENCODING;
	if (!valid_utf8(path, (size_t)plen) || memchr(path, '\0', (size_t)plen))
		return REQERR_UTF8;
	r->path = path;
	r->query = q ? q + 1 : "";
	e = req_parse_urlencoded(&r->arena, r->query, strlen(r->query),
				 &r->qfields, &r->nq);
	if (e)
		return e;

	if (strcmp(r->method, "POST") && strcmp(r->method, "PUT") &&
	    strcmp(r->method, "PATCH"))
		return REQERR_NONE;
	e = read_body(r, max_body, &body, &blen);
	if (e || !blen)
		return e;
	/* nginx passes an absent Content-Type as an empty one. */
	if (!r->ctype || !*r->ctype)
		return REQERR_MEDIA;
	if (strncasecmp(r->ctype, "application/x-www-form-urlencoded", 33) == 0)
		return req_parse_urlencoded(&r->arena, body, blen, &r->ffields,
					    &r->nf);
	if (strncasecmp(r->ctype, "multipart/form-data", 19) == 0)
		return req_parse_multipart(&r->arena, r->ctype, body, blen,
					   &r->ffields, &r->nf);
	/* Other bodies (XML for the SOAP and ingest services) are read by
	 * their programs; keep it as one unnamed field. */
	r->raw_body = 1;
	return add_field(&r->arena, &r->ffields, &r->nf, "", 0, body, blen, 0,
			 "");
}

static const char *find(struct field *f, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(f[i].name, name) == 0)
			return f[i].value;
	return NULL;
}

const char *req_query(struct req *r, const char *name)
{
	return find(r->qfields, r->nq, name);
}

const char *req_form(struct req *r, const char *name)
{
	return find(r->ffields, r->nf, name);
}

const struct field *req_form_field(struct req *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		if (strcmp(r->ffields[i].name, name) == 0)
			return &r->ffields[i];
	return NULL;
}

int req_cookie_parse(const char *hdr, const char *name, char *out, size_t outsz)
{
	size_t nl = strlen(name);
	const char *p = hdr;

	while (p && *p) {
		while (*p == ' ' || *p == ';')
			p++;
		if (strncmp(p, name, nl) == 0 && p[nl] == '=') {
			const char *v = p + nl + 1;
			size_t vl = strcspn(v, ";");

			while (vl && v[vl - 1] == ' ')
				vl--;
			if (vl >= outsz)
				return -1;
			memcpy(out, v, vl);
			out[vl] = '\0';
			return 0;
		}
		p = strchr(p, ';');
	}
	return -1;
}

const char *req_cookie(struct req *r, const char *name)
{
	char buf[256];

	if (!r->cookie_hdr ||
	    req_cookie_parse(r->cookie_hdr, name, buf, sizeof(buf)) < 0)
		return NULL;
	return arena_strdup(&r->arena, buf);
}
