/* poa.c: a representation's declaration as the forms read it (type, the
 * power of attorney's PDF), the application that sends it to the office,
 * the mail to both sides, and the PDF served to those who may read it */
#include "ecustomer.h"

#include <stdio.h>
#include <string.h>

#include "blob.h"
#include "conf.h"
#include "log.h"
#include "outbox.h"
#include "pdfcheck.h"
#include "registry_records.h"
#include "resp.h"
#include "view.h"

/* Where the PDFs live: Paths.Var/poa/ (lib/blob.c). */
#define POA_DIR "poa"

/* The message beside the file field for each refusal. */
static const char *const pdf_refusal[] = {
	[PDF_NOT_PDF] = "err.ec_poa_not_pdf",
	[PDF_TOO_LARGE] = "err.ec_poa_too_large",
	[PDF_ACTIVE] = "err.ec_poa_active",
	[PDF_OPAQUE] = "err.ec_poa_opaque",
};

int ec_rep_decl_read(struct req *r, long long rep_company, int store,
		     struct registry_rep_decl *d)
{
	const char *type = req_form(r, "rep_type");
	const struct field *f = req_form_field(r, "poa");
	size_t max = (size_t)conf_int("Ecustomer.PoaMaxBytes", 5 << 20);
	enum pdf_verdict v;
	const char *why;
	char *hex;
	int bad = 0;

	memset(d, 0, sizeof(*d));
	if (type)
		hdf_set_value(r->hdf, "Form.rep_type", type);
	if (!type || !*type) {
		view_field_error(r, "rep_type", "err.required");
		return 1;
	}
	if (!registry_rep_type_known(type)) {
		view_field_error(r, "rep_type", "err.invalid");
		return 1;
	}
	/* A company is nobody's employee. */
	if (rep_company && strcmp(type, "employee") == 0) {
		view_field_error(r, "rep_type", "err.ec_rep_type_company");
		bad++;
	}
	d->type = type;
	/* Only an agent's representation carries a power of attorney; a
	 * file sent with another type is not kept. */
	if (!registry_rep_type_is_agent(type))
		return bad;
	if (!f || !f->filename || !*f->filename || f->len == 0) {
		view_field_error(r, "poa", "err.ec_poa_required");
		return bad + 1;
	}
	v = pdf_check(f->value, f->len, max, &why);
	if (v != PDF_OK) {
		log_info("power of attorney refused: %d %s (%zu bytes)", (int)v,
			 why ? why : "", f->len);
		view_field_error(r, "poa", pdf_refusal[v]);
		return bad + 1;
	}
	if (bad || !store)
		return bad;
	hex = arena_alloc(&r->arena, 65);
	/* Stored before the transaction: a file nobody's row names is
	 * harmless (content-addressed, never served without a row). */
	if (!hex || blob_put(POA_DIR, f->value, f->len, hex) < 0)
		return -1;
	d->poa_sha256 = hex;
	d->poa_name = arena_strndup(
		&r->arena, f->filename,
		strlen(f->filename) > 200 ? 200 : strlen(f->filename));
	d->poa_size = (long long)f->len;
	return 0;
}

int ec_poa_submit(struct req *r, long long company, long long rid,
		  long long *app)
{
	struct registry_actor me = ec_actor(r);

	return registry_app_submit(
		&me, "representation_poa", company,
		arena_printf(&r->arena, "representation=%lld", rid), app);
}

struct mail_ctx {
	struct req *r;
};

static int mail_one(const char *email, const char *lang, void *ctx)
{
	struct mail_ctx *m = ctx;

	return outbox_put_lang(m->r, lang, email, "ecustomer.rep_mail.subject",
			       "mail/ecustomer_rep.cs");
}

int ec_rep_mail(struct req *r, long long rid, const char *event,
		const char *reason)
{
	struct mail_ctx m = { r };
	struct row rep;

	if (registry_rep_row(&r->arena, rid, 0, &rep) != 1)
		return -1;
	hdf_set_value(r->hdf, "Mail.Event", event);
	hdf_set_value(r->hdf, "Mail.Who", row_get(&rep, "who", ""));
	hdf_set_value(r->hdf, "Mail.Company", row_get(&rep, "company", ""));
	hdf_set_value(r->hdf, "Mail.Type", row_get(&rep, "rep_type", ""));
	hdf_set_value(r->hdf, "Mail.State", row_get(&rep, "state", ""));
	hdf_set_value(r->hdf, "Mail.CompanyId",
		      row_get(&rep, "company_id", ""));
	hdf_set_value(r->hdf, "Mail.Reason", reason ? reason : "");
	hdf_set_value(r->hdf, "Mail.Base", conf_get("Site.BaseUrl", ""));
	return registry_rep_parties(&r->arena, rid, mail_one, &m);
}

int ec_poa_send(struct req *r, const struct row *rep)
{
	const char *p, *name;
	size_t n;
	int rc = blob_get(&r->arena, POA_DIR, row_get(rep, "poa_sha256", NULL),
			  &p, &n);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return resp_error(r, 404, "not_found");
	/* The uploaded name is not echoed into the header: a name we make
	 * needs no quoting rules. */
	name = arena_printf(&r->arena, "attachment; filename=\"poa-%s.pdf\"",
			    row_get(rep, "id", "0"));
	/* nosniff comes with every answer (etc/nginx/headers.inc). */
	resp_header(r, "Content-Disposition", name);
	resp_header(r, "Cache-Control", "private, no-store");
	return resp_send(r, 200, "application/pdf", p, n);
}
