/* registry_int.h: what the registry's files share and nobody else needs */
#ifndef ZSOG_REGISTRY_INT_H
#define ZSOG_REGISTRY_INT_H

#include "registry_apps.h"

/* Locks application id (SELECT ... FOR UPDATE) into a, with the
 * submitter's e-mails; *payload (may be NULL) gets a change's payload.
 * 1, 0 none, -1. */
int registry_app_lock(struct arena *ar, long long id, struct app *a,
		      const char **payload);
/* The next number of ecustomer_sequence row name; the row stays locked
 * until the transaction ends (registry_decide.c). -1 on error. */
long long registry_next_in(struct arena *ar, const char *name);

/* Applies a person_update payload to approved person id, a line of
 * history per changed field: APP_OK, APP_NOT_ACTIVE or -1. */
int registry_person_apply(struct arena *ar, const struct registry_actor *by,
			  long long id, const char *payload);

#endif
