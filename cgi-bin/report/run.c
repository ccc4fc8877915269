/* run.c: the one skeleton of every report's page and CSV: its descriptor
 * looked up by the route's path, the copy this worker keeps answered
 * (cache.c), else the filters read (with the report's own choices), the
 * scope answered (403), the rollups read, then the tables and charts into
 * the page or the table into the CSV, kept for the next reader. Each
 * ui-*.c keeps only what is its own: its state, choices, reads, tables
 * and charts. */
#include "report_ui.h"

#include <string.h>

#include "dbstate.h"
#include "resp.h"
#include "view.h"

/* Every report with a page and a CSV under /skr/reports/<name>. */
static const struct report_desc *const reports[] = {
	&report_traffic, &report_ebt,		&report_alerts,
	&report_devices, &report_registrations,
};

/* The descriptor of /skr/reports/<name>[.csv], or NULL. */
static const struct report_desc *desc_of(const char *path)
{
	static const char prefix[] = "/skr/reports/";
	size_t n;

	if (!path || strncmp(path, prefix, sizeof(prefix) - 1) != 0)
		return NULL;
	path += sizeof(prefix) - 1;
	n = strcspn(path, ".");
	for (size_t i = 0; i < sizeof(reports) / sizeof(reports[0]); i++)
		if (strlen(reports[i]->name) == n &&
		    !strncmp(reports[i]->name, path, n))
			return reports[i];
	return NULL;
}

/* The report's state, zeroed, with its request set; *f its filter. */
static void *state_new(struct req *r, const struct report_desc *d,
		       struct filter **f)
{
	char *st = arena_alloc(&r->arena, d->size);

	if (!st)
		return NULL;
	memset(st, 0, d->size);
	*(struct req **)(void *)(st + d->req_at) = r;
	*f = (struct filter *)(void *)(st + d->filter_at);
	return st;
}

/* Filters, scope and data: 0 ready, 1 answered (403), 422, -1. */
static int prepare(struct req *r, const struct report_desc *d, void *st,
		   struct filter *f)
{
	struct filter_choice c[REPORT_MAX_CHOICES];
	size_t n = d->choices ? d->choices(st, c) : 0;
	int rc = filter_read(r, f, c, n);

	if (rc == 403)
		return 1;
	if (rc == 0 && d->check)
		rc = d->check(st);
	if (rc != 0)
		return rc;
	return d->load(st) < 0 ? -1 : 0;
}

int report_page_fn(struct req *r)
{
	const struct report_desc *d = desc_of(r->path);
	struct filter *f;
	void *st;
	int rc;

	if (!d)
		return -1;
	/* The key is the whole query, so every filter and a report's own
	 * choices (top, part, …) are in it; the kept copy is only of a 200. */
	rc = report_cache_serve(r);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (!(st = state_new(r, d, &f)))
		return -1;
	if (d->before)
		d->before(r);
	rc = prepare(r, d, st, f);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return view_render(r, 422, d->page);
	if (rc < 0)
		return -1;
	hdf_set_value(r->hdf, "Report.Ready", "1");
	if (d->hdf(st) < 0)
		return -1;
	/* Read from a regional copy: the page says how fresh it is. */
	dbstate_fresh_hdf(r->hdf, "Page.Fresh");
	return report_page(r, d->page);
}

int report_csv_fn(struct req *r)
{
	const struct report_desc *d = desc_of(r->path);
	struct buf b = { 0 };
	const char *name = d ? d->name : NULL;
	struct filter *f;
	void *st;
	int rc;

	if (!d)
		return -1;
	rc = report_cache_serve(r);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (!(st = state_new(r, d, &f)))
		return -1;
	rc = prepare(r, d, st, f);
	if (rc == 1)
		return 0;
	if (rc == 422)
		return resp_error(r, 422, "report_filter");
	if (rc < 0 || d->csv(st, &b, &name) < 0) {
		buf_free(&b);
		return -1;
	}
	return report_csv_send(r, &b, name, &f->p);
}
