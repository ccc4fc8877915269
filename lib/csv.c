/* csv.c: CSV cells and rows (csv.h) */
#include "csv.h"

#include <string.h>

/* A spreadsheet reads a cell opening with one of these as a formula (or,
 * for TAB and CR, strips them and then does): OWASP's list. */
static int formula_lead(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	       c == '\r';
}

int csv_cell(struct buf *b, int first, const char *s)
{
	int quote;

	if (!s)
		s = "";
	if (!first && buf_add(b, ",", 1) < 0)
		return -1;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote && buf_add(b, "\"", 1) < 0)
		return -1;
	if (formula_lead(s[0]) && buf_add(b, "'", 1) < 0)
		return -1;
	for (const char *p = s; *p; p++) {
		size_t n = strcspn(p, "\"");

		if (buf_add(b, p, n) < 0)
			return -1;
		p += n;
		if (!*p)
			break;
		if (buf_add(b, "\"\"", 2) < 0)
			return -1;
	}
	if (quote && buf_add(b, "\"", 1) < 0)
		return -1;
	return 0;
}

int csv_num(struct buf *b, int first, double v, int decimals)
{
	return buf_printf(b, "%s%.*f", first ? "" : ",", decimals, v);
}

int csv_end(struct buf *b)
{
	return buf_add(b, "\r\n", 2);
}

int csv_row(struct buf *b, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (csv_cell(b, i == 0, cells[i]) < 0)
			return -1;
	return csv_end(b);
}
