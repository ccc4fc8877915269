/* accounts_throttle.h: at most Accounts.MailsPerHour sign-up and reset e-mails to
 * one address an hour, counted whether the address has an account or not */
#ifndef ZSOG_ACCOUNTS_THROTTLE_H
#define ZSOG_ACCOUNTS_THROTTLE_H

#include "req.h"

/* Inside the caller's transaction, before it looks the address up: counts
 * a request of purpose ("signup", "reset") for email. 1 counted; 0 over
 * the limit (Form.email.Error says from when on it can be tried again;
 * the answer is 429); -1 error. */
int throttle_mail(struct req *r, const char *purpose, const char *email);

#endif
