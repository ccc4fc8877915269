/* pdfcheck.c: is an uploaded file a PDF we may keep and hand to others?
 *
 * No PDF parser: the bytes are read as PDF's lexer sees names ("/Name",
 * "#xx" escapes decoded, so "/J#61vaScript" is "/JavaScript"). Refused:
 * - names that make a document act when opened or clicked (JavaScript,
 *   launch actions, embedded files, rich media, XFA forms, form
 *   submission and import) anywhere in its object syntax, which is either
 *   outside streams or inside a compressed object stream (/ObjStm);
 * - what we cannot look into: an encrypted file, a stream compressed by
 *   anything but FlateDecode (or an image codec), a file that inflates to
 *   more than PDF_INFLATE_MAX.
 * Streams that may hold object syntax (object streams and every stream
 * that is not an image, a font or a cross-reference table) are inflated
 * with zlib, repeatedly for a chain of FlateDecode filters, and scanned
 * again. Short names (/JS, /XFA) are looked for only outside binary
 * stream data, where they cannot appear by chance; the long ones also in
 * the raw bytes of every stream, so an object hidden where a lenient
 * reader would still find it is refused too. */
#define _GNU_SOURCE /* memmem */
#include "pdfcheck.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Names that make the document do something. */
static const char *const active[] = {
	"JavaScript",	 "JS",	      "Launch", "EmbeddedFile",
	"EmbeddedFiles", "RichMedia", "XFA",	"SubmitForm",
	"ImportData",	 "GoToE",     NULL,
};
/* Filters whose output we do not decode (image codecs need not be: their
 * data is never object syntax). */
static const char *const opaque_filters[] = {
	"LZWDecode",	 "LZW", "ASCIIHexDecode",  "AHx",
	"ASCII85Decode", "A85", "RunLengthDecode", "RL",
	"Crypt",	 NULL,
};

struct scan {
	size_t budget; /* inflated bytes still allowed */
	const char *why;
};

static int delim(unsigned char c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
	       c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' ||
	       c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
	       c == '%';
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The name after a '/' at p, decoded into out ("" when longer than out
 * holds: no name we look for is that long); returns the bytes read. */
static size_t name_at(const unsigned char *p, const unsigned char *end,
		      char *out, size_t outsz)
{
	const unsigned char *s = p;
	size_t n = 0;
	int too_long = 0;

	while (p < end && !delim(*p)) {
		int c = *p++;

		if (c == '#' && end - p >= 2 && hexval(p[0]) >= 0 &&
		    hexval(p[1]) >= 0) {
			c = hexval(p[0]) * 16 + hexval(p[1]);
			p += 2;
		}
		if (n + 1 < outsz)
			out[n++] = (char)c;
		else
			too_long = 1;
	}
	out[too_long ? 0 : n] = '\0';
	return (size_t)(p - s);
}

static const char *in_list(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return *list;
	return NULL;
}

/* What the dictionary before a stream says about its data. */
struct dict {
	int objstm, binary;
	const char *opaque;
};

static void judge_dict(const unsigned char *p, const unsigned char *end,
		       struct dict *d)
{
	char name[64];

	memset(d, 0, sizeof(*d));
	for (; p < end; p++) {
		const char *f;

		if (*p != '/')
			continue;
		p += name_at(p + 1, end, name, sizeof(name));
		if (strcmp(name, "ObjStm") == 0)
			d->objstm = 1;
		else if (strcmp(name, "Image") == 0 ||
			 strcmp(name, "XRef") == 0 ||
			 strcmp(name, "Length1") == 0 ||
			 strcmp(name, "Length2") == 0 ||
			 strcmp(name, "FontFile") == 0)
			d->binary = 1;
		else if ((f = in_list(opaque_filters, name)))
			d->opaque = f;
	}
}

/* Inflates p[0..n) into *out (malloc'd), within s->budget: 1 inflated
 * (*out, *outn), 0 not zlib data, -1 over the budget or out of memory. */
static int inflate_all(const unsigned char *p, size_t n, struct scan *s,
		       unsigned char **out, size_t *outn)
{
	z_stream z;
	unsigned char *buf = NULL;
	size_t cap = 0, len = 0;
	int rc, ok = 0;

	*out = NULL;
	*outn = 0;
	/* A zlib header: deflate, window ≤ 32K, check bits right. */
	if (n < 2 || (p[0] & 0x0f) != 8 || (p[0] >> 4) > 7 ||
	    ((p[0] << 8) | p[1]) % 31 != 0)
		return 0;
	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return -1;
	z.next_in = (unsigned char *)p;
	z.avail_in = n > 0x7fffffff ? 0x7fffffff : (unsigned)n;
	for (;;) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 65536;
			unsigned char *nb;

			if (ncap > s->budget + 1)
				ncap = s->budget + 1;
			if (ncap <= len) {
				s->why = "inflate";
				goto out; /* over the budget */
			}
			nb = realloc(buf, ncap);
			if (!nb)
				goto out;
			buf = nb;
			cap = ncap;
		}
		z.next_out = buf + len;
		z.avail_out = (unsigned)(cap - len);
		rc = inflate(&z, Z_NO_FLUSH);
		len = cap - z.avail_out;
		if (rc == Z_STREAM_END)
			break;
		/* Broken data: what came out is looked at, like a lenient
		 * reader would show it. */
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			break;
		if (rc == Z_BUF_ERROR && z.avail_in == 0)
			break;
	}
	ok = 1;
out:
	inflateEnd(&z);
	if (!ok) {
		free(buf);
		return -1;
	}
	if (len > s->budget) {
		free(buf);
		s->why = "inflate";
		return -1;
	}
	s->budget -= len;
	*out = buf;
	*outn = len;
	return 1;
}

static enum pdf_verdict scan_names(const unsigned char *p, size_t n,
				   struct scan *s, int objects_only);

/* A stream's data at p (its dictionary before it, from dstart): inflated
 * and scanned when it may hold object syntax. */
static enum pdf_verdict scan_stream(const unsigned char *dstart,
				    const unsigned char *p,
				    const unsigned char *end, struct scan *s)
{
	struct dict d;
	unsigned char *cur = NULL;
	size_t curn = 0;
	enum pdf_verdict v = PDF_OK;
	int rounds;

	judge_dict(dstart, p, &d);
	if (d.opaque) {
		s->why = d.opaque;
		return PDF_OPAQUE;
	}
	if (d.binary && !d.objstm)
		return PDF_OK;
	/* A chain of FlateDecode filters inflates again and again. */
	for (rounds = 0; rounds < 4; rounds++) {
		unsigned char *next;
		size_t nextn;
		int rc = rounds ? inflate_all(cur, curn, s, &next, &nextn)
				: inflate_all(p, (size_t)(end - p), s, &next,
					      &nextn);

		if (rc < 0) {
			free(cur);
			if (!s->why)
				s->why = "inflate";
			return PDF_OPAQUE;
		}
		if (rc == 0)
			break;
		free(cur);
		cur = next;
		curn = nextn;
		v = scan_names(cur, curn, s, 1);
		if (v != PDF_OK)
			break;
	}
	free(cur);
	return v;
}

static int keyword(const unsigned char *p, const unsigned char *start,
		   const unsigned char *end, const char *kw)
{
	size_t k = strlen(kw);

	return (size_t)(end - p) >= k && memcmp(p, kw, k) == 0 &&
	       (p == start || delim(p[-1])) &&
	       ((size_t)(end - p) == k || delim(p[k]));
}

/* Names in p[0..n). objects_only: inflated data, scanned whole; else the
 * file, whose stream bodies are skipped (and inflated when they may hold
 * objects). */
static enum pdf_verdict scan_names(const unsigned char *p, size_t n,
				   struct scan *s, int objects_only)
{
	const unsigned char *end = p + n, *q = p, *dstart = p;
	char name[64];

	while (q < end) {
		if (*q == '/') {
			const char *hit;

			q += 1 + name_at(q + 1, end, name, sizeof(name));
			if ((hit = in_list(active, name))) {
				s->why = hit;
				return PDF_ACTIVE;
			}
			if (strcmp(name, "Encrypt") == 0) {
				s->why = "Encrypt";
				return PDF_OPAQUE;
			}
			continue;
		}
		if (!objects_only && *q == 's' &&
		    keyword(q, p, end, "stream")) {
			const unsigned char *data = q + 6, *e;
			enum pdf_verdict v;

			if (data < end && *data == '\r')
				data++;
			if (data < end && *data == '\n')
				data++;
			if (dstart < q - 4096)
				dstart = q - 4096;
			v = scan_stream(dstart, data, end, s);
			if (v != PDF_OK)
				return v;
			e = memmem(data, (size_t)(end - data), "endstream", 9);
			q = e ? e + 9 : end;
			dstart = q;
			continue;
		}
		q++;
	}
	return PDF_OK;
}

/* The long names in every byte, stream data included: by chance they do
 * not occur there, by design they could. */
static enum pdf_verdict sweep(const unsigned char *p, size_t n, struct scan *s)
{
	const unsigned char *end = p + n, *q;
	char name[64];

	for (q = p; (q = memchr(q, '/', (size_t)(end - q)));) {
		const char *hit;

		q += 1 + name_at(q + 1, end, name, sizeof(name));
		if (strlen(name) >= 6 && (hit = in_list(active, name))) {
			s->why = hit;
			return PDF_ACTIVE;
		}
	}
	return PDF_OK;
}

enum pdf_verdict pdf_check(const void *data, size_t n, size_t max,
			   const char **why)
{
	const unsigned char *p = data;
	struct scan s = { PDF_INFLATE_MAX, NULL };
	enum pdf_verdict v;

	if (why)
		*why = NULL;
	if (n > max)
		return PDF_TOO_LARGE;
	/* "%PDF-1.7": the magic and a version, at the very start. */
	if (n < 8 || memcmp(p, "%PDF-", 5) != 0 || p[5] < '1' || p[5] > '9' ||
	    p[6] != '.' || p[7] < '0' || p[7] > '9')
		return PDF_NOT_PDF;
	v = scan_names(p, n, &s, 0);
	if (v == PDF_OK)
		v = sweep(p, n, &s);
	if (why)
		*why = s.why;
	return v;
}
