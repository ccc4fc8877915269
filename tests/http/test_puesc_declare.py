"""test_puesc_declare.py: `declare` means submitting for a company through
XML (issue 18; docs/puesc-api.md "Submitting for a company"). Jan acts
for Trans-Pol through the agency with ebt_book, ebt_view and xml_exchange
but not declare: he reads Trans-Pol's bookings through XML, and CreateBooking,
ChangeBooking and CancelBooking are AUTHZ_DENIED with nothing stored; once
the company gives him declare directly, he books."""
import uuid

import pytest
import zeep.exceptions

from ecustomer_lib import ANNA, JAN, add_rep, portal_client
from puesc_lib import NS_Z, issue_cert, local_tomorrow, mrn, plate, signing, zeep_client

TRANSPOL = "PL526025027400000"


def person(stack, email):
    row = stack.sql("SELECT p.id, p.first_name, p.last_name, p.id_sisc FROM person p"
                    " JOIN portal_account a ON a.id = p.account_id WHERE a.email = ?",
                    email)[0]
    return {"id": int(row[0]), "first": row[1], "last": row[2], "sisc": row[3]}


def booking_args(**kw):
    args = dict(messageId="m-" + uuid.uuid4().hex, companyEori=TRANSPOL,
                crossingId=2, day=local_tomorrow(), hour=11, plate=plate(),
                plateCountry="PL", driverName="Jan Kierowca",
                driverDocument="ABC123456", driverPhone="+48 601 222 333",
                mrn=[mrn()], goods="Meble", massKg=12000, packages=33)
    args.update(kw)
    return args


def code(e):
    return e.value.detail.find(".//{%s}code" % NS_Z).text


@pytest.fixture(scope="module")
def jan(stack, tmp_path_factory):
    tmp = str(tmp_path_factory.mktemp("declare"))
    p = person(stack, JAN)
    c = portal_client(stack, JAN)
    p["key"], p["cert"], _, _ = issue_cert(stack, c, p, tmp)
    _, p["svc"], _ = zeep_client(stack, signing(p["key"], p["cert"]))
    return p


def test_without_declare_reads_but_does_not_submit(stack, jan):
    svc = jan["svc"]
    # Reading needs only xml_exchange: the demo's booked bookings show.
    number = stack.scalar("SELECT number FROM booking WHERE company_id = 1"
                          " AND status = 'booked' AND start_utc > UTC_TIMESTAMP()"
                          " ORDER BY id LIMIT 1")
    assert number
    assert number in [b.number for b in svc.ListBookings(companyEori=TRANSPOL)]
    assert svc.GetBooking(number=number).number == number
    args = booking_args()
    with pytest.raises(zeep.exceptions.Fault) as e:
        svc.CreateBooking(**args)
    assert code(e) == "AUTHZ_DENIED"
    assert e.value.message == "The signer may not submit declarations for the company"
    assert stack.count("booking", "plate = ?", args["plate"]) == 0
    # Nor change or cancel a booking of the company he can see.
    for call in (lambda: svc.CancelBooking(messageId="m-" + uuid.uuid4().hex,
                                           number=number),
                 lambda: svc.ChangeBooking(messageId="m-" + uuid.uuid4().hex,
                                           number=number, day=local_tomorrow(),
                                           hour=9)):
        with pytest.raises(zeep.exceptions.Fault) as e:
            call()
        assert code(e) == "AUTHZ_DENIED"
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", number) == "booked"


def test_with_declare_he_books(stack, jan):
    anna = portal_client(stack, ANNA)
    r = add_rep(anna, 1, JAN, ["declare", "ebt_book", "xml_exchange"],
                rep_type="other")
    assert r.status_code == 303, r.status_code
    stack.flush_caches()
    res = jan["svc"].CreateBooking(**booking_args())
    assert res.booking.number
    assert stack.scalar("SELECT person_id FROM booking WHERE number = ?",
                        res.booking.number) == str(jan["id"])
