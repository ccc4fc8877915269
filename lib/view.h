/* view.h: ClearSilver templates parsed once per worker, rendered with the
 * request's HDF and the language's strings */
#ifndef ZSOG_VIEW_H
#define ZSOG_VIEW_H

#include <stdint.h>

#include "req.h"

/* Parses templates (NULL-ended names under Paths.Templates) and loads the
 * language files. Every variable is HTML-escaped (Config.VarEscapeMode). */
int view_init(const char *const *templates);
void view_free(void);
int view_render(struct req *r, int status, const char *tpl);
/* Renders into out instead of sending (e-mails, tests). */
int view_render_to(struct req *r, const char *tpl, struct buf *out);
/*
 * A page for a cache shared by readers (lib/pagecache.h) is made in two
 * steps. view_render_part renders tpl's content() alone (layout.cs draws
 * no frame while Page.Part is set): nothing of the reader is in it — no
 * CSRF token, name or menu, which are the frame's — as long as the
 * page's content shows none (a page with a form per person is not kept).
 * meta gets the frame's fields the page set (Page.Title, Css, Script,
 * Print) as "Name=value" lines. view_render_framed draws the reader's
 * frame around such a part (NUL-ended) and its meta and sends it with
 * status.
 */
int view_render_part(struct req *r, const char *tpl, struct buf *out,
		     struct buf *meta);
int view_render_framed(struct req *r, int status, const char *part,
		       const char *meta);
/* The usual use of both: renders tpl's part, keeps it as a 200 answer
 * under key (pagecache_put: valid while the counters noted in s before
 * the page's data was read stand, and for ttl_ms) and sends it in
 * r's frame. Without a key (out of memory) the whole page is rendered and
 * nothing kept. 0 or -1. */
struct kept_stamp;
int view_render_kept(struct req *r, const char *tpl, const char *key,
		     const struct kept_stamp *s, long long ttl_ms);
/* A kept answer (pagecache_get) sent to r: an HTML one is a part, drawn
 * in r's frame (view_render_framed); any other (a CSV) as it was kept.
 * 0 or -1. */
struct pagecache_answer;
int view_send_kept(struct req *r, const struct pagecache_answer *a);
/* A string of the request's language: key under L (e.g. "err.required");
 * a key without a dot is a message under L.err ("required"), as struct
 * param's err. A missing string is logged and comes back empty, never
 * as its key. */
const char *view_text(struct req *r, const char *key);
const char *view_text_lang(const char *lang, const char *key);
int view_has_text(const char *lang, const char *key);
/* The word after a count n: L.<key>.one, .few or .many by the rule of
 * the language (view_plural_form); templates call plural(n, "key"). */
const char *view_plural(struct req *r, long long n, const char *key);
/* "one", "few" or "many": Polish has three forms (1; 2-4, 22-24 but not
 * 12-14; the rest), English two (1; the rest, named "many"). */
const char *view_plural_form(const char *lang, long long n);
/* A UTC "YYYY-MM-DD HH:MM[:SS]" (a T may stand for the space, fractions
 * are dropped) as Warsaw time, to the same precision; templates call
 * local_time(t). -1 when utc is not such a time. */
int view_local_time(const char *utc, char *out, size_t outsz);
/* Picks pl or en from ?lang=, the cookie, then Accept-Language. */
const char *view_pick_lang(struct req *r);
/* Sets Form.name.Error to the message for key (L.err.invalid if there
 * is none). */
void view_field_error(struct req *r, const char *name, const char *key);
/* Sets Form.name.Error to "too long" with the limit: max characters. */
void view_field_error_max(struct req *r, const char *name, size_t max);

/*
 * A destructive POST asks first, without JavaScript: its handler checks
 * what it checks (access, fields) and then, unless view_confirmed(),
 * answers view_confirm() and changes nothing. The step (confirm.cs,
 * macro confirm_step) asks L.<key>.question, in which each {name} is
 * replaced by Confirm.Arg.name (set by the handler: words, not codes),
 * and offers L.<key>.yes — the same POST again with the form's other
 * fields and confirm=1 — and a way back to back.
 */
int view_confirmed(struct req *r);
int view_confirm(struct req *r, const char *key, const char *back);

#endif
