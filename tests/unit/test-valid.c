/* test-valid.c: cmocka tests for lib/valid.c */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "valid.h"

/*
 * Every vector marked valid below was cross-checked outside the repo
 * against an independent Python implementation and, where it has one,
 * python-stdnum (pl.nip, pl.regon, pl.pesel, iban, iso6346, luhn).
 */

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* run a predicate over a list so a failure names the offending vector */
static void each(int (*fn)(const char *), const char *const *v, size_t n,
		 int want)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (fn(v[i]) != want)
			fail_msg("%s(\"%s\") != %d", want ? "valid" : "invalid",
				 v[i], want);
	}
}

#define GOOD(fn, ...)                                            \
	do {                                                     \
		static const char *const v_[] = { __VA_ARGS__ }; \
		each(fn, v_, N(v_), 1);                          \
	} while (0)

#define BAD(fn, ...)                                             \
	do {                                                     \
		static const char *const v_[] = { __VA_ARGS__ }; \
		each(fn, v_, N(v_), 0);                          \
		assert_int_equal(fn(NULL), 0);                   \
	} while (0)

static void test_digits(void **state)
{
	(void)state;
	assert_true(valid_digits("123", 3));
	assert_true(valid_digits("0", 1));
	assert_false(valid_digits("1234", 3));
	assert_false(valid_digits("12", 3));
	assert_false(valid_digits("12a", 3));
	assert_false(valid_digits(" 12", 3));
	assert_false(valid_digits("", 0));
	assert_false(valid_digits("", 1));
	assert_false(valid_digits(NULL, 3));
}

static void test_id(void **state)
{
	(void)state;
	assert_int_equal(valid_id("1"), 1);
	assert_int_equal(valid_id("42"), 42);
	assert_int_equal(valid_id("999999999999999999"), 999999999999999999LL);
	/* One spelling per id: no zero, sign, space, leading zero, other
	 * base or exponent; 19 digits and more are no id either. */
	assert_int_equal(valid_id("0"), 0);
	assert_int_equal(valid_id("007"), 0);
	assert_int_equal(valid_id("-1"), 0);
	assert_int_equal(valid_id("+1"), 0);
	assert_int_equal(valid_id(" 1"), 0);
	assert_int_equal(valid_id("1 "), 0);
	assert_int_equal(valid_id("1x"), 0);
	assert_int_equal(valid_id("0x1f"), 0);
	assert_int_equal(valid_id("1e3"), 0);
	assert_int_equal(valid_id("1000000000000000000"), 0);
	assert_int_equal(valid_id("99999999999999999999999"), 0);
	assert_int_equal(valid_id(""), 0);
	assert_int_equal(valid_id(NULL), 0);
}

static void test_normalise_id(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(valid_normalise_id("526-025-02-74", buf, sizeof(buf)),
			 10);
	assert_string_equal(buf, "5260250274");
	assert_int_equal(
		valid_normalise_id("pl 61 1090-1014", buf, sizeof(buf)), 12);
	assert_string_equal(buf, "PL6110901014");
	assert_int_equal(valid_normalise_id("  - ", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	/* exactly fits: 10 chars + NUL */
	assert_int_equal(valid_normalise_id("52 60 25 02 74", buf, 11), 10);
	assert_string_equal(buf, "5260250274");
	/* one byte short for the NUL */
	assert_int_equal(valid_normalise_id("5260250274", buf, 10), 0);
	assert_string_equal(buf, "");
	assert_int_equal(valid_normalise_id(NULL, buf, sizeof(buf)), 0);
	assert_int_equal(valid_normalise_id("abc", NULL, 10), 0);
	assert_int_equal(valid_normalise_id("abc", buf, 0), 0);
}

static void test_nip(void **state)
{
	char buf[16];

	(void)state;
	GOOD(valid_nip, "5260250274", "1234563218", "7251801126");
	BAD(valid_nip, "5260250275",   /* last digit changed */
	    "5260250284",	       /* middle digit changed */
	    "0000000000",	       /* passes the sum, never issued */
	    "1000000160",	       /* prefix sums to remainder 10 */
	    "1000000169", "526025027", /* too short */
	    "52602502740",	       /* too long */
	    "526025027A", "52602S0274", "526-025-02-74", /* not normalised */
	    " 5260250274", "");
	assert_int_equal(valid_normalise_id("526-025-02-74", buf, sizeof(buf)),
			 10);
	assert_true(valid_nip(buf));
}

static void test_regon(void **state)
{
	(void)state;
	GOOD(valid_regon, "123456785", "000331501",
	     "100000050", /* remainder 10 maps to check 0 */
	     "12345678512347");
	BAD(valid_regon, "123456786", "123456775", "000000000",
	    "00000000000000", "12345678512348",
	    "12345678600008", /* 14-digit sum fine, REGON-9 prefix not */
	    "12345678", "1234567851", "1234567851234", "123456785123470",
	    "12345678X", "");
}

static void test_pesel(void **state)
{
	static const struct {
		const char *s;
		int y, m, d;
	} good[] = {
		{ "44051401359", 1944, 5, 14 },
		{ "02270803624", 2002, 7, 8 },
		{ "99923101237", 1899, 12, 31 },
		{ "99810101236", 1899, 1, 1 },
		{ "00043001231", 1900, 4, 30 },
		{ "04022901231", 1904, 2, 29 },
		{ "00222901239", 2000, 2, 29 },
		{ "00323101235", 2000, 12, 31 },
		{ "04422901233", 2104, 2, 29 },
		{ "99723101231", 2299, 12, 31 },
	};
	size_t i;
	int y, m, d;

	(void)state;
	for (i = 0; i < N(good); i++) {
		y = m = d = -1;
		if (!valid_pesel_birthdate(good[i].s, &y, &m, &d))
			fail_msg("valid(\"%s\")", good[i].s);
		assert_int_equal(y, good[i].y);
		assert_int_equal(m, good[i].m);
		assert_int_equal(d, good[i].d);
		assert_true(valid_pesel(good[i].s));
	}
	assert_true(valid_pesel_birthdate("44051401359", NULL, NULL, NULL));

	/* all of these but the first carry a correct checksum */
	BAD(valid_pesel, "44051401358", /* check digit changed */
	    "00022901233",		/* 1900-02-29: 1900 not leap */
	    "00422901235",		/* 2100-02-29: 2100 not leap */
	    "00043101238",		/* 31 April */
	    "01133101237",		/* month 13 */
	    "00000101237",		/* month 00 */
	    "00010001231",		/* day 00 */
	    "00930101237",		/* month 93 names no century */
	    "4405140135", "440514013590", "4405140135X", "");

	/* outputs untouched on failure */
	y = m = d = 77;
	assert_false(valid_pesel_birthdate("00022901233", &y, &m, &d));
	assert_int_equal(y, 77);
	assert_int_equal(m, 77);
	assert_int_equal(d, 77);
	assert_false(valid_pesel_birthdate(NULL, &y, &m, &d));
}

static void test_iban(void **state)
{
	(void)state;
	GOOD(valid_iban, "PL61109010140000071219812874",
	     "GB82WEST12345698765432", "DE89370400440532013000",
	     "FR1420041010050500013M02606", "NL91ABNA0417164300",
	     "BE68539007547034", "AT611904300234573201",
	     "CZ6508000000192000145399", "SK3112000000198742637541",
	     "ES9121000418450200051332", "IT60X0542811101000000123456",
	     "LT121000011101001000", "LV80BANK0000435195001",
	     "EE382200221020145685", "UA213223130000026007233566001",
	     "ZZ071234567890ABC"); /* unlisted country: generic length */
	/* the SWIFT IBAN registry's own examples, each with a bad check */
	BAD(valid_iban, "GB82WEST12345698765433", "GB83WEST12345698765432",
	    "DE89370400440532013001", "FR1420041010050500013M02607",
	    "NL91ABNA0417164301", "UA213223130000026007233566002");
	BAD(valid_iban, "PL61109010140000071219812875", /* last digit changed */
	    "PL62109010140000071219812874", /* check digits changed */
	    "PL61109010140000071219812847", /* transposition */
	    "PL6910901014000007121981287",  /* mod 97 ok, 27 long */
	    "DE8937040044053201300",	    /* DE short */
	    "ZZ80123456789",		    /* mod 97 ok, under 15 */
	    "pl61109010140000071219812874", /* lower case */
	    "GB82west12345698765432", "PL61 1090 1014 0000 0712 1981 2874",
	    "P161109010140000071219812874", "PLA1109010140000071219812874",
	    "GB82WEST1234569876543-",
	    "ZZ0712345678901234567890123456789012", /* 36 long */
	    "");
}

static void test_eori(void **state)
{
	char out[18];

	(void)state;
	GOOD(valid_eori, "PL526025027400000",
	     "PL12345678901234Z", /* sequence form, no Polish NIP */
	     "DE123456789012345", "DE1", "FR12345678901", "GR123456789",
	     "XI123456789000", "SK1234567890");
	BAD(valid_eori, "PL526025027500000", /* bad NIP */
	    "PL526025027400001",	     /* suffix not 00000 */
	    "PL5260250274",		     /* NIP without suffix */
	    "PL52602502740000",		     /* 14 after PL */
	    "PL5260250274000000",	     /* 16 after PL */
	    "PL1234567890123Z4",	     /* Z in the wrong place */
	    "PL12345678901234X", "PL1234567890123AZ",
	    "DE1234567890123456",	  /* 16 after DE */
	    "DE", "GB123456789000",	  /* not EU since 2021 */
	    "UK123456789", "EL123456789", /* VAT spelling of Greece */
	    "US123", "de123456", "DE12345-6", "DE12345 6", "DEa", "D", "");

	assert_true(valid_eori_pl_from_nip("5260250274", out));
	assert_string_equal(out, "PL526025027400000");
	assert_true(valid_eori(out));
	assert_false(valid_eori_pl_from_nip("5260250275", out));
	assert_string_equal(out, "");
	assert_false(valid_eori_pl_from_nip("526025027", out));
	assert_false(valid_eori_pl_from_nip(NULL, out));
	assert_false(valid_eori_pl_from_nip("5260250274", NULL));
}

static void test_mrn(void **state)
{
	char buf[20];

	(void)state;
	GOOD(valid_mrn, "24PL44302000001237", "23DE12345678901238",
	     "25PL301010E0000120", "22NLABCDEFGHIJKLM6", "24PL4430200000A120",
	     "24PL44302000000000");	     /* remainder 10 -> '0' */
	BAD(valid_mrn, "24PL44302000001236", /* check changed */
	    "24PL44302000001337",	     /* body digit changed */
	    "24PL4430200000123",	     /* 17 long */
	    "24PL443020000012370",	     /* 19 long */
	    "24pl44302000001237", "24PL4430200000a120",
	    "241244302000001230", /* digits for country, check right */
	    "2APL44302000001238", /* letter in year, check right */
	    "24PL4430200000123A", /* check not a digit */
	    "24PL443020000-1237", "");

	assert_int_equal(valid_mrn_check_char("24PL4430200000123"), '7');
	assert_int_equal(valid_mrn_check_char("24PL4430200000000"), '0');
	assert_int_equal(valid_mrn_check_char("24PL44302000001237"), '7');
	assert_int_equal(valid_mrn_check_char("24PL443020000012"), 0);
	assert_int_equal(valid_mrn_check_char("24PL44302000001-3"), 0);
	assert_int_equal(valid_mrn_check_char("24pl4430200000123"), 0);
	assert_int_equal(valid_mrn_check_char(""), 0);
	assert_int_equal(valid_mrn_check_char(NULL), 0);

	/* a check char built by the function must satisfy the validator */
	memcpy(buf, "26PL30101000ABCDE", 17);
	buf[17] = valid_mrn_check_char(buf);
	buf[18] = '\0';
	assert_true(valid_mrn(buf));
}

static void test_container(void **state)
{
	(void)state;
	GOOD(valid_container, "CSQU3054383", "MSKU1234565", "TGHU9998880",
	     "HLXU1234561", "ABCJ1234563", "ABCZ6543210",
	     "CSQU0000070"); /* remainder 10 -> 0 */
	BAD(valid_container, "CSQU3054384", "MSKU1234566", "TCLU3265551",
	    "CSQA3054383", /* check digit right, category A */
	    "CSQU305438", "CSQU30543830", "csqu3054383", "CSQU305438X",
	    "CSQUA054383", "C5QU3054383", "CSQU 3054383", "");

	assert_int_equal(valid_container_check_digit("CSQU305438"), 3);
	assert_int_equal(valid_container_check_digit("MSKU123456"), 5);
	assert_int_equal(valid_container_check_digit("CSQU000007"), 0);
	assert_int_equal(valid_container_check_digit("CSQU30543"), -1);
	assert_int_equal(valid_container_check_digit("CSQ13054383"), -1);
	assert_int_equal(valid_container_check_digit("csqu305438"), -1);
	assert_int_equal(valid_container_check_digit(""), -1);
	assert_int_equal(valid_container_check_digit(NULL), -1);
}

static void test_uic_wagon(void **state)
{
	(void)state;
	GOOD(valid_uic_wagon, "318069500169", "315133200016", "218077771234",
	     "338467842005");
	BAD(valid_uic_wagon, "318069500165", "318069500168", "318069501169",
	    "138069500169", /* transposition */
	    "31806950016", "3180695001690", "31806950016A", "31 8069 500 16-9",
	    "");
}

static void test_plate(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(valid_plate_normalise("wx 12345", buf, sizeof(buf)),
			 7);
	assert_string_equal(buf, "WX12345");
	assert_int_equal(valid_plate_normalise("KR-1A.23", buf, sizeof(buf)),
			 6);
	assert_string_equal(buf, "KR1A23");
	assert_int_equal(valid_plate_normalise("B 1", buf, sizeof(buf)), 2);
	assert_string_equal(buf, "B1");
	assert_int_equal(
		valid_plate_normalise("ABCDEFGHIJKL", buf, sizeof(buf)), 12);
	assert_int_equal(
		valid_plate_normalise("ABCDEFGHIJKLM", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	assert_int_equal(valid_plate_normalise("A", buf, sizeof(buf)), 0);
	assert_int_equal(valid_plate_normalise(" - . ", buf, sizeof(buf)), 0);
	assert_int_equal(valid_plate_normalise("", buf, sizeof(buf)), 0);
	assert_int_equal(valid_plate_normalise("WX_123", buf, sizeof(buf)), 0);
	assert_int_equal(valid_plate_normalise("\xc5\x81"
					       "DZ 1",
					       buf, sizeof(buf)),
			 0);
	assert_int_equal(valid_plate_normalise("WX\t123", buf, sizeof(buf)), 0);
	/* fits exactly, then one short */
	assert_int_equal(valid_plate_normalise("WX123", buf, 6), 5);
	assert_int_equal(valid_plate_normalise("WX123", buf, 5), 0);
	assert_string_equal(buf, "");
	assert_int_equal(valid_plate_normalise(NULL, buf, sizeof(buf)), 0);
	assert_int_equal(valid_plate_normalise("WX123", NULL, 10), 0);
	assert_int_equal(valid_plate_normalise("WX123", buf, 0), 0);
}

static void append_n(char *buf, char c, size_t n)
{
	size_t l = strlen(buf);

	memset(buf + l, c, n);
	buf[l + n] = '\0';
}

static void test_email(void **state)
{
	char buf[300];
	int i;

	(void)state;
	GOOD(valid_email, "a@b.pl", "jan.kowalski@mf.gov.pl",
	     "o'brien+tag@example.co.uk", "x_y-z@sub-domain.example.com",
	     "!#$%&'*+/=?^_`{|}~-@example.org", "USER@EXAMPLE.COM", "1@2.de");
	BAD(valid_email, "a@b", "user@localhost", /* dotless domain */
	    "ab", "@b.pl", "a@", "a@.pl", ".a@b.pl", "a.@b.pl", "a..b@c.pl",
	    "a@b@c.pl", "a@-b.pl", "a@b-.pl", "a@b..pl", "a@b.pl.", "a@b.p",
	    "a@b.p1", "a@b.123", "a b@c.pl", "a@b c.pl", "a(b)@c.pl",
	    "\"a\"@c.pl", "a@b_c.pl", "\xc4\x85@b.pl", "a@\xc4\x85.pl", "");

	/* 64-char local part is the limit */
	memset(buf, 'a', 64);
	strcpy(buf + 64, "@b.pl");
	assert_true(valid_email(buf));
	memset(buf, 'a', 65);
	strcpy(buf + 65, "@b.pl");
	assert_false(valid_email(buf));

	/* 63-char label is the limit */
	buf[0] = 'a';
	buf[1] = '@';
	memset(buf + 2, 'b', 63);
	strcpy(buf + 65, ".pl");
	assert_true(valid_email(buf));
	memset(buf + 2, 'b', 64);
	strcpy(buf + 66, ".pl");
	assert_false(valid_email(buf));

	/* 254 total is the limit: a@ + 3 x (63 + dot) + 57 + .pl */
	strcpy(buf, "a@");
	for (i = 0; i < 3; i++) {
		append_n(buf, 'c', 63);
		strcat(buf, ".");
	}
	append_n(buf, 'c', 57);
	strcat(buf, ".pl");
	assert_int_equal(strlen(buf), 254);
	assert_true(valid_email(buf));
	buf[strlen(buf) - 3] = '\0';
	strcat(buf, "c.pl");
	assert_int_equal(strlen(buf), 255);
	assert_false(valid_email(buf));
}

static void test_phone(void **state)
{
	(void)state;
	GOOD(valid_phone, "+48 123 456 789", "+48123456789", "48123456789",
	     "123456789", "+123456789012345", "+1 2 3 4 5 6 7 8 9");
	BAD(valid_phone, "12345678", /* 8 digits */
	    "+1234567890123456",     /* 16 digits */
	    "+48  123456789", "+ 48123456789", " +48123456789", "+48123456789 ",
	    "++48123456789", "48+123456789", "+48-123-456-789",
	    "(48) 123456789", "+48 123 456 78a", "+", "");
}

static void test_date(void **state)
{
	int y = 0, m = 0, d = 0;

	(void)state;
	assert_true(valid_date("2024-02-29", &y, &m, &d));
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_true(valid_date("2000-02-29", NULL, NULL, NULL));
	assert_true(valid_date("1900-01-01", NULL, &m, NULL));
	assert_int_equal(m, 1);
	assert_true(valid_date("2200-12-31", NULL, NULL, NULL));
	assert_true(valid_date("2023-04-30", NULL, NULL, NULL));

	y = m = d = 5;
	assert_false(valid_date("2023-02-29", &y, &m, &d));
	assert_int_equal(y, 5);
	assert_false(valid_date("1900-02-29", NULL, NULL, NULL));
	assert_false(valid_date("2100-02-29", NULL, NULL, NULL));
	assert_false(valid_date("1899-12-31", NULL, NULL, NULL));
	assert_false(valid_date("2201-01-01", NULL, NULL, NULL));
	assert_false(valid_date("2024-13-01", NULL, NULL, NULL));
	assert_false(valid_date("2024-00-10", NULL, NULL, NULL));
	assert_false(valid_date("2024-04-31", NULL, NULL, NULL));
	assert_false(valid_date("2024-04-00", NULL, NULL, NULL));
	assert_false(valid_date("2024-4-01", NULL, NULL, NULL));
	assert_false(valid_date("2024-04-01x", NULL, NULL, NULL));
	assert_false(valid_date("2024/04/01", NULL, NULL, NULL));
	assert_false(valid_date("20240401", NULL, NULL, NULL));
	assert_false(valid_date("2O24-04-01", NULL, NULL, NULL));
	assert_false(valid_date("", NULL, NULL, NULL));
	assert_false(valid_date(NULL, &y, &m, &d));
}

static void test_time(void **state)
{
	int h = -1, mi = -1;

	(void)state;
	assert_true(valid_time_hm("00:00", &h, &mi));
	assert_int_equal(h, 0);
	assert_int_equal(mi, 0);
	assert_true(valid_time_hm("23:59", &h, &mi));
	assert_int_equal(h, 23);
	assert_int_equal(mi, 59);
	assert_true(valid_time_hm("07:05", NULL, NULL));

	assert_false(valid_time_hm("24:00", &h, &mi));
	assert_int_equal(h, 23);
	assert_false(valid_time_hm("12:60", NULL, NULL));
	assert_false(valid_time_hm("1:00", NULL, NULL));
	assert_false(valid_time_hm("12:5", NULL, NULL));
	assert_false(valid_time_hm("12:00:00", NULL, NULL));
	assert_false(valid_time_hm("12.00", NULL, NULL));
	assert_false(valid_time_hm("ab:cd", NULL, NULL));
	assert_false(valid_time_hm("", NULL, NULL));
	assert_false(valid_time_hm(NULL, NULL, NULL));
}

static void test_postcode(void **state)
{
	(void)state;
	GOOD(valid_postcode_pl, "00-950", "31-234", "99-999");
	BAD(valid_postcode_pl, "00950", "00-9500", "0-0950", "000-950",
	    "00 950", "AB-CDE", "00-95O", " 00-950", "");
}

static void test_country(void **state)
{
	char cc[3] = { 0 };
	int count = 0;

	(void)state;
	GOOD(valid_country, "PL", "DE", "GB", "US", "UA", "BY", "AD", "ZW",
	     "AX", "SS", "BQ");
	BAD(valid_country, "UK", "EU", "XK", "XI", "EL", "ZZ", "AA", "pl", "Pl",
	    "P", "POL", "P1", "");

	/* the binary search finds exactly the 249 assigned codes */
	for (cc[0] = 'A'; cc[0] <= 'Z'; cc[0]++)
		for (cc[1] = 'A'; cc[1] <= 'Z'; cc[1]++)
			count += valid_country(cc);
	assert_int_equal(count, 249);
}

static void test_utf8(void **state)
{
	static const struct {
		const char *s;
		size_t len;
	} good[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "\t\n\r", 3 },
		{ "za\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87", 10 }, /* zażółć */
		{ "\xe2\x82\xac", 3 },			      /* U+20AC */
		{ "\xed\x9f\xbf", 3 },	   /* U+D7FF, below surrogates */
		{ "\xee\x80\x80", 3 },	   /* U+E000, above surrogates */
		{ "\xf0\x9f\x98\x80", 4 }, /* U+1F600 */
		{ "\xf4\x8f\xbf\xbf", 4 }, /* U+10FFFF */
		{ "\xc2\x80", 2 },	   /* U+0080, smallest 2-byte */
		{ "\xe0\xa0\x80", 3 },	   /* U+0800, smallest 3-byte */
		{ "\xf0\x90\x80\x80", 4 }, /* U+10000, smallest 4-byte */
		{ "\x7f", 1 },
	};
	static const struct {
		const char *s;
		size_t len;
	} bad[] = {
		{ "\xc0\xaf", 2 }, /* overlong '/' */
		{ "\xc1\xbf", 2 },
		{ "\xe0\x80\xaf", 3 },
		{ "\xe0\x9f\xbf", 3 },
		{ "\xf0\x80\x80\xaf", 4 },
		{ "\xf0\x8f\xbf\xbf", 4 },
		{ "\xed\xa0\x80", 3 },	   /* U+D800 */
		{ "\xed\xbf\xbf", 3 },	   /* U+DFFF */
		{ "\xf4\x90\x80\x80", 4 }, /* U+110000 */
		{ "\xf5\x80\x80\x80", 4 },
		{ "\xff", 1 },
		{ "\xfe", 1 },
		{ "\x80", 1 }, /* lone continuation */
		{ "a\xbf", 2 },
		{ "\xc5", 1 }, /* truncated */
		{ "\xe2\x82", 2 },
		{ "\xf0\x9f\x98", 3 },
		{ "\xc5"
		  "a",
		  2 }, /* bad continuation */
		{ "\xe2\x28\xa1", 3 },
		{ "a\0b", 3 }, /* embedded NUL */
		{ "\x01", 1 },
		{ "\x1b[0m", 4 },
		{ "a\x0b", 2 }, /* VT is not allowed */
	};
	unsigned char *heap;
	size_t i;

	(void)state;
	for (i = 0; i < N(good); i++)
		if (!valid_utf8(good[i].s, good[i].len))
			fail_msg("good utf8 #%zu rejected", i);
	for (i = 0; i < N(bad); i++)
		if (valid_utf8(bad[i].s, bad[i].len))
			fail_msg("bad utf8 #%zu accepted", i);
	assert_false(valid_utf8(NULL, 0));

	/* len stops the decoder, even mid-sequence */
	assert_false(valid_utf8("\xc5\x82", 1));
	assert_true(valid_utf8("ab\xff", 2));

	/* exact-size heap buffer: ASan catches any read past len */
	heap = malloc(3);
	assert_non_null(heap);
	memcpy(heap, "\xe2\x82\xac", 3);
	assert_true(valid_utf8((const char *)heap, 3));
	assert_false(valid_utf8((const char *)heap, 2));
	assert_false(valid_utf8((const char *)heap + 1, 2));
	free(heap);
}

static void test_text(void **state)
{
	(void)state;
	assert_true(valid_text("Jan", 3));
	assert_true(valid_text(" a ", 3));
	/* "żółw": 4 code points in 7 bytes */
	assert_true(valid_text("\xc5\xbc\xc3\xb3\xc5\x82w", 4));
	assert_true(valid_text("line1\nline2", 100));
	assert_true(valid_text("\xf0\x9f\x98\x80", 1));

	assert_false(valid_text("Jana", 3));
	assert_false(valid_text("\xc5\xbc\xc3\xb3\xc5\x82w", 3));
	assert_false(valid_text("", 10));
	assert_false(valid_text("   ", 10));
	assert_false(valid_text("\t\r\n", 10));
	assert_false(valid_text("\xc2\xa0\xc2\xa0", 10)); /* NBSP only */
	assert_false(valid_text("\xe3\x80\x80", 10));	  /* ideographic sp */
	assert_false(valid_text("a\x01", 10));
	assert_false(valid_text("a\xc0\xaf", 10));
	assert_false(valid_text("a\xed\xa0\x80", 10));
	assert_false(valid_text("a", 0));
	assert_false(valid_text(NULL, 10));
}

static void test_email_norm(void **state)
{
	char out[32];

	(void)state;
	assert_int_equal(valid_email_norm("Ann.K@Example.PL", out, sizeof(out)),
			 16);
	assert_string_equal(out, "ann.k@example.pl");
	/* Only ASCII letters change; the rest is kept as it came. */
	assert_int_equal(valid_email_norm("Zoë+X@a.pl", out, sizeof(out)), 11);
	assert_string_equal(out, "zoë+x@a.pl");
	assert_int_equal(valid_email_norm("", out, sizeof(out)), 0);
	/* 16 characters and the terminator do not fit in 16 bytes. */
	assert_int_equal(valid_email_norm("Ann.K@Example.PL", out, 16), 0);
}

static void test_hex_lower(void **state)
{
	(void)state;
	assert_true(valid_hex_lower("0123456789abcdef0123456789abcdef", 32));
	assert_false(valid_hex_lower("0123456789ABCDEF0123456789abcdef", 32));
	assert_false(valid_hex_lower("0123456789abcdef0123456789abcde", 32));
	assert_false(valid_hex_lower("0123456789abcdef0123456789abcdeg", 32));
	assert_false(valid_hex_lower(NULL, 32));
	assert_true(valid_hex_lower("", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_id),
		cmocka_unit_test(test_normalise_id),
		cmocka_unit_test(test_nip),
		cmocka_unit_test(test_regon),
		cmocka_unit_test(test_pesel),
		cmocka_unit_test(test_iban),
		cmocka_unit_test(test_eori),
		cmocka_unit_test(test_mrn),
		cmocka_unit_test(test_container),
		cmocka_unit_test(test_uic_wagon),
		cmocka_unit_test(test_plate),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_postcode),
		cmocka_unit_test(test_country),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_email_norm),
		cmocka_unit_test(test_hex_lower),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
