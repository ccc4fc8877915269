/* ui-events.c: POST /ingest/events (a device's signed XML document) and
 * the schema it must follow, GET /ingest/events.xsd */
#include "ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>

#include "conf.h"
#include "log.h"
#include "resp.h"
#include "xmlsafe.h"

#define XML_CT "application/xml; charset=utf-8"

static struct xmlsafe_schema *schema;
static struct buf xsd_text;

/* The schema served is the very file validation uses: docs/. */
int events_init(void)
{
	char file[1024];
	FILE *f;
	size_t n;
	char chunk[8192];

	snprintf(file, sizeof(file), "%s/docs/ingest-events.xsd",
		 conf_get("Paths.Root", "."));
	xmlsafe_init();
	schema = xmlsafe_schema_load(file);
	if (!schema)
		return -1;
	f = fopen(file, "rb");
	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&xsd_text, chunk, n);
	fclose(f);
	return 0;
}

int xsd_fn(struct req *r)
{
	resp_header(r, "Cache-Control", "public, max-age=3600");
	return resp_send(r, 200, XML_CT, xsd_text.p, xsd_text.len);
}

/* <error status="…" code="…">message</error> */
static int xml_error(struct req *r, int status, const char *code,
		     const char *msg)
{
	struct buf b = { 0 };
	int rc;

	buf_printf(&b,
		   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<error xmlns=\"urn:zsog:lane:1\" status=\"%d\" code=\"",
		   status);
	xmlsafe_escape(&b, code);
	buf_puts(&b, "\">");
	xmlsafe_escape(&b, msg ? msg : code);
	buf_puts(&b, "</error>\n");
	rc = resp_send(r, status, XML_CT, b.p, b.len);
	buf_free(&b);
	return rc;
}

static long long now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static int is_xml(const char *ct)
{
	return ct && (strncasecmp(ct, "application/xml", 15) == 0 ||
		      strncasecmp(ct, "text/xml", 8) == 0);
}

/* The outcome of every event, in the order sent. */
static int answer(struct req *r, int status, struct event *evs, int n)
{
	struct buf b = { 0 };
	int acc = 0, dup = 0, rej = 0, rc;

	for (int i = 0; i < n; i++) {
		if (evs[i].reject)
			rej++;
		else if (evs[i].duplicate)
			dup++;
		else
			acc++;
	}
	buf_printf(&b,
		   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<result xmlns=\"urn:zsog:lane:1\" accepted=\"%d\""
		   " duplicate=\"%d\" rejected=\"%d\">\n",
		   acc, dup, rej);
	for (int i = 0; i < n; i++) {
		const struct event *e = &evs[i];

		buf_puts(&b, " <event seq=\"");
		xmlsafe_escape(&b, e->seq);
		if (e->reject) {
			buf_puts(&b, "\" outcome=\"rejected\" reason=\"");
			xmlsafe_escape(&b, e->reject);
			buf_puts(&b, "\"/>\n");
		} else if (e->duplicate) {
			buf_puts(&b, "\" outcome=\"duplicate\"/>\n");
		} else {
			buf_printf(&b, "\" outcome=\"accepted\" id=\"%lld\"%s",
				   e->id,
				   e->doubtful ? " doubtful=\"true\"" : "");
			if (e->colour)
				buf_printf(&b, " decision=\"%s\"", e->colour);
			if (e->task_id)
				buf_printf(&b, " task=\"%lld\"", e->task_id);
			buf_puts(&b, "/>\n");
		}
	}
	buf_puts(&b, "</result>\n");
	rc = resp_send(r, status, XML_CT, b.p, b.len);
	buf_free(&b);
	return rc;
}

int events_fn(struct req *r)
{
	const struct field *body = r->raw_body && r->nf ? &r->ffields[0] : NULL;
	struct device dev;
	const char *why;
	enum xmlsafe_err xe;
	char msg[512];
	struct event *evs = NULL;
	xmlDocPtr doc;
	int status, n, good = 0;

	if (!body || !is_xml(r->ctype))
		return xml_error(r, 415, "media_type", "send application/xml");
	/* Who is asking comes first: nothing of an unsigned body is read. */
	status = auth_device(r, body->value, body->len, &dev, &why);
	if (status)
		return xml_error(r, status, why, NULL);
	doc = xmlsafe_parse(body->value, body->len, NULL, &xe, msg,
			    sizeof(msg));
	if (!doc)
		return xml_error(r, 400,
				 xe == XMLSAFE_DOCTYPE ? "doctype"
				 : xe == XMLSAFE_LIMIT ? "limit"
						       : "malformed",
				 msg);
	if (xmlsafe_validate(schema, doc, msg, sizeof(msg)) < 0) {
		xmlFreeDoc(doc);
		return xml_error(r, 422, "schema", msg);
	}
	n = ev_parse_doc(&r->arena, doc, now_ms(),
			 conf_int("Ingest.FutureSeconds", 300) * 1000LL,
			 conf_int("Ingest.PastHours", 168) * 3600000LL, &evs);
	xmlFreeDoc(doc);
	if (n <= 0)
		return xml_error(r, 422, "schema", "not an event document");
	/* One device, one crossing and lane: anything else is refused
	 * whole, so a stolen secret cannot speak for another lane. */
	for (int i = 0; i < n; i++) {
		if (strcmp(evs[i].device, dev.code) != 0)
			return xml_error(r, 403, "other_device", evs[i].seq);
		if (strcmp(evs[i].crossing, dev.crossing) != 0 ||
		    strcmp(evs[i].lane, dev.lane) != 0)
			return xml_error(r, 403, "other_lane", evs[i].seq);
		good += !evs[i].reject;
	}
	if (good && store_events(r, &dev, evs, n) < 0)
		return xml_error(r, 503, "unavailable",
				 "not stored: send again");
	return answer(r, good ? 200 : 422, evs, n);
}
