/* fleet_vin.c: the vehicle identification number (ISO 3779): its
 * characters, its length and, for a North-American vehicle, its check
 * digit (the rule in fleet.h and docs/fleet.md) */
#include "fleet.h"

#include <ctype.h>
#include <string.h>

/* The letters' values (ISO 3779 Annex, 49 CFR 565.15); I, O, Q: none. */
static int value_of(char c)
{
	static const char *const letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
	static const int values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4,
				      5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9 };
	const char *p;

	if (c >= '0' && c <= '9')
		return c - '0';
	if (!c || !(p = strchr(letters, c)))
		return -1;
	return values[p - letters];
}

static const int weights[17] = { 8, 7, 6, 5, 4, 3, 2, 10, 0,
				 9, 8, 7, 6, 5, 4, 3, 2 };

size_t fleet_vin_normalise(const char *in, char *out, size_t outsz)
{
	size_t n = 0;

	if (!outsz)
		return 0;
	out[0] = '\0';
	for (; in && *in; in++) {
		if (*in == ' ' || *in == '-')
			continue;
		if (n + 1 >= outsz) {
			out[0] = '\0';
			return 0;
		}
		out[n++] = (char)toupper((unsigned char)*in);
	}
	out[n] = '\0';
	return n;
}

char fleet_vin_check_digit(const char *vin)
{
	int sum = 0;

	for (int i = 0; i < 17; i++) {
		int v = value_of(vin[i]);

		if (v < 0)
			return 0;
		sum += v * weights[i];
	}
	return sum % 11 == 10 ? 'X' : (char)('0' + sum % 11);
}

enum fleet_vin_error fleet_vin_check(const char *vin)
{
	if (!vin || strlen(vin) != 17)
		return FLEET_VIN_LENGTH;
	for (int i = 0; i < 17; i++)
		if (value_of(vin[i]) < 0)
			return FLEET_VIN_CHARS;
	/* North America (WMI 1-5) makes the check digit mandatory. */
	if (vin[0] >= '1' && vin[0] <= '5' &&
	    fleet_vin_check_digit(vin) != vin[8])
		return FLEET_VIN_CHECK;
	return FLEET_VIN_OK;
}
