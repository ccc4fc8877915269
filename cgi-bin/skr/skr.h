/* skr.h: the SKR program's handlers */
#ifndef ZSOG_SKR_H
#define ZSOG_SKR_H

#include "req.h"

int dashboard_fn(struct req *r);

#endif
