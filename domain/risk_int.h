/* risk_int.h: between the files of domain/risk: the facts provider the
 * decision hands to the profiles' rules (risk_facts.c) */
#ifndef ZSOG_RISK_INT_H
#define ZSOG_RISK_INT_H

#include "booking.h"
#include "devices.h"
#include "exchange.h"
#include "risk.h"
#include "risk_rule.h"
#include "tzpl.h"

#define RISK_MEMO 8

/* One subject's facts, read lazily and kept for every profile evaluated
 * on it (the evaluator keeps them only within one rule). */
struct risk_fact_ctx {
	const struct risk_subject *s;
	struct tzpl_tm tm; /* when read, in Warsaw */
	double confidence; /* s->confidence as a number (0 if none) */
	int booking;	   /* 0 not read, 1 found, 2 none */
	struct booking_facts bk;
	int external;		  /* 0 not read, 1 read into ext */
	struct exchange_info ext; /* partners' information (exchange) */
	struct {
		int field;
		long long arg;
		struct risk_value v;
	} memo[RISK_MEMO];
	int nmemo;
	/* read by risk_facts_more.c */
	long long day;		    /* of the read, days since 1970 (UTC) */
	int readings;		    /* 1 read into rd */
	struct devices_readings rd; /* the lane's scale and portal */
	int age;		    /* 0 not read, 1 known, 2 unknown */
	long long age_days;	    /* the company's */
	int near;		    /* 0 not read, 1 near match, 2 none */
};

/* The facts beyond the event and the register (risk_facts_more.c):
 * field one of event.gross_weight, event.radiation(_alarm),
 * ebt.company_age_days, watch.near_match; booked: the subject's booking
 * was found (c->bk). 0 or -1. */
int risk_facts_more(struct risk_fact_ctx *c, int field, int booked,
		    struct risk_value *out);

/* A backtest's register (risk_bt_register.c): the sightings of the
 * events streamed so far, oldest first. add: one more (key "" none);
 * count: the object's sightings added at or after since (UTC seconds);
 * crossings: the distinct crossings among them and crossing (the event's
 * own). NULL / -1 when out of memory. */
struct risk_bt_register;
struct risk_bt_register *risk_bt_register_new(void);
void risk_bt_register_free(struct risk_bt_register *g);
int risk_bt_register_add(struct risk_bt_register *g, const char *kind,
			 const char *key, long long ts, const char *crossing);
long long risk_bt_register_count(struct risk_bt_register *g, const char *kind,
				 const char *key, long long since);
long long risk_bt_register_crossings(struct risk_bt_register *g,
				     const char *kind, const char *key,
				     long long since, const char *crossing);

void risk_facts_init(struct risk_fact_ctx *c, const struct risk_subject *s,
		     struct risk_facts *f);

#endif
