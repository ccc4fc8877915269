/* portal.h: the portal program's handlers */
#ifndef ZSOG_PORTAL_H
#define ZSOG_PORTAL_H

#include "req.h"

int home_fn(struct req *r);

#endif
