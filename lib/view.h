/* view.h: ClearSilver templates parsed once per worker, rendered with the
 * request's HDF and the language's strings */
#ifndef ZSOG_VIEW_H
#define ZSOG_VIEW_H

#include "req.h"

/* Parses templates (NULL-ended names under Paths.Templates) and loads the
 * language files. Every variable is HTML-escaped (Config.VarEscapeMode). */
int view_init(const char *const *templates);
void view_free(void);
int view_render(struct req *r, int status, const char *tpl);
/* Renders into out instead of sending (e-mails, tests). */
int view_render_to(struct req *r, const char *tpl, struct buf *out);
/* A string of the request's language: key under L (e.g. "err.required"). */
const char *view_text(struct req *r, const char *key);
const char *view_text_lang(const char *lang, const char *key);
/* Picks pl or en from ?lang=, the cookie, then Accept-Language. */
const char *view_pick_lang(struct req *r);
/* Sets Form.name.Error to the message for key. */
void view_field_error(struct req *r, const char *name, const char *key);

#endif
