/* accounts_throttle.c: at most Accounts.MailsPerHour sign-up and reset e-mails to
 * one address an hour, counted whether the address has an account or not
 * (so the limit tells nobody which addresses have one) */
#include "accounts_throttle.h"

#include "conf.h"
#include "db.h"
#include "resp.h"
#include "session.h"
#include "tzpl.h"
#include "view.h"

static struct sql q_recent = SQL(
	"SELECT COUNT(*) AS n, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),"
	" MIN(at) + INTERVAL 1 HOUR) AS wait"
	" FROM mail_request"
	" WHERE email_key = ? AND at > UTC_TIMESTAMP() - INTERVAL 1 HOUR");
static struct sql q_add = SQL(
	"INSERT INTO mail_request (purpose, email_key, client_ip, at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP())");
/* Requests older than the window count for nothing: a few go with each
 * new one, so the table holds about an hour's requests. */
static struct sql q_sweep = SQL(
	"DELETE FROM mail_request"
	" WHERE at < UTC_TIMESTAMP() - INTERVAL 1 HOUR LIMIT 20");

/* The message beside the field says how many minutes to wait (rounded
 * up, as Retry-After counts seconds) and the local time of the first
 * whole minute at which the oldest request of the hour no longer counts. */
static void limited(struct req *r, long long wait)
{
	struct tzpl_tm tm;
	long long until, minutes;

	if (wait < 1)
		wait = 1;
	until = now_unix() + wait;
	minutes = (wait + 59) / 60;
	if (until % 60)
		until += 60 - until % 60;
	tzpl_from_utc(until, &tm);
	hdf_set_valuef(r->hdf, "Form.email.Error=%s %s %lld %s (%s %02d:%02d).",
		       view_text(r, "err.portal_mail_limit"),
		       view_text(r, "wait.try_in"), minutes,
		       view_plural(r, minutes, "wait.minute"),
		       view_text(r, "wait.at"), tm.hour, tm.min);
	hdf_set_int_value(r->hdf, "Page.FormErrors", 1);
	resp_header(r, "Retry-After", arena_printf(&r->arena, "%lld", wait));
}

int throttle_mail(struct req *r, const char *purpose, const char *email)
{
	unsigned char key[32];
	const char *ip = req_env(r, "REMOTE_ADDR");
	struct row row;

	/* Only a keyed hash: the table need not keep addresses of people
	 * who have no account. */
	session_mac("mail", email, key);
	if (db_get(&r->arena, &q_recent, &row, "b", key, sizeof(key)) <= 0)
		return -1;
	if (row_int(&row, "n", 0) >= conf_int("Accounts.MailsPerHour", 5)) {
		limited(r, row_int(&row, "wait", 0));
		return 0;
	}
	if (db_exec(&q_add, "sbs", purpose, key, sizeof(key), ip ? ip : "") <
		    0 ||
	    db_exec(&q_sweep, "") < 0)
		return -1;
	return 1;
}
