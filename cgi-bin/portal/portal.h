/* portal.h: the portal program's handlers and the helpers its pages share */
#ifndef ZSOG_PORTAL_H
#define ZSOG_PORTAL_H

#include "req.h"

int home_fn(struct req *r);

/* ui-signup.c */
int signup_form_fn(struct req *r);
int signup_fn(struct req *r);
int signup_sent_fn(struct req *r);

/* ui-confirm.c */
int confirm_form_fn(struct req *r);
int confirm_fn(struct req *r);

/* ui-signin.c */
int signin_form_fn(struct req *r);
int signin_fn(struct req *r);
int signout_fn(struct req *r);

/* ui-account.c */
int account_fn(struct req *r);
int password_fn(struct req *r);

/* ui-reset.c */
int reset_form_fn(struct req *r);
int reset_fn(struct req *r);
int reset_sent_fn(struct req *r);
int reset_confirm_form_fn(struct req *r);
int reset_confirm_fn(struct req *r);

/* ui-message.c: a short page with a title, a text and maybe a link; key
 * names L.<key>.title and L.<key>.text. */
int message_page(struct req *r, int status, const char *key, const char *href);

/* account.c: what several account pages share */
/* A person's name: one line of text, 1..100 characters. */
int account_name_ok(const char *s);
/* Sets Form.password2.Error when the repeat differs; returns 1 then. */
int account_mismatch(struct req *r, const char *pw, const char *pw2);
/* Fills Mail.Link with Site.BaseUrl + path + "?t=" + token. */
void account_mail_link(struct req *r, const char *path, const char *token);

#endif
