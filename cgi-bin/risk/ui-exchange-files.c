/* ui-exchange-files.c: the files partners sent, with their status, counts
 * and errors, and one file's records with their provenance */
#include "exchange_ui.h"

#include "exchange.h"
#include "resp.h"
#include "route.h"
#include "view.h"

int exchange_files_fn(struct req *r)
{
	if (exchange_files_hdf(r->hdf, "Files") < 0)
		return -1;
	return view_render(r, 200, "risk/exchange.cs");
}

int exchange_file_fn(struct req *r)
{
	long long id = route_arg_id(r, 0);
	int rc = exchange_file_hdf(r->hdf, "File", id);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	if (exchange_records_hdf(r->hdf, "Records", id) < 0)
		return -1;
	return view_render(r, 200, "risk/exchange-file.cs");
}
