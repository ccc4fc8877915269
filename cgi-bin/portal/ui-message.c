/* ui-message.c: the short pages that only say something: "check your
 * e-mail", "this link has expired" */
#include "portal.h"

#include <stdio.h>

#include "view.h"

int message_page(struct req *r, int status, const char *key, const char *href)
{
	char k[96];

	snprintf(k, sizeof(k), "%s.title", key);
	hdf_set_value(r->hdf, "Msg.Title", view_text(r, k));
	snprintf(k, sizeof(k), "%s.text", key);
	hdf_set_value(r->hdf, "Msg.Text", view_text(r, k));
	if (href) {
		snprintf(k, sizeof(k), "%s.link", key);
		hdf_set_value(r->hdf, "Msg.Href", href);
		hdf_set_value(r->hdf, "Msg.Link", view_text(r, k));
	}
	return view_render(r, status, "portal/message.cs");
}
