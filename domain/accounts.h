/* accounts.h: portal accounts as the platform sees them: the portal's kind
 * of session (zsog_portal everywhere outside /skr/, the portal look) */
#ifndef ZSOG_ACCOUNTS_H
#define ZSOG_ACCOUNTS_H

#include "route.h"
#include "session.h"

/* A page of a signed-in portal user. portal_session serves every path
 * but /skr/, so there R_SIGNIN asks for it. */
#define R_PORTAL R_SIGNIN

extern const struct session_kind portal_session;

#endif
