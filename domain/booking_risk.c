/* booking_risk.c: what eBT tells a risk rule about a truck: whether a
 * booking covers it, its MRN, whether it was changed or made late */
#include "booking_int.h"

#include <string.h>

/* Made less than this before its hour: a late booking (ebt.late). */
#define LATE_MINUTES 120

#define FACTS                                                                \
	"SELECT b.id, b.company_id,"                                         \
	" EXISTS (SELECT 1 FROM booking_mrn m WHERE m.booking_id = b.id)"    \
	" AS mrn,"                                                           \
	" EXISTS (SELECT 1 FROM booking_history h WHERE h.booking_id = b.id" \
	" AND h.action = 'changed') AS changed,"                             \
	" TIMESTAMPDIFF(MINUTE, b.created_at, b.start_utc) < ? AS late"      \
	" FROM booking b" BK_SQL_LANE " "
static struct sql q_by_id = SQL(FACTS "WHERE b.id = ?");
/* The plate's active booking: one at most (uq_booking_active_plate). */
static struct sql q_by_plate = SQL(
	FACTS "WHERE b.crossing_id = ? AND b.active_plate = ?"
	      " AND " BK_SQL_ACTIVE);

int booking_risk_facts(long long id, long long crossing_id, const char *plate,
		       struct booking_facts *f)
{
	struct arena a = { 0 };
	struct row row;
	int rc;

	memset(f, 0, sizeof(*f));
	rc = id > 0 ? db_get(&a, &q_by_id, &row, "ii", (long long)LATE_MINUTES,
			     id)
		    : db_get(&a, &q_by_plate, &row, "iis",
			     (long long)LATE_MINUTES, crossing_id,
			     plate ? plate : "");
	if (rc == 1) {
		f->id = row_int(&row, "id", 0);
		f->company_id = row_int(&row, "company_id", 0);
		f->mrn = row_int(&row, "mrn", 0) != 0;
		f->changed = row_int(&row, "changed", 0) != 0;
		f->late = row_int(&row, "late", 0) != 0;
	}
	arena_reset(&a);
	return rc;
}
