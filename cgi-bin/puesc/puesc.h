/* puesc.h: the PUESC XML exchange: one SOAP exchange as the operations see
 * it, the operation table and the helpers they share */
#ifndef ZSOG_PUESC_H
#define ZSOG_PUESC_H

#include <libxml/tree.h>

#include "req.h"
#include "util.h"

#define NS_SOAP11 "http://schemas.xmlsoap.org/soap/envelope/"
#define NS_SOAP12 "http://www.w3.org/2003/05/soap-envelope"
#define NS_EORI "http://eori.ws.eos.dds.s/"
#define NS_ZSOG "urn:zsog:puesc:1"

enum soap_ver { SOAP11, SOAP12 };

struct soap {
	struct req *r;
	enum soap_ver ver;
	xmlDocPtr doc;
	xmlNodePtr header, body; /* the Envelope's children */
	xmlNodePtr op;		 /* the Body's one element: the request */
	const char *opname;
	long long person_id;	/* the signer's person (signed operations) */
	long long company_id;	/* the company it acts for (op_xml_allowed) */
	const char *sender;	/* signer's ID SISC, or "ip:<address>" */
	const char *message_id; /* state-changing operations */
	struct buf out;		/* the answer: the Body's content */
	const char *fault_code; /* set by soap_fault() */
	const char *fault_msg;
	int fault_server;    /* our failure, not the client's */
	const char *outcome; /* "ok", "replay" or the fault code */
	char receipt_no[21];
};

/* Operation flags. */
#define OP_SIGNED (1 << 0)  /* WS-Security signature required */
#define OP_CHANGES (1 << 1) /* carries a messageId, gets a receipt */

struct soap_op {
	const char *name; /* the request element's local name */
	const char *ns;
	unsigned flags;
	int (*fn)(struct soap *s);
};

/* soap.c */
int soap_fault(struct soap *s, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int soap_server_fault(struct soap *s, const char *what);
xmlNodePtr soap_child(xmlNodePtr parent, const char *name);
/* Text of parent's first child element called name, or NULL. */
const char *soap_text(struct soap *s, xmlNodePtr parent, const char *name);
/* Text of node with leading and trailing white space removed. */
const char *soap_trim(struct soap *s, xmlNodePtr node);
/* Appends <name>text</name> (escaped), nothing when text is NULL. */
void soap_elem(struct buf *b, const char *name, const char *text);
void soap_elem_int(struct buf *b, const char *name, long long v);
/* Appends the receipt element for the current message. */
void soap_receipt(struct soap *s, struct buf *b);
/* The HDF subtree prefix as <name> elements, for the given keys. */
void soap_hdf_elems(struct buf *b, HDF *hdf, const char *prefix,
		    const char *const *keys);

/* idem.c: the idempotency store (puesc_receipt). */
/* A fresh receipt number into s->receipt_no. */
void idem_new_receipt(struct soap *s);
/* 1 when (sender, message id) was answered before: s->out is that answer. */
int idem_lookup(struct soap *s);
/* Inside the work's transaction: stores s->out; 0, or -1 (rolls back). */
int idem_store(struct soap *s);
/* After a failed work: was it a concurrent duplicate? Then replay. */
int idem_replayed_after(struct soap *s);

/* wsse.c: 0 when the signature, certificate and timestamp hold and
 * s->person_id/s->sender are set; else -1 with a fault set. */
int wsse_init(void);
int wsse_verify(struct soap *s);

/* archive.c */
void archive_put(struct soap *s, const char *request, size_t reqlen,
		 const char *response, size_t resplen);

/* op-company.c: the company an operation names. 0 when it is active and
 * the signer has xml_exchange for it (*id set); else -1 with the fault
 * set (COMPANY_UNKNOWN, AUTHZ_DENIED). */
int op_company(struct soap *s, const char *eori, long long *id);
/* 0 when the signer has xml_exchange for the company; else -1, fault set. */
int op_xml_allowed(struct soap *s, long long company_id);
/* 0 when the signer may also submit on the company's behalf (declare:
 * an operation that creates, changes or cancels something for it, e.g. a
 * booking with its declarations' MRNs); else -1, fault set. */
int op_declare_allowed(struct soap *s, long long company_id);

/* The operations. */
int eori_validate_fn(struct soap *s);
int ebt_free_slots_fn(struct soap *s);
int ebt_create_fn(struct soap *s);
int ebt_change_fn(struct soap *s);
int ebt_cancel_fn(struct soap *s);
int ebt_get_fn(struct soap *s);
int ebt_list_fn(struct soap *s);
int ec_status_fn(struct soap *s);
int ec_reps_fn(struct soap *s);

/* Handlers. */
int soap_post_fn(struct req *r);
int soap_eori_fn(struct req *r);
int soap_wsdl_fn(struct req *r);
int soap_worker_init(void);
int archive_list_fn(struct req *r);
int archive_show_fn(struct req *r);

#endif
