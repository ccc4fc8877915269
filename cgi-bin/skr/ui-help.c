/* ui-help.c: the officers' help: the index with a search, and a page per
 * topic, from docs/help/<lang>/<topic>.md (lib/help.c) */
#include "skr.h"

#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "help.h"
#include "log.h"
#include "resp.h"
#include "valid.h"
#include "view.h"

#define QUERY_MAX 200 /* characters of a search */
#define RESULTS_MAX 30

int help_init(void)
{
	const char *dir = conf_get("Paths.Help", NULL);
	char def[1024];

	if (!dir) {
		snprintf(def, sizeof(def), "%s/docs/help",
			 conf_get("Paths.Root", "."));
		dir = def;
	}
	/* Without its help an intranet still works: the pages say "not
	 * found" and the log says why. */
	if (help_load(dir) < 0)
		log_err("help pages not loaded from %s", dir);
	return 0;
}

/* The index (the topic "index") and, with ?q=, what the search found. */
int help_index_fn(struct req *r)
{
	const char *q = req_query(r, "q");
	int n;

	if (!help_topic_hdf(r->hdf, "Help", r->lang, "index"))
		return resp_error(r, 404, "not_found");
	hdf_set_value(r->hdf, "Page.Help", "index");
	while (q && *q == ' ')
		q++;
	if (!q || !*q)
		return view_render(r, 200, "skr/help.cs");
	hdf_set_value(r->hdf, "Form.q", q);
	if (!valid_text(q, QUERY_MAX)) {
		view_field_error(r, "q", "err.help_query");
		return view_render(r, 422, "skr/help.cs");
	}
	n = help_search_hdf(r->hdf, "Found", r->lang, q, RESULTS_MAX);
	if (n < 0) {
		view_field_error(r, "q", "err.help_query");
		return view_render(r, 422, "skr/help.cs");
	}
	hdf_set_value(r->hdf, "Search.Done", "1");
	hdf_set_int_value(r->hdf, "Search.Count", n);
	return view_render(r, 200, "skr/help.cs");
}

int help_topic_fn(struct req *r)
{
	const char *topic = r->args[0];

	if (strcmp(topic, "index") == 0)
		return help_index_fn(r);
	if (!help_topic_hdf(r->hdf, "Help", r->lang, topic))
		return resp_error(r, 404, "not_found");
	/* The header's link names the page itself. */
	hdf_set_value(r->hdf, "Page.Help", topic);
	return view_render(r, 200, "skr/help-topic.cs");
}
