/* risk_rule.h: the risk-rule language (docs/risk-rules.md): a rule an
 * analyst wrote is checked and compiled once, then evaluated per object
 * with facts fetched lazily through a provider. Pure C, no database: the
 * provider (i14-core) reads the facts in the modules owning them. */
#ifndef ZSOG_RISK_RULE_H
#define ZSOG_RISK_RULE_H

#include <stddef.h>

/* Limits checked by risk_rule_compile(). */
#define RISK_RULE_MAX_LEN 4000 /* characters of rule text */
#define RISK_RULE_MAX_DEPTH 32 /* nesting of parentheses / not / operators */
#define RISK_RULE_MAX_ARGS 2   /* numeric arguments of one field */

enum risk_type { RISK_BOOL, RISK_INT, RISK_NUM, RISK_STR };

/* One value. known=0: the fact is unknown (no booking, no reading...);
 * i for BOOL and INT, d for NUM, s for STR (a NUL-terminated string that
 * the provider keeps alive until risk_rule_eval() returns). */
struct risk_value {
	enum risk_type type;
	int known;
	long long i;
	double d;
	const char *s;
};

/* Where and what: pos is the byte offset in the text, line and col count
 * from 1; msg is the suffix of the lang key risk_rule.err.<msg> (the list
 * is in docs/risk-rules.md); near is the text found there (may be ""),
 * shown quoted in the message. */
struct risk_error {
	int pos;
	int line, col;
	char msg[160];
	char near[48];
};

/* The field catalogue: what a rule may read. Keep in the order of
 * risk_fields[] (risk_rule_fields.c) and of docs/risk-rules.md. */
enum risk_field {
	RF_EVENT_CROSSING,    /* STR  crossing code, e.g. 'PL-TER' */
	RF_EVENT_LANE_KIND,   /* STR  lane kind of the lane read */
	RF_EVENT_DIRECTION,   /* STR  'entry' | 'exit' */
	RF_EVENT_OBJECT_KIND, /* STR  'plate' 'container' 'wagon' 'document' */
	RF_EVENT_PLATE_COUNTRY,	  /* STR  ISO 3166 alpha-2 of the plate */
	RF_EVENT_CONFIDENCE,	  /* NUM  reader confidence 0..1 */
	RF_EVENT_GROSS_WEIGHT,	  /* NUM  kg, from the lane's scale */
	RF_EVENT_RADIATION,	  /* NUM  radiation level (µSv/h) */
	RF_EVENT_RADIATION_ALARM, /* BOOL the portal's alarm */
	RF_EVENT_NATIONALITY,	  /* STR  document nationality, alpha-2 */
	RF_EVENT_HOUR,		  /* INT  0..23, Warsaw time */
	RF_EVENT_WEEKDAY,	  /* INT  1 Monday .. 7 Sunday, Warsaw time */
	RF_SIGHTINGS, /* INT  sightings(days): crossings of the object in the last days */
	RF_FIRST_SIGHTING, /* BOOL never seen before this event */
	RF_CROSSINGS_WITHIN, /* INT  crossings_within(hours): distinct crossings in the last hours */
	RF_DOUBTFUL,		 /* BOOL the read failed its check digit */
	RF_EBT_BOOKED,		 /* BOOL an eBT booking covers it */
	RF_EBT_MRN,		 /* BOOL the booking carries an MRN */
	RF_EBT_COMPANY_AGE_DAYS, /* INT  days since the booking company was registered */
	RF_EBT_COMPANY_IRREG, /* INT  ebt.company_irregularities(days): irregular control outcomes */
	RF_EBT_CHANGED, /* BOOL the booking was changed */
	RF_EBT_LATE, /* BOOL the booking was made late (shortly before the slot) */
	RF_WATCH_NEAR_MATCH, /* BOOL a lookalike watch-list match below alert level */
	RF_EXTERNAL_LISTED, /* BOOL listed in imported external risk information */
	RF_EXTERNAL_CATEGORY, /* STR  category of that external information */
	RF__MAX
};

/* One catalogue entry: the name written in rules, its type, how many
 * numeric arguments it takes (each 1..arg_max), and the lang key suffix of
 * its description (risk_rule.field.<doc>). */
struct risk_field_def {
	const char *name;
	enum risk_type type;
	int nargs;
	long long arg_max;
	const char *doc;
};
extern const struct risk_field_def risk_fields[RF__MAX];

/* A rule: text an analyst wrote -> checked -> compiled once -> evaluated
 * per object. The compiled form is immutable, shareable in a worker. */
struct risk_rule;

/* Facts are read lazily through the provider: only fields a rule uses are
 * fetched, each (field, args) at most once per evaluation. */
struct risk_facts {
	void *ctx;
	/* field = catalogue id (enum risk_field), args = its numeric
	 * arguments (e.g. sightings(30) -> args[0]=30); return 0 and fill *out
	 * (known=0 when the fact is unknown), -1 on a database error */
	int (*get)(void *ctx, int field, const long long *args, int nargs,
		   struct risk_value *out);
};

/* 0 and *out (free with risk_rule_free), or -1 and *err filled. */
int risk_rule_compile(const char *text, struct risk_rule **out,
		      struct risk_error *err);
void risk_rule_free(struct risk_rule *r);

/* 1 = matches, 0 = does not, -1 = provider error; `used` (may be NULL)
 * receives, when the rule matches, a short text of the inputs the
 * decision read, e.g. "event.plate_country=BY; sightings(30)=0"
 * (truncated to usedsz), and "" when it does not. Never allocates. */
int risk_rule_eval(const struct risk_rule *r, const struct risk_facts *f,
		   char *used, size_t usedsz);

/* Whether the rule reads field (with any arguments): 1 or 0. Lets a
 * provider skip preparing facts no rule needs. */
int risk_rule_uses(const struct risk_rule *r, int field);

#endif
