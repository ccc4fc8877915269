/* watch.h: the watch list, its matching and the alerts with their
 * procedure. The only code that names watch_entry, watch_state, alert and
 * alert_step (watch_*.c; more moves here from cgi-bin/ingest) */
#ifndef ZSOG_WATCH_H
#define ZSOG_WATCH_H

/* The watch list's version (it moves on every change of the active list)
 * into *v, -1 when none is recorded: 0, or -1 on error. */
int watch_version(long long *v);

/*
 * The suspect-object procedure of an alert (watch_alert.c, no database):
 * new -> acknowledged -> inspection -> closed with an outcome, each step
 * appended (alert_step refuses UPDATE and DELETE). Crossing officers and
 * administrators act; the others who see alerts only read. Handlers put
 * these decisions in the view; the template does not repeat them.
 */
/* The state that follows `state` ("new" -> "acknowledged" -> "inspection"
 * -> "closed"), NULL after "closed" or for an unknown state. */
const char *alert_next_step(const char *state);
/* Whether the roles (ROLE_* bits) may move an alert at all. */
int alert_may_act(unsigned roles);
/* Whether the roles may take the alert in `state` to its next step:
 * acknowledge a new one, send an acknowledged one to inspection (an
 * officer and a lane), close one under inspection (with an outcome). */
int alert_may_ack(const char *state, unsigned roles);
int alert_may_inspect(const char *state, unsigned roles);
int alert_may_close(const char *state, unsigned roles);
/* A closing outcome: no_irregularity, irregularity, seizure,
 * handed_over. */
int alert_outcome_ok(const char *s);

/* A watch-list entry's decisions (watch_decide.c, no database): four eyes,
 * so its writer (mine) never approves or rejects a pending entry; an
 * active one may be withdrawn, by its writer too. Watch-list officers
 * only. */
int watch_may_decide(const char *status, unsigned roles, int mine);
int watch_may_withdraw(const char *status, unsigned roles);

#endif
