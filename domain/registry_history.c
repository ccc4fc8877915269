/* registry_history.c: the registry's change history, one line per change
 * of a person, company, application or representation */
#include "registry_records.h"

static struct sql q_history = SQL(
	"INSERT INTO change_history (entity, entity_id, field, old_value,"
	" new_value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?,"
	" UTC_TIMESTAMP())");

int registry_history(const struct registry_actor *by, const char *entity,
		     long long id, const char *field, const char *old_value,
		     const char *new_value)
{
	return db_exec(&q_history, "sissss", entity, id, field, old_value,
		       new_value, by->name) < 0
		       ? -1
		       : 0;
}
