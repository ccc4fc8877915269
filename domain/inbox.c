/* inbox.c: filing items in the customer's inbox, its exact counts, who
 * reads which addressee, and the read mark (docs/ecustomer.md, "The
 * inbox") */
#include "inbox.h"

#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "epochs.h"
#include "kept.h"
#include "log.h"
#include "outbox.h"
#include "registry.h"
#include "tzpl.h"
#include "view.h"

const char *const inbox_kinds[] = {
	"notice", "application", "decision", "xml", NULL,
};

static struct sql q_add = SQL(
	"INSERT INTO inbox_item (subject_type, subject_id, kind, created_at,"
	" title, outbox_id, message_id, application_id)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP(), LEFT(?, 255), NULLIF(?, 0),"
	" NULLIF(?, 0), NULLIF(?, 0))");
static struct sql q_count_add = SQL(
	"INSERT INTO inbox_count (subject_type, subject_id, total, unread)"
	" VALUES (?, ?, 1, 1)"
	" ON DUPLICATE KEY UPDATE total = total + 1, unread = unread + 1");
static struct sql q_read = SQL(
	"UPDATE inbox_item SET unread = 0, read_at = UTC_TIMESTAMP(),"
	" read_by = ? WHERE id = ? AND unread = 1");
static struct sql q_count_read = SQL(
	"UPDATE inbox_count SET unread = unread - 1"
	" WHERE subject_type = ? AND subject_id = ? AND unread > 0");
static struct sql q_counts = SQL("SELECT total, unread FROM inbox_count"
				 " WHERE subject_type = ? AND subject_id = ?");
static struct sql q_signature = SQL(
	"SELECT j.t, j.i, COALESCE(c.total, 0) AS total,"
	" COALESCE(c.unread, 0) AS unread"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (n FOR ORDINALITY,"
	"  t CHAR(1) COLLATE utf8mb4_unicode_ci PATH '$[0]', i BIGINT PATH '$[1]')) j"
	" LEFT JOIN inbox_count c ON c.subject_type = j.t AND c.subject_id = j.i"
	" ORDER BY j.n");
static struct sql q_get = SQL(
	"SELECT id, subject_type, subject_id, kind,"
	" DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at, unread,"
	" DATE_FORMAT(read_at, '%Y-%m-%d %H:%i:%s') AS read_at, title,"
	" outbox_id, message_id, application_id FROM inbox_item WHERE id = ?");

int inbox_kind_known(const char *kind)
{
	for (const char *const *k = inbox_kinds; kind && *k; k++)
		if (!strcmp(*k, kind))
			return 1;
	return 0;
}

struct add {
	char type[2];
	long long id, outbox_id, message_id, app;
	const char *kind, *title;
};

static int add_tx(void *ctx)
{
	const struct add *a = ctx;

	if (db_exec(&q_add, "sissiii", a->type, a->id, a->kind, a->title,
		    a->outbox_id, a->message_id, a->app) < 0 ||
	    db_exec(&q_count_add, "si", a->type, a->id) < 0) {
		log_err("inbox: filing %s for %s%lld: %s", a->kind, a->type,
			a->id, db_error());
		return -1;
	}
	epoch_bump(EPOCH_INBOX); /* after the commit */
	return 0;
}

int inbox_add(char type, long long id, const char *kind, const char *title,
	      long long outbox_id, long long message_id,
	      long long application_id)
{
	struct add a = { { type, 0 },	 id,   outbox_id,	  message_id,
			 application_id, kind, title ? title : "" };

	if ((type != INBOX_ACCOUNT && type != INBOX_COMPANY) || id <= 0 ||
	    !inbox_kind_known(kind)) {
		log_err("inbox: no such addressee or kind (%c%lld, %s)", type,
			id, kind ? kind : "-");
		return -1;
	}
	/* The item and its count change together, or the count lies. */
	if (db_in_transaction())
		return add_tx(&a);
	return db_tx(add_tx, &a) ? -1 : 0;
}

int inbox_mail(struct req *r, char type, long long id, const char *kind,
	       long long app, const char *lang, const char *to,
	       const char *subject_key, const char *tpl)
{
	long long mail = 0;
	const char *subject = NULL;

	if (outbox_put_id(r, lang, to, subject_key, tpl, &mail, &subject) < 0)
		return -1;
	/* The title keeps the subject's key beside the words it was sent
	 * with: the inbox shows it in the reader's language of the day
	 * (inbox_title), the words sent where a program lacks the key. */
	return inbox_add(type, id, kind ? kind : "notice",
			 arena_printf(&r->arena, "@%s|%s", subject_key,
				      subject ? subject : ""),
			 mail, 0, app);
}

/* Whose inboxes an account reads changes with the registry: kept like
 * the registry's own answers (domain/registry.c: rcache), dropped by
 * EPOCH_REGISTRY, for Registry.CacheSeconds, and only for today (UTC: the
 * day the registry's query means). */
#define RDCACHE_SIZE 64
struct rdcache_entry {
	struct inbox_reader rd;
	char day[11];
	struct kept k;
};
static struct rdcache_entry rdcache[RDCACHE_SIZE];

static int company_cb(const struct row *row, void *ctx)
{
	struct inbox_reader *rd = ctx;

	if (rd->n < 0)
		return 0;
	if (rd->n == INBOX_MAX_COMPANIES) {
		rd->n = -1;
		return 0;
	}
	rd->company[rd->n++] = row_int(row, "id", 0);
	return 0;
}

int inbox_reader_of(long long account, struct inbox_reader *rd)
{
	struct rdcache_entry *e = &rdcache[kept_slot(account, RDCACHE_SIZE)];
	long long ttl = conf_int("Registry.CacheSeconds", 10) * 1000;
	struct kept_stamp s;
	char day[11];
	int rc;

	tzpl_today_utc(day);
	if (kept_good(&e->k) && e->rd.account == account &&
	    !strcmp(e->day, day)) {
		*rd = e->rd;
		return 0;
	}
	memset(rd, 0, sizeof(*rd));
	rd->account = account;
	/* Noted before the reads: a change committed after it drops the copy. */
	s = kept_note(EPOCH_BIT(EPOCH_REGISTRY));
	rc = registry_person_of_account(account, &rd->person);
	if (rc < 0)
		return -1;
	if (rc == 1 && registry_companies_each(rd->person, INBOX_AUTHZ,
					       company_cb, rd) < 0)
		return -1;
	if (rd->n >= 0 && kept_may(&s, ttl)) {
		e->rd = *rd;
		snprintf(e->day, sizeof(e->day), "%s", day);
		kept_set(&e->k, &s, ttl);
	}
	return 0;
}

int inbox_may_read(const struct inbox_reader *rd, char type, long long id)
{
	if (type == INBOX_ACCOUNT)
		return id == rd->account;
	if (type != INBOX_COMPANY || !rd->person)
		return 0;
	for (int i = 0; i < rd->n; i++)
		if (rd->company[i] == id)
			return 1;
	/* More companies than the list holds: the registry answers. */
	return rd->n < 0 ? registry_may_act(rd->person, id, INBOX_AUTHZ, NULL)
			 : 0;
}

struct state {
	struct buf out;
	long long unread;
};

static int state_cb(const struct row *row, void *ctx)
{
	struct state *st = ctx;

	buf_printf(&st->out, "%s%lld:%lld/%lld;", row_get(row, "t", ""),
		   row_int(row, "i", 0), row_int(row, "total", 0),
		   row_int(row, "unread", 0));
	st->unread += row_int(row, "unread", 0);
	return 0;
}

/* The last state read for an account, kept by the worker while no item
 * of any addressee was filed or read (EPOCH_INBOX) and the readers did
 * not change (EPOCH_REGISTRY), for Inbox.CacheSeconds: every portal page
 * shows the count, and most pages are read between two changes. */
#define STCACHE_SIZE 64
static struct stcache_entry {
	long long account;
	struct kept k; /* EPOCH_INBOX and EPOCH_REGISTRY */
	long long unread;
	char sig[2048];
} stcache[STCACHE_SIZE];

int inbox_state(struct arena *a, const struct inbox_reader *rd,
		const char **sig, long long *unread)
{
	struct stcache_entry *e = &stcache[kept_slot(rd->account, STCACHE_SIZE)];
	long long ttl = conf_int("Inbox.CacheSeconds", 300) * 1000;
	struct state st = { { 0 }, 0 };
	struct buf pairs = { 0 };
	struct kept_stamp s;
	int rc;

	if (kept_good(&e->k) && e->account == rd->account) {
		*sig = arena_strdup(a, e->sig);
		*unread = e->unread;
		return 0;
	}
	/* Noted before the read: a change committed after it drops the copy. */
	s = kept_note(EPOCH_BIT(EPOCH_INBOX) | EPOCH_BIT(EPOCH_REGISTRY));
	buf_printf(&pairs, "[[\"A\",%lld]", rd->account);
	for (int i = 0; i < rd->n; i++)
		buf_printf(&pairs, ",[\"C\",%lld]", rd->company[i]);
	buf_puts(&pairs, "]");
	rc = db_each(&q_signature, state_cb, &st, "s", pairs.p);
	*sig = arena_strndup(a, st.out.p ? st.out.p : "", st.out.len);
	*unread = st.unread;
	if (rc >= 0 && rd->n >= 0 && st.out.len < sizeof(e->sig) &&
	    kept_may(&s, ttl)) {
		e->account = rd->account;
		kept_set(&e->k, &s, ttl);
		e->unread = st.unread;
		snprintf(e->sig, sizeof(e->sig), "%s", *sig);
	}
	buf_free(&pairs);
	buf_free(&st.out);
	return rc < 0 ? -1 : 0;
}

int inbox_counts(char type, long long id, long long *total, long long *unread)
{
	char t[2] = { type, 0 };
	struct arena a = { 0 };
	struct row row;
	int rc = db_get(&a, &q_counts, &row, "si", t, id);

	*total = rc == 1 ? row_int(&row, "total", 0) : 0;
	*unread = rc == 1 ? row_int(&row, "unread", 0) : 0;
	arena_reset(&a);
	return rc < 0 ? -1 : 0;
}

int inbox_get(HDF *hdf, const char *prefix, long long id)
{
	return db_select_hdf(&q_get, hdf, prefix, "i", id);
}

struct open {
	long long id, account, sid;
	char type[2];
};

static int open_tx(void *ctx)
{
	const struct open *o = ctx;
	long long n = db_exec(&q_read, "ii", o->account, o->id);

	if (n < 0)
		return -1;
	/* Read before (by someone else of the company too): nothing moves. */
	if (n == 0)
		return 0;
	if (db_exec(&q_count_read, "si", o->type, o->sid) < 0)
		return -1;
	epoch_bump(EPOCH_INBOX); /* after the commit */
	return 0;
}

int inbox_open(long long id, char type, long long sid, long long account)
{
	struct open o = { id, account, sid, { type, 0 } };

	return db_tx(open_tx, &o) ? -1 : 0;
}

const char *inbox_title(struct req *r, const char *title)
{
	const char *bar, *words, *key;

	if (!title || title[0] != '@' || !(bar = strchr(title, '|')))
		return title ? title : "";
	/* The words live in the language's HDF (lib/view), not the
	 * request's: templates see both, C asks the view. */
	key = arena_printf(&r->arena, "%.*s", (int)(bar - title - 1),
			   title + 1);
	if (!key || !strchr(key, '.') || !view_has_text(r->lang, key))
		return bar + 1;
	words = view_text(r, key);
	return words && *words ? words : bar + 1;
}
