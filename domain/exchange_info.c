/* exchange_info.c: what partners say about an object now, for the risk
 * rules (external.listed, external.category), and the normalised key an
 * object is found by */
#include "exchange.h"

#include <stdio.h>
#include <string.h>

#include "valid.h"

/* The highest level first, then the newest: one row answers both fields.
 * Validity by UTC_DATE(): partners send dates without a zone. */
static struct sql q_info = SQL(
	"SELECT i.category, i.level, s.code FROM risk_info i"
	" JOIN exchange_source s ON s.id = i.source_id"
	" WHERE i.object_kind = ? AND i.value_key = ?"
	" AND i.valid_from <= UTC_DATE() AND i.valid_to >= UTC_DATE()"
	" ORDER BY i.level DESC, i.updated_at DESC LIMIT 1");

size_t exchange_value_key(const char *kind, const char *value, char *out,
			  size_t outsz)
{
	size_t n = 0;

	if (!out || !outsz)
		return 0;
	out[0] = '\0';
	if (!kind || !value)
		return 0;
	/* Plates as the register and the watch list key them. */
	if (!strcmp(kind, "plate"))
		return valid_plate_normalise(value, out, outsz);
	for (; *value; value++) {
		char c = *value;

		if (c == ' ' || c == '-' || c == '.')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ||
		    n + 1 >= outsz) {
			out[0] = '\0';
			return 0;
		}
		out[n++] = c;
	}
	out[n] = '\0';
	if ((!strcmp(kind, "container") && !valid_container(out)) ||
	    (!strcmp(kind, "company") && !valid_eori(out)) ||
	    (!strcmp(kind, "document") && (n < 2 || n > 20)) ||
	    (strcmp(kind, "container") && strcmp(kind, "company") &&
	     strcmp(kind, "document"))) {
		out[0] = '\0';
		return 0;
	}
	return n;
}

int exchange_risk_info(struct arena *a, const char *kind, const char *value,
		       struct exchange_info *out)
{
	char key[144];
	struct row row;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!exchange_value_key(kind, value, key, sizeof(key)))
		return 0;
	rc = db_get(a, &q_info, &row, "ss", kind, key);
	if (rc <= 0)
		return rc;
	out->listed = 1;
	out->level = (int)row_int(&row, "level", 0);
	snprintf(out->category, sizeof(out->category), "%s",
		 row_get(&row, "category", ""));
	snprintf(out->source, sizeof(out->source), "%s",
		 row_get(&row, "code", ""));
	return 0;
}
