/* staff.h: staff accounts and their roles (staff, staff_role, staff_grant) */
#ifndef ZSOG_STAFF_H
#define ZSOG_STAFF_H

#include <ClearSilver.h>

/* The active staff of each unit that has any, as prefix.<unit id>=count;
 * 0 or -1. */
int staff_count_hdf(HDF *hdf, const char *prefix);

#endif
