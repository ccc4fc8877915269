/* risk.h: risk analysis: the control decision (random selection rates,
 * decisions and the profiles that fired), re-inspection orders and the
 * outcomes fed back. The only code that names risk_rate, risk_decision,
 * risk_decision_hit and reinspection (risk_*.c; the profiles and their
 * rule language are risk_profile*.c and risk_rule*.c). */
#ifndef ZSOG_RISK_H
#define ZSOG_RISK_H

#include <ClearSilver.h>

#include "db.h"
#include "util.h"

/* ---- the analysts' start page (risk_start.c) ---- */

/* The decisions of the last `days` days per colour, as prefix.green,
 * .yellow, .red, .random, .total; 0 or -1. */
int risk_decision_counts_hdf(struct arena *a, HDF *hdf, const char *prefix,
			     int days);
/* The re-inspection orders, active first then newest, at most 100, as
 * prefix.N: id, subject, value, reason, valid_from, valid_to, status,
 * created_by, created_at, decision_id; 0 or -1. */
int risk_reinspections_hdf(HDF *hdf, const char *prefix);

#endif
