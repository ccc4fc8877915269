/* form.c: every accepted field declared once with its validator; handlers
 * read only values that passed */
#include "form.h"

#include <string.h>

#include "valid.h"
#include "view.h"

static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Trims surrounding whitespace into the arena; single-line fields lose
 * their line breaks' right to exist. */
static const char *trim(struct req *r, const char *v, unsigned flags)
{
	size_t n;

	if (flags & P_RAW)
		return v;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' ||
		     v[n - 1] == '\n'))
		n--;
	return arena_strndup(&r->arena, v, n);
}

int form_read(struct req *r, const struct param *p, size_t n, const char **out)
{
	int errors = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const char *v = (p[i].flags & P_QUERY) ? req_query(r, p[i].name)
						       : req_form(r, p[i].name);
		const char *err = NULL;
		int too_long = 0;

		out[i] = NULL;
		if (v)
			v = trim(r, v, p[i].flags);
		if (v && !(p[i].flags & P_SECRET))
			hdf_set_valuef(r->hdf, "Form.%s=%s", p[i].name, v);
		if (!v || !*v) {
			if (p[i].flags & P_REQUIRED)
				err = "required";
		} else if (utf8_chars(v) > p[i].maxlen) {
			too_long = 1;
		} else if (!(p[i].flags & P_MULTILINE) && strpbrk(v, "\r\n")) {
			err = "one_line";
		} else {
			if (p[i].norm) {
				char *buf = arena_alloc(&r->arena,
							strlen(v) + 1);
				size_t k = buf ? p[i].norm(v, buf,
							   strlen(v) + 1)
					       : 0;

				if (k)
					v = buf;
				else
					err = p[i].err ? p[i].err : "invalid";
			}
			if (!err && p[i].check && !p[i].check(v))
				err = p[i].err ? p[i].err : "invalid";
			if (!err)
				out[i] = v;
		}
		if (too_long) {
			/* "too long" alone leaves the person guessing. */
			view_field_error_max(r, p[i].name, p[i].maxlen);
			errors++;
		} else if (err) {
			char key[96];

			snprintf(key, sizeof(key), "err.%s", err);
			view_field_error(r, p[i].name, key);
			errors++;
		}
	}
	if (errors)
		hdf_set_int_value(r->hdf, "Page.FormErrors", errors);
	return errors;
}
