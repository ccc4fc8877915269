/* accounts_contact.c: an account's contact data, for e-Customer: a
 * registration starts from it, the office sees who submitted, a status
 * mail goes to it when the submitter registered no person */
#include "accounts.h"

/* Only columns the ecustomer program's grant on portal_account allows:
 * never the password hash or the lock state. */
static struct sql q_contact = SQL(
	"SELECT first_name, last_name, country, phone, email, lang"
	" FROM portal_account WHERE id = ?");

int accounts_contact(struct arena *a, long long id, struct row *row)
{
	return db_get(a, &q_contact, row, "i", id);
}
