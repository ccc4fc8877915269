/* ui-dashboard.c: the intranet's start page: what the officer's roles open */
#include "skr.h"

#include "view.h"

int dashboard_fn(struct req *r)
{
	return view_render(r, 200, "skr/dashboard.cs");
}
