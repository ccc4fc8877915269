/* audit.c: the append-only audit log (the database refuses UPDATE and
 * DELETE on it through triggers and grants) */
#include "audit.h"

#include "db.h"
#include "log.h"
#include "session.h"
#include "staff.h"
#include "units.h"

static struct sql q_audit = SQL(
	"INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action,"
	" object, detail, request_id, client_ip) VALUES (UTC_TIMESTAMP(6),"
	" ?, ?, ?, ?, ?, ?, ?, ?)");

/* An empty filter matches everything. The action prefix is compared with
 * LEFT(), not LIKE, so '%' and '_' in it are plain characters. One row
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
	" AND (? = '' OR LEFT(action, CHAR_LENGTH(?)) = ?)"
	" AND (? = '' OR object = ?)"
	" AND (? = '' OR INSTR(actor_name, ?) > 0"
	"  OR (actor_kind = 'staff' AND actor_id = " STAFF_ID_OF_LOGIN "))"
	" AND (? = '' OR at >= ?)"
	" AND (? = '' OR at < ? + INTERVAL 1 DAY)"
	" ORDER BY id DESC LIMIT ? OFFSET ?");

static struct sql q_history = SQL(
	"SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, actor_name,"
	" action, detail FROM audit_log WHERE object = ?"
	" ORDER BY id DESC LIMIT ?");

int audit_log(struct req *r, const char *action, const char *object,
	      const char *detail)
{
	const char *kind = r->sess.kind ? r->sess.kind->name : "anonymous";

	if (db_exec(&q_audit, "sissssss", kind,
		    r->sess.kind ? r->sess.account_id : 0LL,
		    r->sess.kind ? r->sess.name : "", action, object, detail,
		    r->id, req_env(r, "REMOTE_ADDR")) < 0) {
		log_err("audit %s %s not written", action, object);
		return -1;
	}
	return 0;
}

int audit_list_hdf(HDF *hdf, const char *prefix, const struct audit_filter *f,
		   long long limit, long long offset)
{
	return db_select_hdf(&q_list, hdf, prefix, "iissssssssssssii", f->unit,
			     f->national, f->action, f->action, f->action,
			     f->object, f->object, f->actor, f->actor, f->actor,
			     f->from, f->from, f->to, f->to, limit, offset);
}

int audit_history_hdf(HDF *hdf, const char *prefix, const char *object,
		      long long limit)
{
	return db_select_hdf(&q_history, hdf, prefix, "si", object, limit);
}
