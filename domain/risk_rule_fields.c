/* risk_rule_fields.c: the catalogue of facts a risk rule may read
 * (docs/risk-rules.md lists the same, with examples) */
#include "risk_rule.h"

/* Arguments are days or hours back: up to ten years, or a year in hours. */
const struct risk_field_def risk_fields[RF__MAX] = {
	{ "event.crossing", RISK_STR, 0, 0,
	  "event_crossing" }, /* RF_EVENT_CROSSING */
	{ "event.lane_kind", RISK_STR, 0, 0,
	  "event_lane_kind" }, /* RF_EVENT_LANE_KIND */
	{ "event.direction", RISK_STR, 0, 0,
	  "event_direction" }, /* RF_EVENT_DIRECTION */
	{ "event.object_kind", RISK_STR, 0, 0,
	  "event_object_kind" }, /* RF_EVENT_OBJECT_KIND */
	{ "event.plate_country", RISK_STR, 0, 0,
	  "event_plate_country" }, /* RF_EVENT_PLATE_COUNTRY */
	{ "event.confidence", RISK_NUM, 0, 0,
	  "event_confidence" }, /* RF_EVENT_CONFIDENCE */
	{ "event.gross_weight", RISK_NUM, 0, 0,
	  "event_gross_weight" }, /* RF_EVENT_GROSS_WEIGHT */
	{ "event.radiation", RISK_NUM, 0, 0,
	  "event_radiation" }, /* RF_EVENT_RADIATION */
	{ "event.radiation_alarm", RISK_BOOL, 0, 0,
	  "event_radiation_alarm" }, /* RF_EVENT_RADIATION_ALARM */
	{ "event.nationality", RISK_STR, 0, 0,
	  "event_nationality" }, /* RF_EVENT_NATIONALITY */
	{ "event.hour", RISK_INT, 0, 0, "event_hour" }, /* RF_EVENT_HOUR */
	{ "event.weekday", RISK_INT, 0, 0,
	  "event_weekday" },				 /* RF_EVENT_WEEKDAY */
	{ "sightings", RISK_INT, 1, 3650, "sightings" }, /* RF_SIGHTINGS */
	{ "first_sighting", RISK_BOOL, 0, 0,
	  "first_sighting" }, /* RF_FIRST_SIGHTING */
	{ "crossings_within", RISK_INT, 1, 8760,
	  "crossings_within" },			     /* RF_CROSSINGS_WITHIN */
	{ "doubtful", RISK_BOOL, 0, 0, "doubtful" }, /* RF_DOUBTFUL */
	{ "ebt.booked", RISK_BOOL, 0, 0, "ebt_booked" }, /* RF_EBT_BOOKED */
	{ "ebt.mrn", RISK_BOOL, 0, 0, "ebt_mrn" },	 /* RF_EBT_MRN */
	{ "ebt.company_age_days", RISK_INT, 0, 0,
	  "ebt_company_age_days" }, /* RF_EBT_COMPANY_AGE_DAYS */
	{ "ebt.company_irregularities", RISK_INT, 1, 3650,
	  "ebt_company_irregularities" }, /* RF_EBT_COMPANY_IRREG */
	{ "ebt.changed", RISK_BOOL, 0, 0, "ebt_changed" }, /* RF_EBT_CHANGED */
	{ "ebt.late", RISK_BOOL, 0, 0, "ebt_late" },	   /* RF_EBT_LATE */
	{ "watch.near_match", RISK_BOOL, 0, 0,
	  "watch_near_match" }, /* RF_WATCH_NEAR_MATCH */
	{ "external.listed", RISK_BOOL, 0, 0,
	  "external_listed" }, /* RF_EXTERNAL_LISTED */
	{ "external.category", RISK_STR, 0, 0,
	  "external_category" }, /* RF_EXTERNAL_CATEGORY */
};
