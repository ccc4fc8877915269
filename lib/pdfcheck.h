/* pdfcheck.h: is an uploaded file a PDF we may keep and hand to others?
 * Magic bytes, size, and no active content (scripts, launch actions,
 * embedded files), looked for in the raw bytes and inside every stream
 * zlib can inflate (docs/ecustomer.md, "Power of attorney") */
#ifndef ZSOG_PDFCHECK_H
#define ZSOG_PDFCHECK_H

#include <stddef.h>

enum pdf_verdict {
	PDF_OK,
	PDF_NOT_PDF,   /* does not start with "%PDF-" and a version */
	PDF_TOO_LARGE, /* more than max bytes */
	PDF_ACTIVE,    /* a script, launch, embedded file or form action */
	PDF_OPAQUE,    /* encrypted, or a stream we cannot look into */
};

/* The largest total of inflated stream bytes looked at: a file that
 * inflates to more (a zip bomb, or a huge scan) is PDF_OPAQUE. */
#define PDF_INFLATE_MAX (64u << 20)

/* Judges p[0..n) against max bytes. When the verdict is PDF_ACTIVE or
 * PDF_OPAQUE, *why (if not NULL) names what was found ("/JavaScript",
 * "/Encrypt", "/LZWDecode", "inflate"), a static string. */
enum pdf_verdict pdf_check(const void *p, size_t n, size_t max,
			   const char **why);

#endif
