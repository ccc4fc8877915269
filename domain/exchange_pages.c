/* exchange_pages.c: what the analysts' pages list: received files, and a
 * file's records with their provenance */
#include "exchange.h"

static struct sql q_files = SQL(
	"SELECT f.id, s.code AS source, s.name_pl AS source_pl,"
	" s.name_en AS source_en, f.file_ref,"
	" DATE_FORMAT(f.created, '%Y-%m-%d %H:%i:%s') AS created,"
	" DATE_FORMAT(f.received_at, '%Y-%m-%d %H:%i:%s') AS received_at,"
	" f.channel, f.name, f.status, f.error, f.detail, f.bytes, f.sha256,"
	" f.n_info, f.n_candidates, f.n_new, f.n_updated, f.n_unchanged"
	" FROM exchange_file f"
	" LEFT JOIN exchange_source s ON s.id = f.source_id"
	" ORDER BY f.id DESC LIMIT 200");
static struct sql q_file = SQL(
	"SELECT f.id, s.code AS source, s.name_pl AS source_pl,"
	" s.name_en AS source_en, f.file_ref,"
	" DATE_FORMAT(f.created, '%Y-%m-%d %H:%i:%s') AS created,"
	" DATE_FORMAT(f.received_at, '%Y-%m-%d %H:%i:%s') AS received_at,"
	" f.channel, f.name, f.status, f.error, f.detail, f.bytes, f.sha256,"
	" f.n_info, f.n_candidates, f.n_new, f.n_updated, f.n_unchanged"
	" FROM exchange_file f"
	" LEFT JOIN exchange_source s ON s.id = f.source_id WHERE f.id = ?");
static struct sql q_records = SQL(
	"SELECT r.id, r.kind, r.ref, r.object_kind, r.value, r.country,"
	" r.category, r.level, r.action, r.reason, r.valid_from, r.valid_to,"
	" r.outcome, r.risk_info_id, r.watch_entry_id, s.code AS source,"
	" f.file_ref,"
	" DATE_FORMAT(f.received_at, '%Y-%m-%d %H:%i:%s') AS received_at"
	" FROM exchange_record r JOIN exchange_file f ON f.id = r.file_id"
	" JOIN exchange_source s ON s.id = r.source_id"
	" WHERE r.file_id = ? ORDER BY r.id");

int exchange_files_hdf(HDF *hdf, const char *prefix)
{
	return db_select_hdf(&q_files, hdf, prefix, "");
}

int exchange_file_hdf(HDF *hdf, const char *prefix, long long id)
{
	return db_select_hdf(&q_file, hdf, prefix, "i", id);
}

int exchange_records_hdf(HDF *hdf, const char *prefix, long long file_id)
{
	return db_select_hdf(&q_records, hdf, prefix, "i", file_id);
}
