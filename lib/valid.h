/* valid.h: validators for identifiers used across ZSOG */
#ifndef ZSOG_VALID_H
#define ZSOG_VALID_H

#include <stddef.h>

/*
 * Every predicate returns 1 for valid and 0 for invalid; a NULL string is
 * always invalid.  Identifier checks expect input already passed through
 * valid_normalise_id() (no separators, upper case): a form field like
 * "526-025-02-74" is the caller's to normalise, so the checks themselves
 * stay strict and cannot disagree about what a stored value looks like.
 * Out-parameters are written only on success.
 */

/* exactly n ASCII digits and nothing after them; n == 0 is invalid */
int valid_digits(const char *s, size_t n);
/*
 * A record id as a URL or a form's select carries it: 1 to 18 digits, no
 * sign, space or leading zero, so each id has one spelling and every one
 * fits a long long. Returns the id, or 0 for anything else.
 */
long long valid_id(const char *s);

/*
 * Drop ' ' and '-', upper-case ASCII letters.  Returns the new length, or 0
 * (with out set to "" when outsz > 0) if in is NULL or out is too small.
 */
size_t valid_normalise_id(const char *in, char *out, size_t outsz);

int valid_nip(const char *s);
/* 9-digit or 14-digit REGON; the all-zero number is rejected */
int valid_regon(const char *s);

/* checksum and a real birth date (same test as valid_pesel_birthdate) */
int valid_pesel(const char *s);
int valid_pesel_birthdate(const char *s, int *y, int *m, int *d);

/* normalised, upper case; registry length for known countries, else 15..34 */
int valid_iban(const char *s);

/*
 * EU member state (or XI) + 1..15 of [A-Z0-9].  PL must be PL+NIP+"00000"
 * or PL+14 digits+"Z".
 */
int valid_eori(const char *s);
/* out receives "PL" + nip + "00000"; returns 0 and out = "" if NIP invalid */
int valid_eori_pl_from_nip(const char *nip, char out[18]);

/* 2 digits, 2 letters, 13 of [A-Z0-9], ISO 6346-style check digit */
int valid_mrn(const char *s);
/* '0'..'9' for the first 17 chars (all [A-Z0-9]), 0 on bad input */
char valid_mrn_check_char(const char *first17);

/* ISO 6346: owner code, category U/J/Z, 6-digit serial, check digit */
int valid_container(const char *s);
/* 0..9 for 4 letters + 6 digits, -1 on bad input */
int valid_container_check_digit(const char *first10);

/* 12 digits, UIC 438-2 (Luhn) check digit last */
int valid_uic_wagon(const char *s);

/*
 * Upper-case and drop ' ', '-', '.'.  Returns the length (2..12, [A-Z0-9]
 * only), or 0 with out = "" (when outsz > 0) otherwise.
 */
size_t valid_plate_normalise(const char *in, char *out, size_t outsz);

/* dot-atom local part of 1..64 chars, dotted domain, alphabetic TLD */
int valid_email(const char *s);
/* The one spelling an address is stored and compared in (ASCII lower
 * case); the length, or 0 when empty or too long for out. A form_param
 * normaliser. */
size_t valid_email_norm(const char *in, char *out, size_t outsz);
/* Exactly n characters of lower-case hex (tokens made by rand_hex). */
int valid_hex_lower(const char *s, size_t n);
/* optional '+', 9..15 digits, single spaces allowed between digits */
int valid_phone(const char *s);

/* YYYY-MM-DD, real date, 1900..2200; any pointer may be NULL */
int valid_date(const char *s, int *y, int *m, int *d);
/* HH:MM, 00:00..23:59; any pointer may be NULL */
int valid_time_hm(const char *s, int *h, int *mi);
/* NN-NNN */
int valid_postcode_pl(const char *s);
/* assigned ISO 3166-1 alpha-2 code, upper case */
int valid_country(const char *s);

/*
 * Strict UTF-8 over len bytes: no overlongs, surrogates or code points past
 * U+10FFFF, no NUL and no C0 controls except tab, LF and CR.  len == 0 is
 * valid (empty text is valid_text's concern).
 */
int valid_utf8(const char *s, size_t len);
/* NUL-terminated valid_utf8, 1..maxchars code points, not all whitespace */
int valid_text(const char *s, size_t maxchars);

#endif /* ZSOG_VALID_H */
