/* ebt.h: the e-Booking TRUCK program's handlers and the helpers its pages
 * share (the booking rules themselves are domain/booking.h) */
#ifndef ZSOG_EBT_H
#define ZSOG_EBT_H

#include "booking.h"
#include "req.h"

/* ui-book.c: the wizard: company and crossing, calendar, form, review */
int book_start_fn(struct req *r);
int book_calendar_fn(struct req *r);
int book_form_fn(struct req *r);
int book_post_fn(struct req *r);

/* ui-bookings.c: the company's list, one booking, change and cancel */
int bookings_fn(struct req *r);
int booking_fn(struct req *r);
int booking_change_fn(struct req *r);
int booking_cancel_fn(struct req *r);

/* ui-files.c: the QR code and the calendar file of a booking */
int booking_qr_fn(struct req *r);
int booking_ics_fn(struct req *r);
/* The QR code of text (a booking number) as an SVG image into b. */
int ebt_qr_svg(const char *text, struct buf *b);

/* ui-guest.c: a one-off booking without an account: the form, the code
 * sent to the e-mail and phone, its confirmation */
int guest_form_fn(struct req *r);
int guest_post_fn(struct req *r);
int guest_confirm_form_fn(struct req *r);
int guest_confirm_fn(struct req *r);

/* ui-crossing.c: the crossing officer's day, check-in, status changes */
int crossings_fn(struct req *r);
int crossing_day_fn(struct req *r);
int crossing_checkin_fn(struct req *r);
int crossing_action_fn(struct req *r);
int crossing_booking_fn(struct req *r);

/* ui-walkin.c */
int walkin_form_fn(struct req *r);
int walkin_fn(struct req *r);

/* ui-occupancy.c: per day and hour, as a page or CSV */
int occupancy_fn(struct req *r);
int occupancy_csv_fn(struct req *r);

/* ui-config.c: horizon, deadlines, hours and capacity, closures */
int config_fn(struct req *r);
int config_post_fn(struct req *r);
int closure_post_fn(struct req *r);

/*
 * shared.c
 */
/* The signed-in account's e-Customer person; on none it answers 403 and
 * returns 0 (the caller returns what *rc holds). 1 found. */
int ebt_person(struct req *r, long long *person, int *rc);
/* The crossing of the route's #crossing argument as Crossing.*, if the
 * officer's unit runs it; otherwise it answers 404 and returns 0. */
int ebt_staff_crossing(struct req *r, long long *crossing, int *rc);
/* The page for a refusal of the booking rules: the message of st, with
 * the status code that fits it. */
int ebt_refusal(struct req *r, enum bk_status st);
/* HTTP status for a booking refusal. */
int ebt_status_http(enum bk_status st);
/* Reads the booking fields of the form (company side and walk-in) into f;
 * marks the bad ones. Returns the count of bad fields. */
int ebt_read_form(struct req *r, struct booking_form *f, int walkin);

#endif
