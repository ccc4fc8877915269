/* fleet_docs.c: a vehicle's documents (registration, insurance,
 * inspection, service, tyres) and the deadlines they set; the arithmetic
 * is fleet_due.c's */
#include "fleet.h"
#include "fleet_docs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "units.h"

#define DOC_COLS                                                           \
	" d.id, d.kind, d.number, d.valid_until, d.service_every_km,"      \
	" d.service_every_months, d.done_on, d.done_km, d.season, d.note," \
	" d.created_at"

static struct sql q_vehicle = SQL(
	"SELECT v.id, v.unit_id, v.plate, v.make, v.model, v.status,"
	" v.odometer_km FROM fleet_vehicle v WHERE v.id = ?");
static struct sql q_get = SQL(
	"SELECT" DOC_COLS ", d.vehicle_id, v.unit_id, v.plate, v.odometer_km"
	" FROM fleet_document d JOIN fleet_vehicle v ON v.id = d.vehicle_id"
	" WHERE d.id = ?");
static struct sql q_add = SQL(
	"INSERT INTO fleet_document (vehicle_id, kind, number, valid_until,"
	" service_every_km, service_every_months, done_on, done_km, season,"
	" note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" UTC_TIMESTAMP())");
static struct sql q_update = SQL(
	"UPDATE fleet_document SET number = ?, valid_until = ?,"
	" service_every_km = ?, service_every_months = ?, done_on = ?,"
	" done_km = ?, season = ?, note = ? WHERE id = ?");
static struct sql q_forget = SQL(
	"DELETE FROM fleet_reminder WHERE document_id = ?");
static struct sql q_of_vehicle = SQL(
	"SELECT" DOC_COLS ", d.id = (SELECT MAX(c.id) FROM fleet_document c"
	"  WHERE c.vehicle_id = d.vehicle_id AND c.kind = d.kind) AS current"
	" FROM fleet_document d WHERE d.vehicle_id = ?"
	" ORDER BY d.kind, d.id DESC");
/* The newest document of each kind is the one in force: a renewal is a
 * new row, the old one stays as history. */
#define IN_FORCE                                              \
	" AND d.id = (SELECT MAX(c.id) FROM fleet_document c" \
	"  WHERE c.vehicle_id = d.vehicle_id AND c.kind = d.kind)"
static struct sql q_deadlines = SQL(
	UNITS_SUBTREE
	" SELECT" DOC_COLS ", d.vehicle_id, v.plate, v.make, v.model,"
	" v.unit_id, sub.code AS unit_code, v.odometer_km"
	" FROM fleet_vehicle v JOIN sub ON sub.id = v.unit_id"
	" JOIN fleet_document d ON d.vehicle_id = v.id"
	" WHERE v.status <> 'written_off' AND (? = 0 OR v.unit_id = ?)" IN_FORCE
	" ORDER BY v.plate, d.kind");
static struct sql q_deadlines_all = SQL(
	"SELECT" DOC_COLS ", d.vehicle_id, v.plate, v.make, v.model,"
	" v.unit_id, v.odometer_km"
	" FROM fleet_vehicle v JOIN fleet_document d ON d.vehicle_id = v.id"
	" WHERE v.status <> 'written_off'" IN_FORCE
	" ORDER BY v.plate, d.kind");

int fleet_doc_kind(const char *code)
{
	int i;

	for (i = 0; code && i < FLEET_DOC__MAX && fleet_doc_kinds[i]; i++)
		if (!strcmp(code, fleet_doc_kinds[i]))
			return i;
	return -1;
}

static int md_conf(const char *name, const char *def)
{
	const char *s = conf_get(name, def);
	int m, d;

	if (sscanf(s, "%2d-%2d", &m, &d) != 2 || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		sscanf(def, "%2d-%2d", &m, &d);
	return m * 100 + d;
}

void fleet_rules_conf(struct fleet_rules *rules)
{
	rules->soon_days = conf_int("Fleet.SoonDays", 30);
	rules->soon_km = conf_int("Fleet.ServiceSoonKm", 1000);
	rules->summer_by = md_conf("Fleet.SummerTyresBy", "04-15");
	rules->winter_by = md_conf("Fleet.WinterTyresBy", "11-01");
}

int fleet_docs_vehicle(struct arena *a, long long vehicle_id, struct row *row)
{
	return db_get(a, &q_vehicle, row, "i", vehicle_id);
}

int fleet_doc_get(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_get, row, "i", id);
}

int fleet_doc_add(long long vehicle_id, const struct fleet_doc_in *in,
		  long long *id)
{
	if (db_exec(&q_add, "isssssssss", vehicle_id, in->kind,
		    in->number ? in->number : "", in->valid_until, in->every_km,
		    in->every_months, in->done_on, in->done_km, in->season,
		    in->note ? in->note : "") < 0)
		return -1;
	*id = db_insert_id(&q_add);
	return 0;
}

int fleet_doc_update(long long id, const struct fleet_doc_in *in)
{
	long long n;

	n = db_exec(&q_update, "ssssssssi", in->number ? in->number : "",
		    in->valid_until, in->every_km, in->every_months,
		    in->done_on, in->done_km, in->season,
		    in->note ? in->note : "", id);
	if (n < 0 || db_exec(&q_forget, "i", id) < 0)
		return -1;
	return n > 0;
}

int fleet_docs_of_vehicle_hdf(HDF *hdf, const char *prefix,
			      long long vehicle_id)
{
	return db_select_hdf(&q_of_vehicle, hdf, prefix, "i", vehicle_id);
}

static long day_of(const struct row *row, const char *name)
{
	long n;

	return fleet_day_parse(row_get(row, name, NULL), &n) == 0 ? n : -1;
}

void fleet_terms_of(const struct row *row, struct fleet_terms *t)
{
	const char *season = row_get(row, "season", "");

	memset(t, 0, sizeof(*t));
	t->kind = fleet_doc_kind(row_get(row, "kind", ""));
	t->valid_until = day_of(row, "valid_until");
	t->done_on = day_of(row, "done_on");
	t->done_km = row_int(row, "done_km", -1);
	t->every_km = (int)row_int(row, "service_every_km", 0);
	t->every_months = (int)row_int(row, "service_every_months", 0);
	t->season = !strcmp(season, "summer")	? FLEET_SEASON_SUMMER
		    : !strcmp(season, "winter") ? FLEET_SEASON_WINTER
						: FLEET_SEASON_NONE;
}

int fleet_deadlines_each(long long root, long long unit, db_row_cb cb,
			 void *ctx)
{
	if (root <= 0)
		return db_each(&q_deadlines_all, cb, ctx, "") < 0 ? -1 : 0;
	return db_each(&q_deadlines, cb, ctx, "iii", root, unit, unit) < 0 ? -1
									   : 0;
}

int fleet_deadlines_hdf(HDF *hdf, const char *prefix, long long root,
			long long unit)
{
	if (root <= 0)
		return db_select_hdf(&q_deadlines_all, hdf, prefix, "");
	return db_select_hdf(&q_deadlines, hdf, prefix, "iii", root, unit,
			     unit);
}
