/* db_join.h: a list already in the HDF completed from another module's
 * table in one query, so no statement has to join two owners' tables */
#ifndef ZSOG_DB_JOIN_H
#define ZSOG_DB_JOIN_H

#include "db.h"

/*
 * For the children of list (prefix.0, prefix.1, ...), collects the
 * distinct positive integers under key, binds them to q's one parameter
 * as a JSON array ("[3,7]"; q reads it with JSON_TABLE) and, for each row
 * q answers, sets the row's other columns on every child whose key equals
 * the row's first column. as, when not NULL, renames the second column
 * (one query serves several keys: assigned_to -> assignee). NULL columns
 * are left unset. Returns the number of rows, 0 when no child has the key,
 * or -1.
 */
int db_join_hdf(struct sql *q, HDF *hdf, const char *prefix, const char *key,
		const char *as);

#endif
