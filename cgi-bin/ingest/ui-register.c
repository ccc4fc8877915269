/* ui-register.c: the register of what crossed: one object (plate,
 * container, wagon, document) with its first and last sighting, count,
 * crossings and the events behind them, and lookalike reads */
#include "ingest.h"

#include <stdio.h>
#include <string.h>

#include "crossings.h"
#include "devices.h"
#include "form.h"
#include "valid.h"
#include "view.h"
#include "watch.h"

static int valid_kind(const char *s)
{
	return !strcmp(s, "plate") || !strcmp(s, "container") ||
	       !strcmp(s, "wagon") || !strcmp(s, "document");
}

static int valid_q(const char *s)
{
	return valid_text(s, 24);
}

/* History.N.alerts comes as "id:state:outcome,…" (one round trip for
 * the page); the template names each state and outcome, so it gets them
 * as History.N.Alerts.M.{id,state,outcome}. */
static void split_alerts(struct req *r)
{
	HDF *h;

	for (h = hdf_get_child(r->hdf, "History"); h; h = hdf_obj_next(h)) {
		const char *p = hdf_get_value(h, "alerts", NULL);
		int m = 0;

		while (p && *p) {
			size_t n = strcspn(p, ",");
			char id[24], st[24], out[24];

			if (sscanf(arena_strndup(&r->arena, p, n),
				   "%23[0-9]:%23[a-z_]:%23[a-z_-]", id, st,
				   out) == 3) {
				hdf_set_valuef(h, "Alerts.%d.id=%s", m, id);
				hdf_set_valuef(h, "Alerts.%d.state=%s", m, st);
				if (strcmp(out, "-"))
					hdf_set_valuef(h,
						       "Alerts.%d.outcome=%s",
						       m, out);
				m++;
			}
			p += n;
			if (*p == ',')
				p++;
		}
	}
}

/* The register is national, the pictures are the crossing's: a row links
 * its picture when the officer's scope covers the crossing and the store
 * serves it (History.N.image_ok 1), says there is none (0) when in scope,
 * and nothing outside it. */
static int images(struct req *r)
{
	const char *scope = scope_crossings(r), *ct;
	HDF *h;

	if (!scope)
		return -1;
	for (h = hdf_get_child(r->hdf, "History"); h; h = hdf_obj_next(h)) {
		int rc;

		if (!crossings_code_in(scope, hdf_get_value(h, "crossing", "")))
			continue;
		rc = devices_image_read(hdf_get_value(h, "device", ""),
					hdf_get_value(h, "image", ""), NULL,
					&ct);
		if (rc < 0)
			return -1;
		hdf_set_int_value(h, "image_ok", rc);
	}
	return 0;
}

enum { Q_Q, Q_KIND, Q__MAX };
static const struct param params[Q__MAX] = {
	{ "q", P_QUERY, 24, NULL, valid_q, "invalid" },
	{ "kind", P_QUERY, 10, NULL, valid_kind, "invalid" },
};

int register_fn(struct req *r)
{
	const char *v[Q__MAX], *kind;
	char key[72], fold[72];
	size_t n;

	if (form_read(r, params, Q__MAX, v))
		return view_render(r, 422, "ingest/register.cs");
	kind = v[Q_KIND] ? v[Q_KIND] : "plate";
	hdf_set_value(r->hdf, "Form.kind", kind);
	if (!v[Q_Q] || !*v[Q_Q])
		return view_render(r, 200, "ingest/register.cs");
	n = !strcmp(kind, "plate")
		    ? valid_plate_normalise(v[Q_Q], key, sizeof(key))
		    : ev_norm_id(v[Q_Q], key, sizeof(key));
	if (!n) {
		view_field_error(r, "q", "ingest_value");
		return view_render(r, 422, "ingest/register.cs");
	}
	watch_fold_key(key, fold, sizeof(fold));
	hdf_set_value(r->hdf, "Key", key);
	if (devices_object_hdf(r->hdf, key, fold, kind) < 0 ||
	    watch_event_alerts_hdf(r->hdf, "History", "id") < 0)
		return -1;
	split_alerts(r);
	if (crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0 ||
	    images(r) < 0)
		return -1;
	scope_codes_hdf(r->hdf, "Object.0.Crossings",
			hdf_get_value(r->hdf, "Object.0.crossings", ""));
	return view_render(r, 200, "ingest/register.cs");
}
