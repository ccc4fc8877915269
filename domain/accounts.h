/* accounts.h: portal accounts (the only code that names portal_account
 * and account_token) */
#ifndef ZSOG_ACCOUNTS_H
#define ZSOG_ACCOUNTS_H

#include "db.h"
#include "util.h"

/* ---- what e-Customer asks about an account (accounts_contact.c) ---- */

/* Portal account id's contact data (first_name, last_name, country,
 * phone, email) into row: 1, 0 none, -1. */
int accounts_contact(struct arena *a, long long id, struct row *row);

#endif
