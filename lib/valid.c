/* valid.c: validators for identifiers used across ZSOG */
#include <stdint.h>
#include <string.h>

#include "valid.h"

/*
 * Own ASCII class tests rather than <ctype.h>: those depend on the locale
 * and are undefined for negative char values, and every rule here is
 * defined over ASCII only.
 */
static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_alpha(char c)
{
	return is_upper(c) || is_lower(c);
}

static int is_upper_alnum(char c)
{
	return is_upper(c) || is_digit(c);
}

static char to_upper(char c)
{
	return is_lower(c) ? (char)(c - 'a' + 'A') : c;
}

/* length of s if it is at most max, else max + 1; never reads past max */
static size_t bounded_len(const char *s, size_t max)
{
	size_t n = 0;

	while (n <= max && s[n] != '\0')
		n++;
	return n;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

/* caller guarantees n digits at s */
static int num(const char *s, int n)
{
	int v = 0;

	while (n--)
		v = v * 10 + (*s++ - '0');
	return v;
}

int valid_digits(const char *s, size_t n)
{
	size_t i;

	if (!s || n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return s[n] == '\0';
}

long long valid_id(const char *s)
{
	long long v = 0;
	size_t i;

	if (!s || s[0] < '1' || s[0] > '9')
		return 0;
	for (i = 0; s[i]; i++) {
		if (i == 18 || !is_digit(s[i]))
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

size_t valid_normalise_id(const char *in, char *out, size_t outsz)
{
	size_t j = 0;

	if (!out || outsz == 0)
		return 0;
	out[0] = '\0';
	if (!in)
		return 0;
	for (; *in; in++) {
		if (*in == ' ' || *in == '-')
			continue;
		if (j + 1 >= outsz) {
			out[0] = '\0';
			return 0;
		}
		out[j++] = to_upper(*in);
	}
	out[j] = '\0';
	return j;
}

/* weighted digit sum; the weights array length is the number of digits */
static int wsum(const char *s, const int *w, int n)
{
	int i, sum = 0;

	for (i = 0; i < n; i++)
		sum += (s[i] - '0') * w[i];
	return sum;
}

int valid_nip(const char *s)
{
	static const int w[9] = { 6, 5, 7, 2, 3, 4, 5, 6, 7 };
	int r;

	if (!valid_digits(s, 10))
		return 0;
	/* passes the checksum but is a placeholder, never an issued NIP */
	if (strcmp(s, "0000000000") == 0)
		return 0;
	r = wsum(s, w, 9) % 11;
	/* a remainder of 10 is never issued, so no check digit can match */
	return r != 10 && r == s[9] - '0';
}

static int regon9_ok(const char *s)
{
	static const int w[8] = { 8, 9, 2, 3, 4, 5, 6, 7 };
	int r = wsum(s, w, 8) % 11;

	return (r == 10 ? 0 : r) == s[8] - '0';
}

int valid_regon(const char *s)
{
	static const int w[13] = { 2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8 };
	int r;

	/* as with the NIP, all zeros passes the sum but is a placeholder */
	if (valid_digits(s, 9))
		return strcmp(s, "000000000") != 0 && regon9_ok(s);
	if (!valid_digits(s, 14))
		return 0;
	/* a local-unit REGON-14 extends its parent's REGON-9 */
	if (strncmp(s, "000000000", 9) == 0 || !regon9_ok(s))
		return 0;
	r = wsum(s, w, 13) % 11;
	return (r == 10 ? 0 : r) == s[13] - '0';
}

int valid_pesel_birthdate(const char *s, int *y, int *m, int *d)
{
	static const int w[10] = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 };
	int yy, mm, dd, century;

	if (!valid_digits(s, 11))
		return 0;
	if ((10 - wsum(s, w, 10) % 10) % 10 != s[10] - '0')
		return 0;
	yy = num(s, 2);
	mm = num(s + 2, 2);
	dd = num(s + 4, 2);
	/* the century rides in the month field, in steps of 20 */
	if (mm >= 81 && mm <= 92) {
		century = 1800;
		mm -= 80;
	} else if (mm >= 1 && mm <= 12) {
		century = 1900;
	} else if (mm >= 21 && mm <= 32) {
		century = 2000;
		mm -= 20;
	} else if (mm >= 41 && mm <= 52) {
		century = 2100;
		mm -= 40;
	} else if (mm >= 61 && mm <= 72) {
		century = 2200;
		mm -= 60;
	} else {
		return 0;
	}
	yy += century;
	if (dd < 1 || dd > days_in_month(yy, mm))
		return 0;
	if (y)
		*y = yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
	return 1;
}

int valid_pesel(const char *s)
{
	/* a PESEL whose date cannot exist was never issued */
	return valid_pesel_birthdate(s, NULL, NULL, NULL);
}

/*
 * IBAN lengths from the SWIFT IBAN registry (as shipped by python-stdnum
 * 1.18).  A wrong length is the commonest typo the mod-97 check still
 * lets through now and then, so pin it where we know it.
 */
static const struct {
	char cc[3];
	unsigned char len;
} iban_len[] = {
	{ "AD", 24 }, { "AE", 23 }, { "AL", 28 }, { "AT", 20 }, { "AZ", 28 },
	{ "BA", 20 }, { "BE", 16 }, { "BG", 22 }, { "BH", 22 }, { "BI", 27 },
	{ "BR", 29 }, { "BY", 28 }, { "CH", 21 }, { "CR", 22 }, { "CY", 28 },
	{ "CZ", 24 }, { "DE", 22 }, { "DJ", 27 }, { "DK", 18 }, { "DO", 28 },
	{ "EE", 20 }, { "EG", 29 }, { "ES", 24 }, { "FI", 18 }, { "FO", 18 },
	{ "FR", 27 }, { "GB", 22 }, { "GE", 22 }, { "GI", 23 }, { "GL", 18 },
	{ "GR", 27 }, { "GT", 28 }, { "HR", 21 }, { "HU", 28 }, { "IE", 22 },
	{ "IL", 23 }, { "IQ", 23 }, { "IS", 26 }, { "IT", 27 }, { "JO", 30 },
	{ "KW", 30 }, { "KZ", 20 }, { "LB", 28 }, { "LC", 32 }, { "LI", 21 },
	{ "LT", 20 }, { "LU", 20 }, { "LV", 21 }, { "LY", 25 }, { "MC", 27 },
	{ "MD", 24 }, { "ME", 22 }, { "MK", 19 }, { "MR", 27 }, { "MT", 31 },
	{ "MU", 30 }, { "NL", 18 }, { "NO", 15 }, { "PK", 24 }, { "PL", 28 },
	{ "PS", 29 }, { "PT", 25 }, { "QA", 29 }, { "RO", 24 }, { "RS", 22 },
	{ "RU", 33 }, { "SA", 24 }, { "SC", 31 }, { "SD", 18 }, { "SE", 24 },
	{ "SI", 19 }, { "SK", 24 }, { "SM", 27 }, { "ST", 25 }, { "SV", 28 },
	{ "TL", 23 }, { "TN", 24 }, { "TR", 26 }, { "UA", 29 }, { "VA", 22 },
	{ "VG", 24 }, { "XK", 20 },
};

/* fold one IBAN character into a running mod-97 remainder */
static unsigned int mod97_step(unsigned int r, char c)
{
	/* letters are two decimal digits (A = 10 .. Z = 35) */
	if (is_upper(c))
		return (r * 100 + (unsigned int)(c - 'A' + 10)) % 97;
	return (r * 10 + (unsigned int)(c - '0')) % 97;
}

int valid_iban(const char *s)
{
	size_t len, i, want = 0;
	unsigned int r = 0;

	if (!s)
		return 0;
	len = bounded_len(s, 34);
	if (len < 15 || len > 34)
		return 0;
	if (!is_upper(s[0]) || !is_upper(s[1]) || !is_digit(s[2]) ||
	    !is_digit(s[3]))
		return 0;
	for (i = 4; i < len; i++)
		if (!is_upper_alnum(s[i]))
			return 0;
	for (i = 0; i < sizeof(iban_len) / sizeof(iban_len[0]); i++) {
		if (iban_len[i].cc[0] == s[0] && iban_len[i].cc[1] == s[1]) {
			want = iban_len[i].len;
			break;
		}
	}
	if (want && len != want)
		return 0;
	/*
	 * ISO 13616: rotate the first four characters to the end and take
	 * the whole thing mod 97.  Folding digit by digit keeps every
	 * intermediate below 97 * 100, so no big integers are needed.
	 */
	for (i = 4; i < len; i++)
		r = mod97_step(r, s[i]);
	for (i = 0; i < 4; i++)
		r = mod97_step(r, s[i]);
	return r == 1;
}

/*
 * EORI prefixes: the EU-27 as customs spells them (GR, not EL), plus XI
 * for Northern Ireland traders under the Windsor Framework.
 */
static const char eori_cc[][3] = {
	"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
	"FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
	"NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
};

int valid_eori(const char *s)
{
	size_t i, len;
	int known = 0;
	char nip[11];

	if (!s || !is_upper(s[0]) || !is_upper(s[1]))
		return 0;
	for (i = 0; i < sizeof(eori_cc) / sizeof(eori_cc[0]); i++) {
		if (eori_cc[i][0] == s[0] && eori_cc[i][1] == s[1]) {
			known = 1;
			break;
		}
	}
	if (!known)
		return 0;
	len = bounded_len(s + 2, 15);
	if (len < 1 || len > 15)
		return 0;
	for (i = 0; i < len; i++)
		if (!is_upper_alnum(s[2 + i]))
			return 0;
	if (s[0] != 'P' || s[1] != 'L')
		return 1;

	/* Polish EORIs are only ever issued in these two shapes */
	if (len != 15)
		return 0;
	if (strcmp(s + 12, "00000") == 0) {
		memcpy(nip, s + 2, 10);
		nip[10] = '\0';
		if (valid_nip(nip))
			return 1;
	}
	for (i = 0; i < 14; i++)
		if (!is_digit(s[2 + i]))
			return 0;
	return s[16] == 'Z';
}

int valid_eori_pl_from_nip(const char *nip, char out[18])
{
	if (!out)
		return 0;
	out[0] = '\0';
	if (!valid_nip(nip))
		return 0;
	memcpy(out, "PL", 2);
	memcpy(out + 2, nip, 10);
	memcpy(out + 12, "00000", 6);
	return 1;
}

/*
 * ISO 6346 letter values: A = 10 upward, skipping 11, 22 and 33 because
 * multiples of 11 would vanish from a mod-11 sum.
 */
static const unsigned char iso6346_letter[26] = {
	10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24,
	25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38,
};

/* caller guarantees n characters of [A-Z0-9] */
static int iso6346_digit(const char *s, int n)
{
	unsigned long sum = 0;
	int i;

	for (i = 0; i < n; i++) {
		unsigned long v = is_digit(s[i]) ? (unsigned long)(s[i] - '0')
						 : iso6346_letter[s[i] - 'A'];

		sum += v << i;
	}
	/* remainder 10 has no digit of its own; both standards use 0 */
	return (int)(sum % 11 % 10);
}

char valid_mrn_check_char(const char *first17)
{
	int i;

	if (!first17)
		return 0;
	for (i = 0; i < 17; i++)
		if (!is_upper_alnum(first17[i]))
			return 0;
	return (char)('0' + iso6346_digit(first17, 17));
}

int valid_mrn(const char *s)
{
	char c;

	if (!s || !is_digit(s[0]) || !is_digit(s[1]) || !is_upper(s[2]) ||
	    !is_upper(s[3]))
		return 0;
	c = valid_mrn_check_char(s);
	return c != 0 && s[17] == c && s[18] == '\0';
}

int valid_container_check_digit(const char *first10)
{
	int i;

	if (!first10)
		return -1;
	for (i = 0; i < 4; i++)
		if (!is_upper(first10[i]))
			return -1;
	for (; i < 10; i++)
		if (!is_digit(first10[i]))
			return -1;
	return iso6346_digit(first10, 10);
}

int valid_container(const char *s)
{
	int cd;

	cd = valid_container_check_digit(s);
	if (cd < 0)
		return 0;
	/* U freight, J detachable equipment, Z trailer/chassis */
	if (s[3] != 'U' && s[3] != 'J' && s[3] != 'Z')
		return 0;
	return s[10] == '0' + cd && s[11] == '\0';
}

int valid_uic_wagon(const char *s)
{
	int i, p, sum = 0;

	if (!valid_digits(s, 12))
		return 0;
	for (i = 0; i < 11; i++) {
		p = (s[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += p / 10 + p % 10;
	}
	return (10 - sum % 10) % 10 == s[11] - '0';
}

size_t valid_plate_normalise(const char *in, char *out, size_t outsz)
{
	size_t j = 0;
	char c;

	if (!out || outsz == 0)
		return 0;
	out[0] = '\0';
	if (!in)
		return 0;
	for (; *in; in++) {
		if (*in == ' ' || *in == '-' || *in == '.')
			continue;
		c = to_upper(*in);
		if (!is_upper_alnum(c) || j >= 12 || j + 1 >= outsz) {
			out[0] = '\0';
			return 0;
		}
		out[j++] = c;
	}
	if (j < 2) {
		out[0] = '\0';
		return 0;
	}
	out[j] = '\0';
	return j;
}

static int is_email_local_char(char c)
{
	return is_alpha(c) || is_digit(c) ||
	       (c != '\0' && strchr("!#$%&'*+/=?^_`{|}~.-", c) != NULL);
}

static int is_label_char(char c)
{
	return is_alpha(c) || is_digit(c) || c == '-';
}

int valid_email(const char *s)
{
	const char *at, *p, *label, *tld = NULL;
	size_t len, i;

	if (!s)
		return 0;
	len = bounded_len(s, 254);
	if (len < 3 || len > 254)
		return 0;
	at = strchr(s, '@');
	if (!at || strchr(at + 1, '@'))
		return 0;

	/* dot-atom local part only: quoted forms are legal but never real */
	if (at == s || at - s > 64 || s[0] == '.' || at[-1] == '.')
		return 0;
	for (p = s; p < at; p++) {
		if (!is_email_local_char(*p))
			return 0;
		if (p[0] == '.' && p[1] == '.')
			return 0;
	}

	/* a dotless domain cannot be delivered to over the internet */
	label = at + 1;
	for (;;) {
		for (i = 0; is_label_char(label[i]); i++)
			;
		if (i == 0 || i > 63 || label[0] == '-' || label[i - 1] == '-')
			return 0;
		if (label[i] == '\0') {
			tld = label;
			break;
		}
		if (label[i] != '.')
			return 0;
		label += i + 1;
	}
	if (tld == at + 1)
		return 0;
	for (i = 0; tld[i]; i++)
		if (!is_alpha(tld[i]))
			return 0;
	return i >= 2;
}

int valid_phone(const char *s)
{
	int digits = 0;

	if (!s)
		return 0;
	if (*s == '+')
		s++;
	if (!is_digit(*s))
		return 0;
	for (; *s; s++) {
		if (is_digit(*s)) {
			digits++;
		} else if (*s == ' ') {
			/* a space must sit between two digits */
			if (!is_digit(s[1]))
				return 0;
		} else {
			return 0;
		}
		if (digits > 15)
			return 0;
	}
	return digits >= 9;
}

int valid_date(const char *s, int *y, int *m, int *d)
{
	int yy, mm, dd;

	if (!s || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]) ||
	    !is_digit(s[3]) || s[4] != '-' || !is_digit(s[5]) ||
	    !is_digit(s[6]) || s[7] != '-' || !is_digit(s[8]) ||
	    !is_digit(s[9]) || s[10] != '\0')
		return 0;
	yy = num(s, 4);
	mm = num(s + 5, 2);
	dd = num(s + 8, 2);
	if (yy < 1900 || yy > 2200)
		return 0;
	if (dd < 1 || dd > days_in_month(yy, mm))
		return 0;
	if (y)
		*y = yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
	return 1;
}

int valid_time_hm(const char *s, int *h, int *mi)
{
	int hh, mm;

	if (!s || !is_digit(s[0]) || !is_digit(s[1]) || s[2] != ':' ||
	    !is_digit(s[3]) || !is_digit(s[4]) || s[5] != '\0')
		return 0;
	hh = num(s, 2);
	mm = num(s + 3, 2);
	if (hh > 23 || mm > 59)
		return 0;
	if (h)
		*h = hh;
	if (mi)
		*mi = mm;
	return 1;
}

int valid_postcode_pl(const char *s)
{
	return s && is_digit(s[0]) && is_digit(s[1]) && s[2] == '-' &&
	       is_digit(s[3]) && is_digit(s[4]) && is_digit(s[5]) &&
	       s[6] == '\0';
}

/*
 * Officially assigned ISO 3166-1 alpha-2 codes (249, iso-codes 4.15),
 * sorted for the binary search.  Reserved and user-assigned codes (UK,
 * EU, XI, XK) are absent on purpose: customs-only codes belong to the
 * caller that wants them, not to a check that claims to be ISO.
 */
static const char iso3166[][3] = {
	"AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT",
	"AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI",
	"BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY",
	"BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
	"CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
	"DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK",
	"FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL",
	"GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
	"HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR",
	"IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
	"KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS",
	"LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
	"ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW",
	"MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP",
	"NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
	"PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
	"SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM",
	"SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF",
	"TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
	"TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
	"VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
};

int valid_country(const char *s)
{
	size_t lo = 0, hi = sizeof(iso3166) / sizeof(iso3166[0]);

	if (!s || !is_upper(s[0]) || !is_upper(s[1]) || s[2] != '\0')
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = memcmp(s, iso3166[mid], 2);

		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/*
 * Decode one code point.  Returns the number of bytes used, 0 if the
 * sequence is not strict UTF-8 or is a forbidden control character.
 * The per-lead-byte bounds on the second byte (Unicode table 3-7) are
 * what rule out overlongs, surrogates and values past U+10FFFF.
 */
static size_t utf8_next(const unsigned char *p, size_t left, uint32_t *cp)
{
	unsigned char b = p[0], lo = 0x80, hi = 0xBF;
	size_t n, i;
	uint32_t v;

	if (b < 0x80) {
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
			return 0;
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF) {
		n = 2;
		v = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		n = 3;
		v = b & 0x0F;
		if (b == 0xE0)
			lo = 0xA0;
		else if (b == 0xED)
			hi = 0x9F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		n = 4;
		v = b & 0x07;
		if (b == 0xF0)
			lo = 0x90;
		else if (b == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if (left < n)
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3F);
	}
	*cp = v;
	return n;
}

int valid_utf8(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;
	uint32_t cp;

	if (!s)
		return 0;
	while (len) {
		n = utf8_next(p, len, &cp);
		if (!n)
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

/* Unicode White_Space, so a field of no-break spaces counts as blank */
static int is_space_cp(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
	       c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

int valid_text(const char *s, size_t maxchars)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, n, count = 0;
	int visible = 0;
	uint32_t cp;

	if (!s)
		return 0;
	len = strlen(s);
	while (len) {
		n = utf8_next(p, len, &cp);
		if (!n || ++count > maxchars)
			return 0;
		if (!is_space_cp(cp))
			visible = 1;
		p += n;
		len -= n;
	}
	return count >= 1 && visible;
}

size_t valid_email_norm(const char *in, char *out, size_t outsz)
{
	size_t n = strlen(in), i;

	if (n == 0 || n >= outsz)
		return 0;
	/* Unique keys compare case-insensitively anyway; one spelling keeps
	 * mails, look-ups and per-address limits the same everywhere. */
	for (i = 0; i < n; i++)
		out[i] = (in[i] >= 'A' && in[i] <= 'Z') ? in[i] + 32 : in[i];
	out[n] = '\0';
	return n;
}

int valid_hex_lower(const char *s, size_t n)
{
	if (!s || strlen(s) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}
