/* ui-profile-backtest.c: a profile in testing evaluated over the stored
 * events of the last days (domain/risk_profile_backtest.c) */
#include "risk_ui.h"

#include "form.h"
#include "resp.h"
#include "risk_profile.h"
#include "route.h"
#include "valid.h"
#include "view.h"

#define DEFAULT_DAYS 30

static int valid_days(const char *s)
{
	long long n = valid_id(s);

	return n >= 1 && n <= 90;
}

enum { B_DAYS, B__MAX };
static const struct param backtest_params[B__MAX] = {
	{ "days", P_QUERY, 2, NULL, valid_days, "risk_days" }, /* B_DAYS */
};

int profile_backtest_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	const char *v[B__MAX];
	int rc, days = DEFAULT_DAYS;

	if ((rc = profile_load(r, id)) < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (!hdf_get_int_value(r->hdf, "Can.backtest", 0))
		return resp_error(r, 409, "risk_profile_not_testing");
	if (form_read(r, backtest_params, B__MAX, v))
		return view_render(r, 422, "risk/profile.cs");
	if (v[B_DAYS])
		days = (int)valid_id(v[B_DAYS]);
	hdf_set_int_value(r->hdf, "Form.days", days);
	if ((rc = risk_profile_backtest(id, days, r->hdf, "Backtest")) < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	return view_render(r, 200, "risk/profile.cs");
}
