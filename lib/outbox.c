/* outbox.c: e-mails go to a table in the same transaction as their cause;
 * a mailer drains it, and the dev page shows it when there is none */
#include "outbox.h"

#include "conf.h"
#include "db.h"
#include "resp.h"
#include "view.h"

static struct sql q_put = SQL(
	"INSERT INTO outbox (created_at, recipient, subject, body, lang)"
	" VALUES (UTC_TIMESTAMP(), ?, ?, ?, ?)");
static struct sql q_list = SQL(
	"SELECT id, created_at, recipient, subject, body, sent_at"
	" FROM outbox ORDER BY id DESC LIMIT 100");
static struct sql q_list_to = SQL(
	"SELECT id, created_at, recipient, subject, body, sent_at"
	" FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT 100");

int outbox_put(struct req *r, const char *to, const char *subject_key,
	       const char *tpl)
{
	struct buf body = { 0 };
	int rc = -1;

	if (view_render_to(r, tpl, &body) == 0 &&
	    db_exec(&q_put, "ssss", to, view_text(r, subject_key),
		    body.p ? body.p : "", r->lang) >= 0)
		rc = 0;
	buf_free(&body);
	return rc;
}

int outbox_fn(struct req *r)
{
	const char *to = req_query(r, "to");

	/* Only a development stack has no mail server to hide this from. */
	if (!conf_int("Dev.Outbox", 0))
		return resp_error(r, 404, "not_found");
	if (to)
		hdf_set_value(r->hdf, "Filter.To", to);
	if ((to ? db_select_hdf(&q_list_to, r->hdf, "Outbox", "s", to)
		: db_select_hdf(&q_list, r->hdf, "Outbox", "")) < 0)
		return -1;
	return view_render(r, 200, "dev/outbox.cs");
}
