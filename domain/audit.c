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
