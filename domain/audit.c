/* audit.c: the append-only audit log (the database refuses UPDATE and
 * DELETE on it through triggers and grants) */
#include "audit.h"

#include <string.h>

#include "db.h"
#include "log.h"
#include "session.h"
#include "staff.h"
#include "units.h"

static struct sql q_audit = SQL(
	"INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action,"
	" object, detail, request_id, client_ip) VALUES (UTC_TIMESTAMP(6),"
	" ?, ?, ?, ?, ?, ?, ?, ?)");

const char *const audit_actions[] = {
	"staff.create",
	"staff.update",
	"staff.enable",
	"staff.disable",
	"staff.password_reset",
	"staff.grant_request",
	"staff.grant_approve",
	"staff.grant_reject",
	"staff.grant_withdraw",
	"staff.self_change_refused",
	"staff.signin",
	"staff.signin_failed",
	"staff.signout",
	"portal.signup",
	"portal.signup_taken",
	"portal.confirm",
	"portal.signin",
	"portal.signin_failed",
	"portal.signout",
	"portal.reset_request",
	"portal.reset",
	"portal.password_change",
	"ecustomer.person.submit",
	"ecustomer.company.submit",
	"ecustomer.akcr.submit",
	"ecustomer.person_update.submit",
	"ecustomer.company_update.submit",
	"ecustomer.company_deactivation.submit",
	"ecustomer.application.take",
	"ecustomer.application.approve",
	"ecustomer.application.reject",
	"ecustomer.office.set",
	"ecustomer.rep.request",
	"ecustomer.rep.add",
	"ecustomer.rep.accept",
	"ecustomer.rep.refuse",
	"ecustomer.rep.end",
	"cert.issue",
	"cert.revoke",
	"device.create",
	"watch.create",
	"watch.approve",
	"watch.reject",
	"watch.withdraw",
	"alert.acknowledged",
	"alert.inspection",
	"alert.closed",
	"risk.profile.create",
	"risk.profile.version",
	"risk.profile.approve",
	"risk.profile.state",
	"risk.reinspection",
	"risk.reinspection.withdraw",
	"risk.export",
	"control.note",
	"control.close",
	"fleet.vehicle.create",
	"fleet.vehicle.update",
	"fleet.vehicle.in_service",
	"fleet.vehicle.in_repair",
	"fleet.vehicle.out_of_service",
	"fleet.vehicle.written_off",
	"fleet.document.add",
	"fleet.document.edit",
	"fleet.driver.save",
	"fleet.driver.grant",
	"fleet.driver.withdraw",
	"fleet.reservation",
	"fleet.reservation.cancel",
	"fleet.trip.open",
	"fleet.trip.close",
	"fleet.trip.check",
	"fleet.fuel.add",
	"fleet.damage.add",
	"fleet.damage.close",
	"fleet.repair.open",
	"fleet.repair.close",
	NULL,
};

/* A vehicle's own page writes "vehicle:N", its damages, fuel and
 * documents "fleet_vehicle:N": one kind. */
const struct audit_kind audit_kinds[] = {
	{ "staff", NULL },
	{ "org_unit", NULL },
	{ "login", NULL },
	{ "portal_account", NULL },
	{ "person", NULL },
	{ "application", NULL },
	{ "representation", NULL },
	{ "certificate", NULL },
	{ "device", NULL },
	{ "watch", NULL },
	{ "alert", NULL },
	{ "risk_profile", NULL },
	{ "reinspection", NULL },
	{ "risk_export", NULL },
	{ "control_task", NULL },
	{ "fleet_vehicle", "vehicle" },
	{ "fleet_document", NULL },
	{ "fleet_driver", NULL },
	{ "fleet_reservation", NULL },
	{ "fleet_trip", NULL },
	{ "fleet_damage", NULL },
	{ NULL, NULL },
};

int audit_action_known(const char *s)
{
	for (const char *const *a = audit_actions; s && *a; a++)
		if (!strcmp(*a, s))
			return 1;
	return 0;
}

int audit_area_known(const char *s)
{
	size_t n = s ? strcspn(s, ".") : 0;

	if (n && s[n])
		return 0; /* an area is one word: "fleet", not "fleet.trip" */
	for (const char *const *a = audit_actions; n && *a; a++)
		if (!strncmp(*a, s, n) && (*a)[n] == '.')
			return 1;
	return 0;
}

const struct audit_kind *audit_kind_find(const char *s, size_t n)
{
	for (const struct audit_kind *k = audit_kinds; s && n && k->kind; k++)
		if ((strlen(k->kind) == n && !strncmp(k->kind, s, n)) ||
		    (k->alias && strlen(k->alias) == n &&
		     !strncmp(k->alias, s, n)))
			return k;
	return NULL;
}

/* An empty filter matches everything. An action matches whole, an area
 * its actions (the code up to the first dot), a kind the objects up to
 * their ':' (its alias too). One row
 * more than a page tells whether an older page exists. Without the
 * national view (the first ? is 0) a row shows when its actor or its
 * object is a staff member whose unit now lies under the second ?. */
static struct sql q_list = SQL(
	UNITS_SUBTREE
	"," STAFF_OF_SUBTREE
	" SELECT id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, actor_kind,"
	" actor_id, actor_name, action, object, detail, request_id, client_ip"
	" FROM audit_log"
	" WHERE (? = 1"
	"  OR (actor_kind = 'staff' AND actor_id IN (SELECT id FROM mine))"
	"  OR object IN (SELECT CONCAT('staff:', id) FROM mine))"
	" AND (? = '' OR action = ?)"
	" AND (? = '' OR SUBSTRING_INDEX(action, '.', 1) = ?)"
	" AND (? = '' OR SUBSTRING_INDEX(object, ':', 1) IN (?, ?))"
	" AND (? = '' OR object = ?)"
	" AND (? = '' OR INSTR(actor_name, ?) > 0"
	"  OR (actor_kind = 'staff' AND actor_id = " STAFF_ID_OF_LOGIN "))"
	" AND (? = '' OR at >= ?)"
	" AND (? = '' OR at < ? + INTERVAL 1 DAY)"
	" ORDER BY id DESC LIMIT ? OFFSET ?");

static struct sql q_history = SQL(
	"SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, actor_kind,"
	" actor_id, actor_name, action, detail FROM audit_log WHERE object = ?"
	" ORDER BY id DESC LIMIT ?");

int audit_log(struct req *r, const char *action, const char *object,
	      const char *detail)
{
	/* Outside a request nobody signed in acted: the system did. */
	int sys = !r || !r->fcgi;
	const char *kind = sys		  ? "system"
			   : r->sess.kind ? r->sess.kind->name
					  : "anonymous";
	int who = !sys && r->sess.kind;

	if (!audit_action_known(action))
		log_err("audit action %s is not in audit_actions",
			action ? action : "(null)");
	if (db_exec(&q_audit, "sissssss", kind, who ? r->sess.account_id : 0LL,
		    who ? r->sess.name : "", action, object, detail,
		    r ? r->id : "",
		    sys ? NULL : req_env(r, "REMOTE_ADDR")) < 0) {
		log_err("audit %s %s not written", action, object);
		return -1;
	}
	return 0;
}

int audit_list_hdf(HDF *hdf, const char *prefix, const struct audit_filter *f,
		   long long limit, long long offset)
{
	return db_select_hdf(&q_list, hdf, prefix, "iissssssssssssssssii",
			     f->unit, f->national, f->action, f->action,
			     f->area, f->area, f->kind, f->kind, f->alias,
			     f->object, f->object, f->actor, f->actor, f->actor,
			     f->from, f->from, f->to, f->to, limit, offset);
}

int audit_history_hdf(HDF *hdf, const char *prefix, const char *object,
		      long long limit)
{
	return db_select_hdf(&q_history, hdf, prefix, "si", object, limit);
}

const char *audit_param(struct arena *a, const char *s)
{
	char *out = arena_strdup(a, s ? s : "");

	for (char *p = out; p && *p; p++)
		if (*p == '|')
			*p = '/';
	return out;
}

const char *audit_vehicle(struct arena *a, const char *plate, const char *make,
			  const char *model)
{
	return audit_param(a,
			   arena_printf(a, "%s (%s %s)", plate ? plate : "",
					make ? make : "", model ? model : ""));
}

const char *audit_number(struct arena *a, const char *in, size_t n,
			 const char *lang, int money)
{
	int en = lang && !strcmp(lang, "en");
	size_t i = 0, int_start, int_len, frac_len = 0;
	const char *frac = NULL;
	char buf[96];
	size_t o = 0;

	if (n && in[0] == '-')
		i++;
	int_start = i;
	while (i < n && in[i] >= '0' && in[i] <= '9')
		i++;
	int_len = i - int_start;
	if (!int_len || int_len > 30)
		return NULL;
	if (i < n) {
		if (in[i] != '.')
			return NULL;
		frac = in + ++i;
		while (i < n && in[i] >= '0' && in[i] <= '9')
			i++;
		frac_len = (size_t)(in + i - frac);
		if (i < n || !frac_len || frac_len > 20)
			return NULL;
	}
	if (money && frac_len > 2)
		return NULL;
	if (in[0] == '-')
		buf[o++] = '-';
	/* Thousands grouped from four digits: pl a space, en a comma. */
	for (size_t k = 0; k < int_len; k++) {
		if (k && int_len >= 4 && (int_len - k) % 3 == 0)
			buf[o++] = en ? ',' : ' ';
		buf[o++] = in[int_start + k];
	}
	if (frac_len || money) {
		buf[o++] = en ? '.' : ',';
		for (size_t k = 0; k < frac_len; k++)
			buf[o++] = frac[k];
		for (size_t k = frac_len; money && k < 2; k++)
			buf[o++] = '0';
	}
	buf[o] = '\0';
	if (!money)
		return arena_strdup(a, buf);
	return en ? arena_printf(a, "PLN %s", buf)
		  : arena_printf(a, "%s zł", buf);
}
