/* audit.h: the append-only audit log: who did what to which object, when */
#ifndef ZSOG_AUDIT_H
#define ZSOG_AUDIT_H

#include "req.h"

/* action: "staff.create"; object: "staff:42"; detail: free text or NULL. */
int audit_log(struct req *r, const char *action, const char *object,
	      const char *detail);

#endif
