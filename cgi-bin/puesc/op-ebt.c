/* op-ebt.c: the eBT operations, through domain/booking.c like the web pages
 * (one implementation of the booking rules and of who may do what) */
#include "puesc.h"

#include <stdlib.h>
#include <string.h>

#include "booking.h"
#include "crossings.h"
#include "registry.h"

/* The booking's refusal as a fault: the rule's stable code. */
static int bk_fault(struct soap *s, enum bk_status st, const char *field)
{
	if (st == BK_ERROR)
		return soap_server_fault(s, "booking");
	if (st == BK_FORBIDDEN)
		return soap_fault(s, "AUTHZ_DENIED",
				  "The signer may not do this for the company");
	if (st == BK_INVALID)
		return soap_fault(s, "BK_INVALID_FIELD", "Invalid field: %s",
				  field ? field : "?");
	return soap_fault(
		s, arena_printf(&s->r->arena, "BK_%s", booking_status_code(st)),
		"The booking was refused: %s", booking_status_key(st));
}

static long long hdf_ll(HDF *hdf, const char *key)
{
	return strtoll(hdf_get_value(hdf, key, "0"), NULL, 10);
}

/* The booking by number, if the signer sees it, and xml_exchange and
 * declare for its company (changing it is submitting for the company). */
static int booking_allowed(struct soap *s, const char *number)
{
	enum bk_status st = booking_get(s->person_id, 0, number, s->r->hdf,
					"Soap.Check");
	long long company = hdf_ll(s->r->hdf, "Soap.Check.company_id");

	if (st != BK_OK)
		return bk_fault(s, st, NULL);
	if (op_xml_allowed(s, company) < 0)
		return -1;
	return op_declare_allowed(s, company);
}

static long long num(struct soap *s, const char *name)
{
	const char *v = soap_text(s, s->op, name);

	return v ? strtoll(v, NULL, 10) : 0;
}

/* Inside the booking's transaction: the answer and its receipt are stored
 * with the work, so a re-sent message finds them (or neither exists). */
static int commit_cb(void *ctx, const struct booking_ref *b)
{
	struct soap *s = ctx;
	struct buf *o = &s->out;

	buf_reset(o);
	buf_printf(o, "<%sResponse xmlns=\"%s\">", s->opname, NS_ZSOG);
	soap_receipt(s, o);
	buf_puts(o, "<booking>");
	soap_elem(o, "number", b->number);
	soap_elem_int(o, "crossingId", b->crossing_id);
	soap_elem(o, "day", b->day);
	soap_elem_int(o, "hour", b->hour);
	buf_printf(o, "</booking></%sResponse>", s->opname);
	return idem_store(s);
}

static int done(struct soap *s, enum bk_status st,
		const struct booking_ref *ref)
{
	if (st == BK_OK)
		return 0;
	/* The same message id raced in on another worker and won. */
	if (idem_replayed_after(s))
		return 0;
	buf_reset(&s->out);
	return bk_fault(s, st, ref->bad_field);
}

int ebt_create_fn(struct soap *s)
{
	struct booking_form f = { 0 };
	struct booking_ref ref = { 0 };
	const char *bad;
	xmlNodePtr c;

	if (op_company(s, soap_text(s, s->op, "companyEori"), &f.company_id) <
		    0 ||
	    op_declare_allowed(s, f.company_id) < 0)
		return -1;
	f.crossing_id = num(s, "crossingId");
	f.day = soap_text(s, s->op, "day");
	f.hour = (int)num(s, "hour");
	f.plate = soap_text(s, s->op, "plate");
	f.plate_country = soap_text(s, s->op, "plateCountry");
	f.trailer_plate = soap_text(s, s->op, "trailerPlate");
	f.driver_name = soap_text(s, s->op, "driverName");
	f.driver_doc = soap_text(s, s->op, "driverDocument");
	f.driver_phone = soap_text(s, s->op, "driverPhone");
	for (c = s->op->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "mrn") == 0 &&
		    f.nmrn < BOOKING_MAX_MRN)
			f.mrn[f.nmrn++] = soap_trim(s, c);
	f.goods = soap_text(s, s->op, "goods");
	f.mass_kg = num(s, "massKg");
	f.packages = num(s, "packages");
	bad = booking_check_form(&f);
	if (bad)
		return bk_fault(s, BK_INVALID, bad);
	return done(s, booking_create(s->person_id, &f, commit_cb, s, &ref),
		    &ref);
}

int ebt_change_fn(struct soap *s)
{
	struct booking_ref ref = { 0 };

	if (booking_allowed(s, soap_text(s, s->op, "number")) < 0)
		return -1;
	return done(s,
		    booking_change(
			    s->person_id, soap_text(s, s->op, "number"),
			    soap_text(s, s->op, "day"), (int)num(s, "hour"),
			    soap_text(s, s->op, "reason"), commit_cb, s, &ref),
		    &ref);
}

int ebt_cancel_fn(struct soap *s)
{
	struct booking_ref ref = { 0 };

	if (booking_allowed(s, soap_text(s, s->op, "number")) < 0)
		return -1;
	return done(s,
		    booking_cancel(s->person_id, soap_text(s, s->op, "number"),
				   soap_text(s, s->op, "reason"), commit_cb, s,
				   &ref),
		    &ref);
}

/* Element name, then the HDF key booking.c fills. */
static const char *const booking_keys[] = {
	"number",	"number",	  "status",
	"status",	"crossingId",	  "crossing_id",
	"crossingCode", "crossing_code",  "day",
	"day",		"hour",		  "hour",
	"companyName",	"company_name",	  "plate",
	"plate",	"plateCountry",	  "plate_country",
	"trailerPlate", "trailer_plate",  "driverName",
	"driver_name",	"driverDocument", "driver_doc",
	"driverPhone",	"driver_phone",	  NULL,
};
static const char *const booking_tail[] = {
	"goods", "goods", "massKg", "mass_kg", "packages", "packages", NULL,
};

static void booking_xml(struct soap *s, HDF *hdf, const char *prefix)
{
	char k[200];
	HDF *m;

	buf_puts(&s->out, "<booking>");
	soap_hdf_elems(&s->out, hdf, prefix, booking_keys);
	snprintf(k, sizeof(k), "%s.Mrn", prefix);
	for (m = hdf_obj_child(hdf_get_obj(hdf, k)); m; m = hdf_obj_next(m))
		soap_elem(&s->out, "mrn", hdf_get_value(m, "mrn", NULL));
	soap_hdf_elems(&s->out, hdf, prefix, booking_tail);
	buf_puts(&s->out, "</booking>");
}

int ebt_get_fn(struct soap *s)
{
	enum bk_status st = booking_get(s->person_id, 0,
					soap_text(s, s->op, "number"),
					s->r->hdf, "Soap.Booking");

	if (st != BK_OK)
		return bk_fault(s, st, NULL);
	if (op_xml_allowed(s, hdf_ll(s->r->hdf, "Soap.Booking.company_id")) < 0)
		return -1;
	buf_printf(&s->out, "<GetBookingResponse xmlns=\"%s\">", NS_ZSOG);
	booking_xml(s, s->r->hdf, "Soap.Booking");
	buf_puts(&s->out, "</GetBookingResponse>");
	return 0;
}

int ebt_list_fn(struct soap *s)
{
	struct booking_filter f = { 0 };
	long long company;
	HDF *b;
	int n;

	if (op_company(s, soap_text(s, s->op, "companyEori"), &company) < 0)
		return -1;
	f.status = soap_text(s, s->op, "status");
	f.crossing_id = num(s, "crossingId");
	f.day = soap_text(s, s->op, "day");
	n = booking_list(s->person_id, company, &f, s->r->hdf, "Soap.List");
	if (n < 0)
		return bk_fault(s, (enum bk_status) - n, NULL);
	buf_printf(&s->out, "<ListBookingsResponse xmlns=\"%s\">", NS_ZSOG);
	for (b = hdf_obj_child(hdf_get_obj(s->r->hdf, "Soap.List")); b;
	     b = hdf_obj_next(b)) {
		char p[64];

		snprintf(p, sizeof(p), "Soap.List.%s", hdf_obj_name(b));
		booking_xml(s, s->r->hdf, p);
	}
	buf_puts(&s->out, "</ListBookingsResponse>");
	return 0;
}

int ebt_free_slots_fn(struct soap *s)
{
	long long crossing = num(s, "crossingId");
	HDF *h;
	int n;

	if (crossings_hdf(crossing, 1, s->r->hdf, "Soap.Crossing") != 1)
		return bk_fault(s, BK_NO_CROSSING, NULL);
	n = booking_free_slots(crossing, soap_text(s, s->op, "from"),
			       soap_text(s, s->op, "to"), s->r->hdf,
			       "Soap.Slots");
	if (n < 0)
		return soap_server_fault(s, "booking_free_slots");
	buf_printf(&s->out, "<ListFreeSlotsResponse xmlns=\"%s\">", NS_ZSOG);
	for (h = hdf_obj_child(hdf_get_obj(s->r->hdf, "Soap.Slots")); h;
	     h = hdf_obj_next(h)) {
		if (hdf_get_int_value(h, "closed", 0))
			continue;
		buf_puts(&s->out, "<slot>");
		soap_elem(&s->out, "day", hdf_get_value(h, "day", ""));
		soap_elem(&s->out, "hour", hdf_get_value(h, "hour", "0"));
		soap_elem(&s->out, "capacity",
			  hdf_get_value(h, "capacity", "0"));
		soap_elem(&s->out, "booked", hdf_get_value(h, "booked", "0"));
		soap_elem(&s->out, "free", hdf_get_value(h, "free", "0"));
		buf_puts(&s->out, "</slot>");
	}
	buf_puts(&s->out, "</ListFreeSlotsResponse>");
	return 0;
}
