/* notify.c: the watch-list action notify_unit: when such an entry is hit,
 * each active officer of its issuing unit gets an e-mail (outbox) and a
 * notice on the intranet's start page, in the transaction that raises the
 * alert, so neither outlives a rolled-back alert */
#include "ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "conf.h"
#include "crossings.h"
#include "db.h"
#include "log.h"
#include "notice.h"
#include "outbox.h"
#include "staff.h"
#include "tzpl.h"

/* The e-mail's values, the same for every officer of the unit. */
static void mail_hdf(struct req *r, const struct unit_hit *h,
		     const struct crossing *crossing)
{
	char at[17];

	tzpl_text((long long)time(NULL), at);
	hdf_set_value(r->hdf, "Mail.Base", conf_get("Site.BaseUrl", ""));
	hdf_set_valuef(r->hdf, "Mail.alert_id=%lld", h->alert_id);
	hdf_set_valuef(r->hdf, "Mail.entry_id=%lld", h->entry_id);
	hdf_set_value(r->hdf, "Mail.subject", h->subject);
	hdf_set_value(r->hdf, "Mail.value", h->value);
	hdf_set_value(r->hdf, "Mail.crossing", h->crossing);
	hdf_set_value(r->hdf, "Mail.crossing_pl",
		      crossing->id ? crossing->name_pl : h->crossing);
	hdf_set_value(r->hdf, "Mail.crossing_en",
		      crossing->id ? crossing->name_en : h->crossing);
	hdf_set_value(r->hdf, "Mail.lane", h->lane);
	hdf_set_value(r->hdf, "Mail.booking", h->booking);
	hdf_set_value(r->hdf, "Mail.confidence", h->confidence);
	hdf_set_value(r->hdf, "Mail.at", at);
}

int notify_unit_hit(struct req *r, const struct unit_hit *h)
{
	struct notice_hit n = {
		.alert_id = h->alert_id,
		.entry_id = h->entry_id,
		.subject = h->subject,
		.value = h->value,
		.crossing = h->crossing,
	};
	const char *list = arena_printf(&r->arena, "Notify.%lld", h->alert_id);
	struct crossing crossing;
	HDF *o;
	int rc;

	/* None (0): the code stands for its name, no unit. */
	rc = crossings_by_code(h->crossing, &crossing);
	if (rc < 0)
		return -1;
	n.crossing_unit = crossing.unit_id;
	if (staff_active_of_unit_hdf(r->hdf, list, h->unit_id) < 0)
		return -1;
	mail_hdf(r, h, &crossing);
	/* Each officer reads it in their own language, whatever the
	 * request that raised the alert asked. */
	rc = 0;
	for (o = hdf_obj_child(hdf_get_obj(r->hdf, list)); o && rc == 0;
	     o = hdf_obj_next(o)) {
		const char *email = hdf_get_value(o, "email", "");

		if (notice_watch_hit(
			    strtoll(hdf_get_value(o, "id", "0"), NULL, 10),
			    &n) < 0 ||
		    outbox_put_lang(r, hdf_get_value(o, "lang", NULL), email,
				    "ingest.mail.hit_subject",
				    "mail/watch_hit.cs") < 0)
			rc = -1;
	}
	if (rc < 0)
		log_err("alert %lld: unit %lld not notified", h->alert_id,
			h->unit_id);
	return rc;
}
