/* ui-exchange.c: POST /exchange/import (a partner's signed XML file) and
 * the schemas it and the export follow */
#include "exchange_ui.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "exchange.h"
#include "resp.h"
#include "xmlsafe.h"

#define XML_CT "application/xml; charset=utf-8"
#define NS "urn:zsog:risk-exchange:1"

static struct buf xsd_import, xsd_export;

/* The schemas served are the very files validation uses: docs/schemas/. */
static int slurp(const char *name, struct buf *b)
{
	char file[1024], chunk[8192];
	size_t n;
	FILE *f;

	snprintf(file, sizeof(file), "%s/docs/schemas/%s",
		 conf_get("Paths.Root", "."), name);
	f = fopen(file, "rb");
	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	fclose(f);
	return 0;
}

int exchange_ui_init(void)
{
	if (exchange_init() < 0 || slurp("risk-exchange.xsd", &xsd_import) ||
	    slurp("risk-export.xsd", &xsd_export))
		return -1;
	return 0;
}

static int send_xsd(struct req *r, const struct buf *b)
{
	resp_header(r, "Cache-Control", "public, max-age=3600");
	return resp_send(r, 200, XML_CT, b->p, b->len);
}

int exchange_xsd_fn(struct req *r)
{
	return send_xsd(r, &xsd_import);
}

int exchange_export_xsd_fn(struct req *r)
{
	return send_xsd(r, &xsd_export);
}

/* <error status="…" code="…">message</error> */
static int xml_error(struct req *r, int status, const char *code,
		     const char *msg)
{
	struct buf b = { 0 };
	int rc;

	buf_printf(&b,
		   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<error xmlns=\"" NS "\" status=\"%d\" code=\"",
		   status);
	xmlsafe_escape(&b, code);
	buf_puts(&b, "\">");
	xmlsafe_escape(&b, msg && *msg ? msg : code);
	buf_puts(&b, "</error>\n");
	rc = resp_send(r, status, XML_CT, b.p, b.len);
	buf_free(&b);
	return rc;
}

static int is_xml(const char *ct)
{
	return ct && (strncasecmp(ct, "application/xml", 15) == 0 ||
		      strncasecmp(ct, "text/xml", 8) == 0);
}

int exchange_import_fn(struct req *r)
{
	const struct field *body = r->raw_body && r->nf ? &r->ffields[0] : NULL;
	struct exchange_source src;
	struct exchange_result res;
	struct exchange_in in;
	struct buf b = { 0 };
	const char *why;
	int status, rc;

	if (!body || !is_xml(r->ctype))
		return xml_error(r, 415, "media_type", "send application/xml");
	/* Who is sending comes first: nothing of an unsigned body is read. */
	status = exchange_auth(&r->arena, req_env(r, "HTTP_X_SOURCE"),
			       req_env(r, "HTTP_X_TIMESTAMP"),
			       req_env(r, "HTTP_X_SIGNATURE"), body->value,
			       body->len, &src, &why);
	if (status)
		return xml_error(r, status, why, NULL);
	in = (struct exchange_in){ .body = body->value,
				   .len = body->len,
				   .channel = "post",
				   .source = &src };
	status = exchange_import(&r->arena, &in, &res);
	if (status != 200)
		return xml_error(r, status, res.code, res.detail);
	buf_printf(&b,
		   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<result xmlns=\"" NS "\" status=\"%s\" fileId=\"",
		   res.code);
	xmlsafe_escape(&b, res.file_ref ? res.file_ref : "");
	buf_printf(&b, "\" id=\"%lld\"", res.file_id);
	if (!res.dup)
		buf_printf(&b,
			   " info=\"%d\" candidates=\"%d\" new=\"%d\""
			   " updated=\"%d\" unchanged=\"%d\"",
			   res.n_info, res.n_candidates, res.n_new,
			   res.n_updated, res.n_unchanged);
	buf_puts(&b, "/>\n");
	rc = resp_send(r, 200, XML_CT, b.p, b.len);
	buf_free(&b);
	return rc;
}
