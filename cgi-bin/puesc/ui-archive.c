/* ui-archive.c: the staff page searching the SOAP message archive (time
 * range, sender, operation, outcome, message id) and one exchange with both
 * messages shown as text; read-only. National: auditors and the Ministry's
 * administrators only */
#include "puesc.h"

#include <stdlib.h>

#include "access.h"
#include "form.h"
#include "messages.h"
#include "resp.h"
#include "route.h"
#include "staff.h"
#include "valid.h"
#include "view.h"

#define LIMIT 100

static int valid_day(const char *s)
{
	return valid_date(s, NULL, NULL, NULL);
}

enum { F_FROM, F_TO, F_SENDER, F_OP, F_OUTCOME, F_MSGID, F__MAX };
static const struct param params[F__MAX] = {
	{ "from", P_QUERY, 10, NULL, valid_day, "date" }, /* F_FROM */
	{ "to", P_QUERY, 10, NULL, valid_day, "date" },	  /* F_TO */
	{ "sender", P_QUERY, 64, NULL, NULL, NULL },	  /* F_SENDER */
	{ "operation", P_QUERY, 40, NULL, NULL, NULL },	  /* F_OP */
	{ "outcome", P_QUERY, 32, NULL, NULL, NULL },	  /* F_OUTCOME */
	{ "message_id", P_QUERY, 64, NULL, NULL, NULL },  /* F_MSGID */
};

static const char *e(const char *s)
{
	return s ? s : "";
}

int archive_list_fn(struct req *r)
{
	const char *v[F__MAX];
	struct messages_filter f;
	int n;

	/* The route lets administrators in; those below the Ministry stop
	 * here (access.h says why; the menu asks the same). */
	if (!access_puesc_archive(r))
		return resp_error(r, 403, "puesc_archive_national");
	if (form_read(r, params, F__MAX, v))
		return view_render(r, 422, "skr/puesc-archive.cs");
	f.from = e(v[F_FROM]);
	f.to = e(v[F_TO]);
	f.sender = e(v[F_SENDER]);
	f.operation = e(v[F_OP]);
	f.outcome = e(v[F_OUTCOME]);
	f.message_id = e(v[F_MSGID]);
	n = messages_archive_list(r->hdf, "Archive", &f, LIMIT);
	if (n < 0)
		return -1;
	hdf_set_int_value(r->hdf, "Page.Shown", n);
	return view_render(r, 200, "skr/puesc-archive.cs");
}

int archive_show_fn(struct req *r)
{
	int n;

	if (!access_puesc_archive(r))
		return resp_error(r, 403, "puesc_archive_national");
	n = messages_archive_get(r->hdf, "Msg", route_arg_id(r, 0));
	if (n < 0)
		return -1;
	if (n == 0)
		return resp_error(r, 404, "not_found");
	return view_render(r, 200, "skr/puesc-message.cs");
}
