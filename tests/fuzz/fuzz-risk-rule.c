/* fuzz-risk-rule.c: libFuzzer target for the risk-rule language: any bytes
 * go through risk_rule_compile() and, when they compile, through
 * risk_rule_eval() with facts that are known or unknown by the input's
 * first byte (make fuzz; docs/risk-rules.md) */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "risk_rule.h"

static int get(void *ctx, int field, const long long *args, int nargs,
	       struct risk_value *out)
{
	unsigned seed = *(const unsigned *)ctx;

	(void)args;
	(void)nargs;
	out->known = (seed >> (field % 8)) & 1;
	out->i = field * 7 - 40;
	out->d = field * 0.37 - 2.0;
	out->s = (seed & 0x80) ? "BY" : "";
	return (seed == 0xFF && field == RF_SIGHTINGS) ? -1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct risk_error err;
	struct risk_rule *r;
	struct risk_facts f;
	unsigned seed = size ? data[0] : 0;
	char used[64], *text;

	/* the rule arrives as a C string: cut it at a NUL as a form would */
	if (!(text = malloc(size + 1)))
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (risk_rule_compile(text, &r, &err) == 0) {
		f.ctx = &seed;
		f.get = get;
		(void)risk_rule_eval(r, &f, used, sizeof(used));
		(void)risk_rule_eval(r, &f, NULL, 0);
		risk_rule_free(r);
	} else if (err.pos < 0 || err.line < 1 || err.col < 1 || !err.msg[0] ||
		   strlen(err.near) >= sizeof(err.near)) {
		abort();
	}
	free(text);
	return 0;
}
