/* fleet_remind.c: the reminders of the vehicles' deadlines: Fleet.RemindDays
 * days before each (and once overdue) a mail to every fleet manager whose
 * subtree holds the vehicle's unit, recorded so that no run sends one twice
 * (`zsog-admin fleet-remind`, run daily by cron: docs/operations.md) */
#include "fleet.h"
#include "fleet_docs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "log.h"
#include "outbox.h"
#include "staff.h"

#define MAX_STAGES 8

/* Taken before the mails, in their transaction: a second run (or one
 * racing this) finds the row and sends nothing. */
static struct sql q_record = SQL(
	"INSERT IGNORE INTO fleet_reminder (document_id, stage, due_on,"
	" sent_on, recipients) VALUES (?, ?, ?, ?, 0)");
static struct sql q_count = SQL("UPDATE fleet_reminder SET recipients = ?"
				" WHERE document_id = ? AND stage = ?");

struct remind {
	struct req *r;
	struct fleet_rules rules;
	int days[MAX_STAGES], ndays;
	long today;
	int docs, mails;
	int failed;
	/* the reminder in hand (one db_tx) */
	const struct row *row;
	struct fleet_due due;
	int stage;
	int sent;
};

/* The mail's values, the same for every manager. */
static void mail_hdf(struct remind *m)
{
	HDF *h = m->r->hdf;
	const struct row *row = m->row;
	int y, mo, d;

	hdf_remove_tree(h, "Mail");
	hdf_set_value(h, "Mail.Base", conf_get("Site.BaseUrl", ""));
	hdf_set_value(h, "Mail.vehicle_id", row_get(row, "vehicle_id", ""));
	hdf_set_value(h, "Mail.plate", row_get(row, "plate", ""));
	hdf_set_value(h, "Mail.make", row_get(row, "make", ""));
	hdf_set_value(h, "Mail.model", row_get(row, "model", ""));
	hdf_set_value(h, "Mail.kind", row_get(row, "kind", ""));
	hdf_set_value(h, "Mail.number", row_get(row, "number", ""));
	if (m->due.day >= 0) {
		fleet_day_civil(m->due.day, &y, &mo, &d);
		hdf_set_int_value(h, "Mail.due.y", y);
		hdf_set_int_value(h, "Mail.due.m", mo);
		hdf_set_int_value(h, "Mail.due.d", d);
		hdf_set_value(h, "Mail.due.set", "1");
	}
	hdf_set_int_value(h, "Mail.days_left", (int)m->due.days_left);
	hdf_set_int_value(h, "Mail.days_late", (int)-m->due.days_left);
	if (m->due.km >= 0) {
		hdf_set_valuef(h, "Mail.km=%lld", m->due.km);
		hdf_set_valuef(h, "Mail.km_late=%lld", -m->due.km_left);
	}
	hdf_set_int_value(h, "Mail.by_km", m->due.by_km);
	hdf_set_int_value(h, "Mail.overdue", m->stage == FLEET_STAGE_OVERDUE);
}

static int send_tx(void *ctx)
{
	struct remind *m = ctx;
	const char *list = "Remind.To";
	long long id = row_int(m->row, "id", 0);
	char today[11], due[11];
	long long n;
	HDF *o;

	m->sent = 0;
	fleet_day_text(m->today, today);
	n = db_exec(&q_record, "iiss", id, (long long)m->stage,
		    m->due.day >= 0 ? fleet_day_text(m->due.day, due) : NULL,
		    today);
	if (n <= 0)
		return n < 0 ? -1 : 0; /* 0: reminded already */
	hdf_remove_tree(m->r->hdf, list);
	if (staff_with_role_above_hdf(m->r->hdf, list,
				      row_int(m->row, "unit_id", 0),
				      "fleet") < 0)
		return -1;
	mail_hdf(m);
	for (o = hdf_obj_child(hdf_get_obj(m->r->hdf, list)); o;
	     o = hdf_obj_next(o)) {
		if (outbox_put_lang(m->r, hdf_get_value(o, "lang", NULL),
				    hdf_get_value(o, "email", ""),
				    "Fleet.Doc.mail.subject",
				    "mail/fleet_deadline.cs") < 0)
			return -1;
		m->sent++;
	}
	return db_exec(&q_count, "iii", (long long)m->sent, id,
		       (long long)m->stage) < 0
		       ? -1
		       : 0;
}

static int doc_cb(const struct row *row, void *ctx)
{
	struct remind *m = ctx;
	struct fleet_terms t;

	fleet_terms_of(row, &t);
	fleet_due_of(&t, &m->rules, m->today, row_int(row, "odometer_km", 0),
		     &m->due);
	m->stage = fleet_remind_stage(&m->due, m->days, m->ndays);
	if (m->stage == FLEET_STAGE_NONE)
		return 0;
	m->row = row;
	m->sent = 0;
	if (db_tx(send_tx, m) != 0) {
		log_err("fleet reminder of document %s failed: %s",
			row_get(row, "id", "?"), db_error());
		m->failed = 1;
		return 0; /* the others still go */
	}
	if (m->sent) {
		m->docs++;
		m->mails += m->sent;
	}
	return 0;
}

/* A row of Remind.Docs as a struct row (its strings stay the HDF's). */
static void row_of(HDF *node, struct row *row)
{
	HDF *c;

	row->n = 0;
	for (c = hdf_obj_child(node); c && row->n < DB_MAXCOLS;
	     c = hdf_obj_next(c)) {
		row->name[row->n] = hdf_obj_name(c);
		row->v[row->n++] = hdf_obj_value(c);
	}
}

/* The documents are read whole first (fleet_deadlines_hdf): the
 * connection streams a result, and each reminder runs statements of its
 * own. */
int fleet_remind_run(struct req *r, long today, int *docs, int *mails)
{
	static struct remind m;
	struct row row;
	HDF *o;

	memset(&m, 0, sizeof(m));
	m.r = r;
	m.today = today;
	fleet_rules_conf(&m.rules);
	m.ndays = fleet_remind_days(conf_get("Fleet.RemindDays", "14,3,0"),
				    m.days, MAX_STAGES);
	if (fleet_deadlines_hdf(r->hdf, "Remind.Docs", 0, 0) < 0)
		return -1;
	for (o = hdf_obj_child(hdf_get_obj(r->hdf, "Remind.Docs")); o;
	     o = hdf_obj_next(o)) {
		row_of(o, &row);
		doc_cb(&row, &m);
	}
	*docs = m.docs;
	*mails = m.mails;
	return m.failed ? -1 : 0;
}
