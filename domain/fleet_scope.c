/* fleet_scope.c: who may manage, read or drive in a unit (docs/fleet.md,
 * "Who may do what"), and the fleet's words */
#include "fleet.h"

#include <stdio.h>
#include <string.h>

#include "epochs.h"
#include "kept.h"
#include "staff.h"
#include "tzpl.h"
#include "units.h"
#include "util.h"

const char *const fleet_kinds[] = { "car",	  "van",  "offroad", "truck",
				    "motorcycle", "boat", "trailer", NULL };
const char *const fleet_statuses[] = { "in_service", "in_repair",
				       "out_of_service", "written_off", NULL };
const char *const fleet_fuels[] = { "petrol",	"diesel", "lpg",
				    "electric", "hybrid", NULL };
const char *const fleet_equipment[] = { "radio",
					"anpr",
					"speed_camera",
					"first_aid",
					"fire_extinguisher",
					"warning_lights",
					"dashcam",
					"gps",
					NULL };
const char *const fleet_doc_kinds[] = { "registration", "insurance",
					"inspection",	"service",
					"tyres",	NULL };
const char *const fleet_categories[] = { "AM", "A1", "A2",  "A", "B",
					 "BE", "C1", "C1E", "C", "CE",
					 "D1", "D",  "T",   NULL };

/* A licence valid on day: its last valid day is licence_until. */
static struct sql q_driver = SQL(
	"SELECT unit_id FROM fleet_driver WHERE staff_id = ? AND permitted = 1"
	" AND licence_until >= ?");

int fleet_is_code(const char *const *codes, const char *s)
{
	for (; s && *codes; codes++)
		if (!strcmp(*codes, s))
			return 1;
	return 0;
}

int fleet_driver_permitted(struct arena *a, long long staff_id, const char *day,
			   long long *unit_id)
{
	struct row row;
	int rc;

	rc = db_get(a, &q_driver, &row, "is", staff_id, day);
	if (rc == 1 && unit_id)
		*unit_id = row_int(&row, "unit_id", 0);
	return rc;
}

/* The answer of fleet_driver_permitted per (account, day), asked at every
 * fleet request (the reader's scope: the kept pages' key, the fleet's
 * navigation) and at every page of the intranet (the menu's card): kept
 * by the worker while EPOCH_FLEET stands (every write of the fleet
 * program bumps it, after its commit) and for at most CARD_KEEP_MS:
 * fleet_driver is a central table (db/cluster-tables.txt), so on a
 * crossing node its changes arrive by replication and bump no local
 * counter; there the TTL is the bound. Nothing is kept from inside a
 * transaction (it may read its own rows and then roll back). A write
 * never trusts this copy: fleet_scope asks the database afresh for any
 * request but a GET (a driver's reservation, refuelling or damage report
 * is allowed by the row as it stands), and a trip checks the driver's row
 * again in its own transaction (fleet_trip_blockers). */
#define CARD_SIZE 64
#define CARD_KEEP_MS 30000
static struct card_entry {
	long long account, unit;
	char day[11];
	int rc;
	struct kept k;
} card[CARD_SIZE];

static int driver_today(long long account, const char *today, long long *unit)
{
	struct card_entry *e = &card[kept_slot(account, CARD_SIZE)];
	struct arena a = { NULL };
	struct kept_stamp s;
	int rc;

	if (kept_good(&e->k) && e->account == account &&
	    !strcmp(e->day, today)) {
		*unit = e->unit;
		return e->rc;
	}
	s = kept_note(EPOCH_BIT(EPOCH_FLEET));
	rc = fleet_driver_permitted(&a, account, today, unit);
	arena_reset(&a);
	if (rc >= 0 && kept_may(&s, CARD_KEEP_MS)) {
		e->account = account;
		snprintf(e->day, sizeof(e->day), "%s", today);
		e->rc = rc;
		e->unit = rc == 1 ? *unit : 0;
		kept_set(&e->k, &s, CARD_KEEP_MS);
	}
	return rc;
}

int fleet_scope(struct req *r, struct fleet_scope *s)
{
	char today[11];
	long long unit = r->sess.unit_id, driven = 0;
	int rc;

	memset(s, 0, sizeof(*s));
	if (r->sess.kind != &staff_session)
		return 0;
	if (r->sess.roles & ROLE_FLEET)
		s->manage_root = s->read_root = unit;
	else if (r->sess.roles & ROLE_ADMIN)
		s->read_root = unit;
	/* The auditor reads every unit's fleet: the top's subtree. */
	if (r->sess.roles & ROLE_AUDITOR) {
		long long top = units_top_of(&r->arena, unit);

		if (top < 0)
			return -1;
		s->read_root = top;
	}
	tzpl_today(0, today);
	/* Reading pages ask the worker's copy; a change asks the table. */
	if (r->method && !strcmp(r->method, "GET"))
		rc = driver_today(r->sess.account_id, today, &driven);
	else
		rc = fleet_driver_permitted(&r->arena, r->sess.account_id,
					    today, &driven);
	if (rc < 0)
		return -1;
	/* A driver drives in the unit the permission was given for, and
	 * only while they still belong to it. */
	if (rc == 1 && driven == unit)
		s->drive_unit = unit;
	return 0;
}

int fleet_can_manage(struct req *r, long long unit_id)
{
	if (r->sess.kind != &staff_session || !(r->sess.roles & ROLE_FLEET))
		return 0;
	return units_in_subtree(&r->arena, r->sess.unit_id, unit_id);
}

int fleet_can_read(struct req *r, long long unit_id)
{
	struct fleet_scope s;

	if (r->sess.kind != &staff_session)
		return 0;
	if (r->sess.roles & ROLE_AUDITOR)
		return unit_id > 0 ? 1 : 0;
	if (!(r->sess.roles & (ROLE_FLEET | ROLE_ADMIN)))
		return 0;
	if (fleet_scope(r, &s) < 0)
		return -1;
	return units_in_subtree(&r->arena, s.read_root, unit_id);
}

int fleet_can_drive(struct req *r, long long unit_id)
{
	struct fleet_scope s;

	if (fleet_scope(r, &s) < 0)
		return -1;
	return s.drive_unit > 0 && s.drive_unit == unit_id;
}

int fleet_may_open(const struct req *r)
{
	char today[11];
	long long unit = 0;

	if (r->sess.kind != &staff_session)
		return 0;
	if (r->sess.roles & (ROLE_FLEET | ROLE_ADMIN | ROLE_AUDITOR))
		return 1;
	tzpl_today(0, today);
	return driver_today(r->sess.account_id, today, &unit) == 1 &&
	       unit == r->sess.unit_id;
}

int fleet_reads_units(const struct req *r)
{
	return r->sess.kind == &staff_session &&
	       (r->sess.roles & (ROLE_FLEET | ROLE_ADMIN | ROLE_AUDITOR));
}

int fleet_drives_only(const struct req *r)
{
	return !fleet_reads_units(r) && fleet_may_open(r);
}

const char *fleet_scope_units(struct req *r, long long root)
{
	if (root <= 0)
		return "";
	return units_subtree(&r->arena, root);
}
