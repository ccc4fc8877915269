/* ui-devices.c: the lane devices of the officer's crossings with their
 * status (down when silent past their heartbeat interval), and
 * registering a new one, whose secret is shown once */
#include "ingest.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "crossings.h"
#include "db.h"
#include "devices.h"
#include "form.h"
#include "resp.h"
#include "util.h"
#include "valid.h"
#include "view.h"

static int page(struct req *r, int status)
{
	const char *scope = scope_crossings(r);

	if (!scope)
		return -1;
	watch_devices_down();
	if (devices_list(r->hdf, "Devices", scope) < 0 ||
	    crossings_names_hdf(r->lang, r->hdf, "CrossingName") < 0 ||
	    crossings_code_options(scope, r->lang, r->hdf, "Crossings") < 0)
		return -1;
	if (!hdf_get_value(r->hdf, "Form.heartbeat", NULL))
		hdf_set_value(r->hdf, "Form.heartbeat", "60");
	return view_render(r, status, "ingest/devices.cs");
}

int devices_fn(struct req *r)
{
	return page(r, 200);
}

static int valid_code(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= 40 &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n;
}

static int valid_crossing(const char *s)
{
	size_t n = strlen(s);

	return n >= 3 && n <= 8 && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == n;
}

static int valid_lane(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= 16 &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n;
}

static int valid_lane_kind(const char *s)
{
	static const char *const k[] = { "car",		"truck", "bus",
					 "pedestrian",	"rail",	 "terminal",
					 "waiting_zone" };

	for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (!strcmp(s, k[i]))
			return 1;
	return 0;
}

static int valid_device_kind(const char *s)
{
	static const char *const k[] = { "anpr",   "container", "wagon",
					 "scale",  "radiation", "document",
					 "barrier" };

	for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (!strcmp(s, k[i]))
			return 1;
	return 0;
}

static int valid_heartbeat(const char *s)
{
	long long v = valid_digits(s, strlen(s)) ? atoll(s) : 0;

	return v >= 10 && v <= 86400;
}

enum { D_CODE, D_CROSSING, D_LANE, D_LANE_KIND, D_KIND, D_HEARTBEAT, D__MAX };
static const struct param params[D__MAX] = {
	{ "code", P_REQUIRED, 40, NULL, valid_code, "ingest_code" },
	{ "crossing", P_REQUIRED, 8, NULL, valid_crossing, "invalid" },
	{ "lane", P_REQUIRED, 16, NULL, valid_lane, "ingest_lane" },
	{ "lane_kind", P_REQUIRED, 16, NULL, valid_lane_kind, "invalid" },
	{ "device_kind", P_REQUIRED, 16, NULL, valid_device_kind, "invalid" },
	{ "heartbeat", P_REQUIRED, 5, NULL, valid_heartbeat,
	  "ingest_heartbeat" },
};

int device_create_fn(struct req *r)
{
	const char *v[D__MAX];
	struct crossing c;
	char secret[65];
	long long id;
	int bad;

	bad = form_read(r, params, D__MAX, v);
	/* Only a crossing the officer's unit runs (or oversees). */
	if (!bad && !scope_sees(r, v[D_CROSSING])) {
		view_field_error(r, "crossing", "ingest_crossing");
		bad++;
	}
	if (bad) {
		hdf_set_value(r->hdf, "Page.FormErrors", "1");
		return page(r, 422);
	}
	/* The audit log names the crossing as people do (its Polish name,
	 * the intranet's default language, as the staff's mails). */
	if (crossings_by_code(v[D_CROSSING], &c) != 1)
		return -1;
	rand_hex(secret, 32);
	if (db_begin() < 0)
		return -1;
	id = devices_create(v[D_CODE], v[D_CROSSING], v[D_LANE], v[D_LANE_KIND],
			    v[D_KIND], secret, atoll(v[D_HEARTBEAT]),
			    r->sess.account_id);
	if (id < 0) {
		db_rollback();
		if (id == -2) {
			view_field_error(r, "code", "ingest_code_taken");
			hdf_set_value(r->hdf, "Page.FormErrors", "1");
			return page(r, 409);
		}
		return -1;
	}
	if (audit_log(
		    r, "device.create",
		    arena_printf(&r->arena, "device:%lld", id),
		    /* Both names: each language's words show its own. */
		    arena_printf(&r->arena,
				 "@skr.audit.detail.device_create|%s|%s|%s|%s",
				 v[D_CODE], c.name_pl, c.name_en, v[D_LANE])) <
		    0 ||
	    db_commit() < 0) {
		db_rollback();
		return -1;
	}
	/* Shown this once: the device's installer copies it now. */
	hdf_set_value(r->hdf, "NewDevice.Code", v[D_CODE]);
	hdf_set_value(r->hdf, "NewDevice.Secret", secret);
	hdf_remove_tree(r->hdf, "Form");
	resp_header(r, "Cache-Control", "no-store");
	return page(r, 201);
}
