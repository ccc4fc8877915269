/* watch_decide.c: who may decide a watch-list entry (four eyes) and
 * withdraw it; no database, unit-tested */
#include "watch.h"

#include <string.h>

#include "staff.h"

int watch_may_decide(const char *status, unsigned roles, int mine)
{
	return (roles & ROLE_WATCHLIST) && !mine && status &&
	       strcmp(status, "pending") == 0;
}

int watch_may_withdraw(const char *status, unsigned roles)
{
	return (roles & ROLE_WATCHLIST) && status &&
	       strcmp(status, "active") == 0;
}
