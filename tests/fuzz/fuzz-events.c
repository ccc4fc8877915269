/* fuzz-events.c: libFuzzer target for the lane-device event parser: the
 * bytes go through the same safe parse, schema check and event reading as
 * POST /ingest/events (make fuzz; the schema is docs/ingest-events.xsd) */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ingest.h"
#include "watch.h"
#include "xmlsafe.h"

static struct xmlsafe_schema *schema;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlsafe_init();
	schema = xmlsafe_schema_load("docs/ingest-events.xsd");
	if (!schema)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = { 0 };
	struct event *evs = NULL;
	enum xmlsafe_err e;
	char msg[256];
	xmlDocPtr doc;
	int n;

	doc = xmlsafe_parse((const char *)data, size, NULL, &e, msg,
			    sizeof(msg));
	if (!doc)
		return 0;
	/* The parser must cope with schema-invalid documents too: run it on
	 * both, as a later schema change could let more through. */
	(void)xmlsafe_validate(schema, doc, msg, sizeof(msg));
	n = ev_parse_doc(&a, doc, 1795000000000LL, 300000LL, 604800000LL, &evs);
	for (int i = 0; i < n; i++) {
		char fold[72];

		watch_fold_key(evs[i].key, fold, sizeof(fold));
	}
	xmlFreeDoc(doc);
	arena_reset(&a);
	return 0;
}
