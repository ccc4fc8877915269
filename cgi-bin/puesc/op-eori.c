/* op-eori.c: validateEORI, answered like the EU's EORI validation service so
 * that existing clients only change the address */
#include "puesc.h"

#include <string.h>
#include <time.h>

#include "registry.h"

static void one(struct soap *s, const char *eori)
{
	struct eori_info info = { 0 };
	struct buf *b = &s->out;
	int rc = registry_eori(&s->r->arena, eori, &info);
	int valid = rc == 1 && info.active;

	buf_puts(b, "<result>");
	soap_elem(b, "eori", eori);
	soap_elem_int(b, "status", valid ? 0 : 1);
	soap_elem(b, "statusDescr", valid ? "Valid" : "Not valid");
	/* Name and address only with the operator's consent. */
	if (valid && info.publish) {
		soap_elem(b, "name", info.name);
		if (info.street || info.postcode || info.city) {
			const char *addr = arena_printf(
				&s->r->arena, "%s%s%s %s",
				info.street ? info.street : "",
				info.street ? ", " : "",
				info.postcode ? info.postcode : "",
				info.city ? info.city : "");
			soap_elem(b, "address", addr);
		}
		soap_elem(b, "street", info.street);
		soap_elem(b, "postalCode", info.postcode);
		soap_elem(b, "city", info.city);
		soap_elem(b, "country", info.country);
	}
	buf_puts(b, "</result>");
}

int eori_validate_fn(struct soap *s)
{
	time_t t = time(NULL);
	struct tm tm;
	char day[16];
	xmlNodePtr c;

	gmtime_r(&t, &tm);
	strftime(day, sizeof(day), "%d/%m/%Y", &tm);
	buf_printf(&s->out,
		   "<ns2:validateEORIResponse xmlns:ns2=\"%s\"><return>",
		   NS_EORI);
	soap_elem(&s->out, "requestDate", day);
	for (c = s->op->children; c; c = c->next) {
		const char *v;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		v = soap_trim(s, c);
		one(s, v);
	}
	buf_puts(&s->out, "</return></ns2:validateEORIResponse>");
	return 0;
}
