/* fleet_fuel_calc.c: the pure rules of fuel: decimals as typed, the
 * full-tank consumption of a period, and the anomalies a refuelling is
 * flagged with (docs/fleet.md "Consumption", "Anomalies") */
#include "fleet_fuel.h"

#include <stdio.h>

#include "valid.h"

int fleet_fuel_hundredths(const char *s, long long *out)
{
	long long v = 0;
	int whole = 0, dec = 0;

	if (!s)
		return 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++whole > 9)
			return 0;
		v = v * 10 + (*s - '0');
	}
	if (!whole)
		return 0;
	v *= 100;
	if (*s == '.' || *s == ',') {
		s++;
		for (; *s >= '0' && *s <= '9'; s++) {
			if (++dec > 2)
				return 0;
			v += (*s - '0') * (dec == 1 ? 10 : 1);
		}
		if (!dec)
			return 0;
	}
	if (*s)
		return 0;
	*out = v;
	return 1;
}

/* a / b rounded half up, both positive. */
static long long div_round(long long a, long long b)
{
	return (2 * a + b) / (2 * b);
}

int fleet_fuel_consumption(const struct fleet_fill *f, size_t n,
			   struct fleet_consumption *out)
{
	long long cl = 0, km;

	if (n < 2)
		return 0;
	km = f[n - 1].odo_km - f[0].odo_km;
	if (km <= 0)
		return 0;
	for (size_t i = 1; i < n; i++)
		cl += f[i].cl;
	out->km = km;
	out->cl = cl;
	/* l/100 km = (cl / 100) / km × 100 = cl / km; in hundredths: */
	out->cl100 = div_round(cl * 100, km);
	return 1;
}

void fleet_fuel_judge(const struct fleet_fuel_facts *f,
		      struct fleet_fuel_verdict *v)
{
	v->anomalies = 0;
	v->since_km = v->cl100 = v->limit_cl100 = v->tank_cl = -1;
	if (f->fuel_km >= 0 && f->odo_km > f->fuel_km) {
		v->since_km = f->odo_km - f->fuel_km;
		v->cl100 = div_round(f->cl * 100, v->since_km);
	}
	if (f->norm_dl > 0) {
		v->limit_cl100 = div_round(f->norm_dl * 10 * (100 + f->pct),
					   100);
		/* Exact, not on the rounded figures: cl / km against
		 * norm_dl / 10 × (100 + pct) / 100. */
		if (v->since_km > 0 &&
		    f->cl * 1000 > f->norm_dl * (100 + f->pct) * v->since_km)
			v->anomalies |= FLEET_FA_NORM;
	}
	if (f->tank_l > 0) {
		v->tank_cl = f->tank_l * (100 + FLEET_FUEL_TANK_TOLERANCE_PCT);
		if (f->cl > v->tank_cl)
			v->anomalies |= FLEET_FA_TANK;
	}
	if ((f->before_km >= 0 && f->odo_km < f->before_km) ||
	    (f->after_km >= 0 && f->odo_km > f->after_km))
		v->anomalies |= FLEET_FA_ODOMETER;
}

long long fleet_fuel_cost_gr(long long cl, long long price_gr)
{
	return div_round(cl * price_gr, 100);
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long long days_from_civil(int y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int parse_day(const char *s, int *y, int *m, int *d)
{
	return s && valid_date(s, y, m, d);
}

long long fleet_repair_days(const char *from, const char *to)
{
	int y1, m1, d1, y2, m2, d2;
	long long a, b;

	if (!parse_day(from, &y1, &m1, &d1) || !parse_day(to, &y2, &m2, &d2))
		return -1;
	a = days_from_civil(y1, m1, d1);
	b = days_from_civil(y2, m2, d2);
	return b < a ? -1 : b - a + 1;
}

int fleet_repair_months(const char *from, const char *to,
			struct fleet_repair_month *out, int max)
{
	int y, m, d, y2, m2, d2, n = 0;
	long long day, end;

	if (fleet_repair_days(from, to) < 0)
		return -1;
	parse_day(from, &y, &m, &d);
	parse_day(to, &y2, &m2, &d2);
	day = days_from_civil(y, m, d);
	end = days_from_civil(y2, m2, d2);
	while (day <= end) {
		int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
		long long next = days_from_civil(ny, nm, 1);
		long long last = next - 1 < end ? next - 1 : end;

		if (n == max)
			return -1;
		snprintf(out[n].month, sizeof(out[n].month), "%04d-%02d-01", y,
			 m);
		out[n].days = last - day + 1;
		n++;
		day = next;
		y = ny;
		m = nm;
	}
	return n;
}
