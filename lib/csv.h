/* csv.h: CSV for spreadsheets: UTF-8 without a BOM, RFC 4180 quoting, rows
 * ended by CRLF, and text cells made harmless against formula injection
 * (OWASP: a cell starting with = + - @ TAB or CR gets a leading '). Numbers
 * are written as numbers. */
#ifndef ZSOG_CSV_H
#define ZSOG_CSV_H

#include <stddef.h>

#include "util.h"

/* One text cell (NULL: empty), preceded by a comma unless it opens the
 * row; quoted when it holds a comma, a quote, CR or LF, its quotes
 * doubled. 0 or -1 (memory). */
int csv_cell(struct buf *b, int first, const char *s);
/* One number cell written with decimals places ("%.*f"); never prefixed,
 * so a spreadsheet reads it as a number. 0 or -1. */
int csv_num(struct buf *b, int first, double v, int decimals);
/* Ends the row: CRLF. 0 or -1. */
int csv_end(struct buf *b);
/* A whole row of n text cells. 0 or -1. */
int csv_row(struct buf *b, const char *const *cells, size_t n);

#endif
