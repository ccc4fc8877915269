/* form.h: every accepted field declared once with its validator; handlers
 * read only values that passed */
#ifndef ZSOG_FORM_H
#define ZSOG_FORM_H

#include <stddef.h>

#include "req.h"

enum param_flag {
	P_REQUIRED = 1 << 0,
	P_SECRET = 1 << 1,    /* never echoed back into the form */
	P_QUERY = 1 << 2,     /* read from the query string, not the body */
	P_RAW = 1 << 3,	      /* keep surrounding spaces and newlines */
	P_MULTILINE = 1 << 4, /* allow newlines (textareas) */
};

struct param {
	const char *name;
	unsigned flags;
	size_t maxlen; /* in characters */
	/* Optional: rewrite the value before the check (strip spaces,
	 * upper-case); returns the new length or 0 when it cannot. */
	size_t (*norm)(const char *in, char *out, size_t outsz);
	int (*check)(const char *v); /* optional: 1 valid */
	const char *err; /* message key under L.err when check fails */
};

/* Validates n declared params into out[] (NULL when absent and optional)
 * and echoes them to Form.<name> (Form.<name>.Error on failure). Returns
 * the number of invalid fields. */
int form_read(struct req *r, const struct param *p, size_t n, const char **out);

#endif
