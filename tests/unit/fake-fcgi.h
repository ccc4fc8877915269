/* fake-fcgi.h: an in-memory FastCGI request for unit tests: params, a body
 * to read and a buffer that collects what the core writes */
#ifndef ZSOG_FAKE_FCGI_H
#define ZSOG_FAKE_FCGI_H

#include <fcgiapp.h>
#include <string.h>

#include "req.h"
#include "util.h"

struct fake_fcgi {
	FCGX_Request fr;
	FCGX_Stream in, out;
	unsigned char obuf[512]; /* small: PutStr must flush and go on */
	struct buf sent;
	char *env[32];
	int nenv;
};

/* The body is all there is: the stream closes at its end. */
static inline void fake_fill(FCGX_Stream *s)
{
	s->isClosed = 1;
}

static inline void fake_flush(FCGX_Stream *s, int doclose)
{
	struct fake_fcgi *f = s->data;

	(void)doclose;
	buf_add(&f->sent, (const char *)f->obuf, (size_t)(s->wrNext - f->obuf));
	s->wrNext = f->obuf;
}

/* env: "NAME=value" strings, NULL-ended; body may hold NULs. */
static inline void fake_init(struct fake_fcgi *f, const char *const *env,
			     const char *body, size_t blen)
{
	memset(f, 0, sizeof(*f));
	for (; env && *env && f->nenv < 31; env++)
		f->env[f->nenv++] = (char *)*env;
	f->env[f->nenv] = NULL;
	f->in.rdNext = f->in.stopUnget = (unsigned char *)body;
	f->in.stop = (unsigned char *)body + blen;
	f->in.wrNext = f->in.stop;
	f->in.isReader = 1;
	f->in.fillBuffProc = fake_fill;
	f->in.data = f;
	f->out.wrNext = f->obuf;
	f->out.rdNext = f->out.stop = f->obuf + sizeof(f->obuf);
	f->out.emptyBuffProc = fake_flush;
	f->out.data = f;
	f->fr.in = &f->in;
	f->fr.out = &f->out;
	f->fr.envp = f->env;
}

/* What was written so far, NUL-terminated. */
static inline const char *fake_output(struct fake_fcgi *f)
{
	fake_flush(&f->out, 0);
	return f->sent.p ? f->sent.p : "";
}

static inline void fake_free(struct fake_fcgi *f)
{
	buf_free(&f->sent);
}

#endif
