/* tzpl.h: Polish civil time (Europe/Warsaw) without the tz database: CET,
 * and CEST from the last Sunday of March to the last Sunday of October,
 * both switches at 01:00 UTC (EU rule, directive 2000/84/EC) */
#ifndef ZSOG_TZPL_H
#define ZSOG_TZPL_H

/* Local date and hour at a crossing → UTC seconds. An hour skipped in
 * spring returns -1; an hour met twice in autumn gives the first one. */
long long tzpl_to_utc(int y, int m, int d, int h);
/* UTC seconds → local broken-down time (fields as in struct tm, but
 * year is the full year and mon is 1..12); returns the offset in hours. */
struct tzpl_tm {
	int year, mon, day, hour, min, sec, wday; /* wday: 1 Mon .. 7 Sun */
};
int tzpl_from_utc(long long t, struct tzpl_tm *out);
/* Today's local date at time t as YYYY-MM-DD (11 bytes), plus n days. */
void tzpl_day(long long t, int plus_days, char out[11]);
/* The date at time t in UTC, YYYY-MM-DD: what SQL's UTC_DATE() says. */
void tzpl_day_utc(long long t, char out[11]);

/* "Today": the date people read and type is Warsaw's, so this is the one
 * to use (at 00:30 in Warsaw the new day has begun, in UTC not yet). */
void tzpl_today(int plus_days, char out[11]);
/* Today in UTC, only to compare with dates the database keeps in UTC
 * (UTC_DATE()); say why where it is used. */
void tzpl_today_utc(char out[11]);
/* The local time at t as "YYYY-MM-DD HH:MM" (17 bytes): what a page or an
 * e-mail shows of a moment stored in UTC. */
void tzpl_text(long long t, char out[17]);
/* ISO day of week (1 Monday .. 7 Sunday) of a date. */
int tzpl_dow(int y, int m, int d);

#endif
