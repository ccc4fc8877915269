/* ui-home.c: the portal's start page: what a company can do here */
#include "portal.h"

#include "view.h"

int home_fn(struct req *r)
{
	return view_render(r, 200, "portal/home.cs");
}
