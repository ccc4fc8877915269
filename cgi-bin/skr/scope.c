/* scope.c: which units and staff an administrator manages, and the role
 * sets the staff pages show and read */
#include "skr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "route.h"
#include "staff.h"
#include "units.h"
#include "view.h"

int scope_has_unit(struct req *r, long long unit)
{
	return units_in_subtree(&r->arena, r->sess.unit_id, unit);
}

const char *unit_code(struct req *r, long long unit)
{
	return units_label(&r->arena, unit);
}

const char *unit_name_of(struct req *r, const char *pl, const char *en)
{
	const char *v = strcmp(r->lang, "en") == 0 ? en : pl;

	return v ? v : "";
}

struct units_ctx {
	struct req *r;
	const char *prefix;
	int n;
};

static int unit_cb(const struct row *row, void *ctx)
{
	struct units_ctx *c = ctx;
	struct req *r = c->r;
	const char *name = unit_name_of(r, row_get(row, "name_pl", ""),
					row_get(row, "name_en", ""));
	long long level = row_int(row, "level", 0);
	struct buf label = { 0 };

	/* No-break spaces: a <select> shows the hierarchy without markup. */
	for (long long i = 0; i < level && i < 8; i++)
		buf_puts(&label, "\xc2\xa0\xc2\xa0\xc2\xa0");
	buf_printf(&label, "%s — %s", row_get(row, "code", ""), name);
	hdf_set_valuef(r->hdf, "%s.%d.Value=%s", c->prefix, c->n,
		       row_get(row, "id", ""));
	hdf_set_valuef(r->hdf, "%s.%d.Label=%s", c->prefix, c->n,
		       label.p ? label.p : "");
	hdf_set_valuef(r->hdf, "%s.%d.Level=%lld", c->prefix, c->n, level);
	hdf_set_valuef(r->hdf, "%s.%d.Code=%s", c->prefix, c->n,
		       row_get(row, "code", ""));
	hdf_set_valuef(r->hdf, "%s.%d.Kind=%s", c->prefix, c->n,
		       row_get(row, "kind", ""));
	hdf_set_valuef(r->hdf, "%s.%d.Name=%s", c->prefix, c->n, name);
	hdf_set_valuef(r->hdf, "%s.%d.Parent=%s", c->prefix, c->n,
		       row_get(row, "parent_id", ""));
	buf_free(&label);
	c->n++;
	return 0;
}

int scope_units_hdf(struct req *r, const char *prefix, long long root)
{
	struct units_ctx c = { r, prefix, 0 };

	if (root <= 0)
		return 0;
	if (units_each(root, unit_cb, &c) < 0)
		return -1;
	return c.n;
}

unsigned roles_parse(const char *csv)
{
	char buf[256], *tok, *save = NULL;
	unsigned bits = 0;

	if (!csv)
		return 0;
	snprintf(buf, sizeof(buf), "%s", csv);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save))
		bits |= staff_role_bit(tok);
	return bits;
}

const char *roles_text(struct req *r, unsigned bits)
{
	struct buf b = { 0 };
	const char *out;

	for (unsigned bit = 1; bit < ROLE__ALL; bit <<= 1)
		if (bits & bit)
			buf_printf(&b, "%s%s", b.len ? "," : "",
				   staff_role_name(bit));
	out = arena_strdup(&r->arena, b.len ? b.p : "-");
	buf_free(&b);
	return out;
}

void roles_hdf(struct req *r, const char *prefix, unsigned bits)
{
	int n = 0;

	for (unsigned bit = 1; bit < ROLE__ALL; bit <<= 1, n++) {
		char key[64];

		snprintf(key, sizeof(key), "skr.role.%s", staff_role_name(bit));
		hdf_set_valuef(r->hdf, "%s.%d.Name=%s", prefix, n,
			       staff_role_name(bit));
		hdf_set_valuef(r->hdf, "%s.%d.Label=%s", prefix, n,
			       view_text(r, key));
		if (bits & bit)
			hdf_set_valuef(r->hdf, "%s.%d.On=1", prefix, n);
	}
}

int roles_read(struct req *r, unsigned *bits)
{
	int bad = 0;

	*bits = 0;
	/* Checkboxes repeat one name: every field counts, not the first. */
	for (size_t i = 0; i < r->nf; i++) {
		unsigned bit;

		if (strcmp(r->ffields[i].name, "role") != 0)
			continue;
		bit = staff_role_bit(r->ffields[i].value);
		if (!bit)
			bad = 1;
		*bits |= bit;
	}
	return bad ? -1 : 0;
}
