/* resp.c: building the response: status, headers, cookies, redirects and
 * the error page */
#include "resp.h"

#include <stdio.h>
#include <string.h>

#include "epoch.h"
#include "log.h"
#include "route.h"
#include "view.h"

const char *resp_reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 201:
		return "Created";
	case 204:
		return "No Content";
	case 303:
		return "See Other";
	case 304:
		return "Not Modified";
	case 400:
		return "Bad Request";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 409:
		return "Conflict";
	case 413:
		return "Payload Too Large";
	case 415:
		return "Unsupported Media Type";
	case 422:
		return "Unprocessable Content";
	case 429:
		return "Too Many Requests";
	case 500:
		return "Internal Server Error";
	case 503:
		return "Service Unavailable";
	default:
		return "Unknown";
	}
}

void resp_header(struct req *r, const char *name, const char *value)
{
	/* Header values never come from raw input with line breaks: callers
	 * pass fixed strings or validated values; refuse CR/LF anyway. */
	if (strpbrk(value, "\r\n") || strpbrk(name, "\r\n:")) {
		log_err("refused header %s with a line break", name);
		return;
	}
	buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

void resp_cookie(struct req *r, const char *name, const char *value,
		 const char *path, long max_age)
{
	char age[48] = "";

	if (max_age >= 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", max_age);
	if (strpbrk(value, "\r\n;, ")) {
		log_err("refused cookie %s with a separator", name);
		return;
	}
	buf_printf(&r->headers,
		   "Set-Cookie: %s=%s; Path=%s%s; HttpOnly; SameSite=Lax%s\r\n",
		   name, value, path, age, r->secure ? "; Secure" : "");
}

int resp_send_pieces(struct req *r, int status, const char *ctype,
		     const struct resp_piece *p, size_t n)
{
	char head[256];
	size_t len = 0, i;
	int k;

	if (r->sent) {
		log_err("response sent twice (status %d)", status);
		return -1;
	}
	r->sent = 1;
	r->status = status;
	/* Before the first byte: once the user holds the answer, no worker
	 * of any program may still serve a copy of what this request did. */
	if (r->svc && r->svc->write_epochs && strcmp(r->method, "GET") != 0 &&
	    strcmp(r->method, "HEAD") != 0)
		epoch_bump_mask(r->svc->write_epochs);
	for (i = 0; i < n; i++)
		len += p[i].len;
	k = snprintf(head, sizeof(head),
		     "Status: %d %s\r\nContent-Type: %s\r\n"
		     "Content-Length: %zu\r\n",
		     status, resp_reason(status), ctype, len);
	FCGX_PutStr(head, k, r->fcgi->out);
	if (!strstr(r->headers.p ? r->headers.p : "", "Cache-Control:"))
		FCGX_PutS("Cache-Control: no-store\r\n", r->fcgi->out);
	if (r->headers.len)
		FCGX_PutStr(r->headers.p, (int)r->headers.len, r->fcgi->out);
	FCGX_PutS("\r\n", r->fcgi->out);
	if (strcmp(r->method, "HEAD") != 0)
		for (i = 0; i < n; i++)
			if (p[i].len)
				FCGX_PutStr(p[i].p, (int)p[i].len,
					    r->fcgi->out);
	return 0;
}

int resp_send(struct req *r, int status, const char *ctype, const char *body,
	      size_t len)
{
	return resp_send_pieces(r, status, ctype,
				&(struct resp_piece){ body, len }, 1);
}

int resp_safe_next(const char *next)
{
	/* Only "/x..." — not "//host", not "/\host", no scheme, no controls. */
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\')
		return 0;
	for (const char *p = next; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '\\')
			return 0;
	return 1;
}

int resp_redirect(struct req *r, const char *location)
{
	resp_header(r, "Location", location);
	return resp_send(r, 303, "text/plain; charset=utf-8", "", 0);
}

int resp_csv(struct req *r, struct buf *b, const char *filename)
{
	int rc;

	resp_header(r, "Content-Disposition",
		    arena_printf(&r->arena, "attachment; filename=\"%s\"",
				 filename));
	rc = resp_send(r, 200, "text/csv; charset=utf-8", b->p ? b->p : "",
		       b->len);
	buf_free(b);
	return rc;
}

int resp_error(struct req *r, int status, const char *msgkey)
{
	char key[96];

	snprintf(key, sizeof(key), "err.%s", msgkey);
	hdf_set_int_value(r->hdf, "Page.Status", status);
	hdf_set_value(r->hdf, "Page.StatusText", resp_reason(status));
	hdf_set_value(r->hdf, "Page.Error", view_text(r, key));
	hdf_set_value(r->hdf, "Page.ErrorCode", msgkey);
	return view_render(r, status, "error.cs");
}
