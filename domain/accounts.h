/* accounts.h: portal accounts (the only code that names portal_account
 * and account_token), and the portal's kind of session (zsog_portal
 * everywhere outside /skr/, the portal look) */
#ifndef ZSOG_ACCOUNTS_H
#define ZSOG_ACCOUNTS_H

#include "db.h"
#include "route.h"
#include "session.h"
#include "util.h"

/* A page of a signed-in portal user. portal_session serves every path
 * but /skr/, so there R_SIGNIN asks for it. */
#define R_PORTAL R_SIGNIN

/* ---- the portal's kind of session (accounts.c) ---- */

extern const struct session_kind portal_session;

/* ---- what e-Customer asks about an account (accounts_contact.c) ---- */

/* Portal account id's contact data (first_name, last_name, country,
 * phone, email) into row: 1, 0 none, -1. */
int accounts_contact(struct arena *a, long long id, struct row *row);

#endif
