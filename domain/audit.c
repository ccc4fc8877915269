/* audit.c: the append-only audit log (the database refuses UPDATE and
 * DELETE on it through triggers and grants) */
#include "audit.h"

#include "db.h"
#include "log.h"
#include "session.h"

static struct sql q_audit = SQL(
	"INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action,"
	" object, detail, request_id, client_ip) VALUES (UTC_TIMESTAMP(6),"
	" ?, ?, ?, ?, ?, ?, ?, ?)");

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
