/* cert.h: e-Customer certificates for signing messages (issue 3): a person
 * with an approved extended registration sends a PKCS#10 request, our CA
 * issues, the owner or a registration officer revokes, the CRL is public */
#ifndef ZSOG_CERT_H
#define ZSOG_CERT_H

#include "req.h"

/* Portal (R_PORTAL): GET/POST /ecustomer/certificates */
int cert_list_fn(struct req *r);
int cert_request_fn(struct req *r);
/* GET /ecustomer/certificates/:id/pem (owner only) */
int cert_download_fn(struct req *r);
/* POST /ecustomer/certificates/:id/revoke (owner, R_CSRF) */
int cert_revoke_fn(struct req *r);

/* Public (R_NOSESSION): GET /ecustomer/ca/crl.pem and /ecustomer/ca/ca.pem */
int crl_fn(struct req *r);
int ca_cert_fn(struct req *r);

/* Staff, ROLE_REGISTRATION of the one-stop-shop (ec_office_gate: 403 for
 * another unit): GET /skr/ecustomer/certificates and
 * POST /skr/ecustomer/certificates/:id/revoke (R_CSRF) */
int cert_staff_list_fn(struct req *r);
int cert_staff_revoke_fn(struct req *r);

/* Every template the handlers above render, pages and e-mails: put it in
 * the program's templates[] (they are parsed once per worker). */
#define CERT_TEMPLATES                                                         \
	"ecustomer/certs.cs", "ecustomer/skr_certs.cs", "mail/cert_issued.cs", \
		"mail/cert_revoked.cs"

#endif
