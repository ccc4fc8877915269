"""test_fleet_docs.py: a vehicle's documents and deadlines (issue 16):
adding, renewing and correcting them, the deadline in words (overdue in
red by how many days, due within 30 days highlighted, a service at its km
or months whichever comes first), the deadlines list with its filters and
CSV, every bad field (422 beside it, nothing stored) and who may do what
(a portal user, an officer without a fleet role, another unit's manager,
a superior who only reads)."""
import csv
import io
from datetime import date

import pytest

from fleet_docs_lib import add_doc, badge, day, doc_row, make_vehicle, newest_doc
from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client


@pytest.fixture(scope="module")
def flota(stack):
    return staff_client(stack, "flota")


@pytest.fixture(scope="module")
def car(stack):
    """A vehicle of the Grzechotki branch (unit 12, under flota's chamber)."""
    return make_vehicle(stack, 12, odometer=50000)


def docs_page(c, vid, lang="en"):
    r = c.get("/skr/fleet/vehicles/%d/documents?lang=%s" % (vid, lang))
    assert r.status_code == 200, r.status_code
    return r.text


def test_insurance_due_in_three_days_is_highlighted_in_words(stack, flota, car):
    vid, plate = car
    r = add_doc(flota, vid, kind="insurance", number="PZU-7781", valid_until=day(3))
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/fleet/vehicles/%d/documents" % vid
    doc = newest_doc(stack, vid)
    assert stack.sql("SELECT kind, number, valid_until FROM fleet_document WHERE id = ?",
                     doc) == [["insurance", "PZU-7781", day(3)]]
    row = doc_row(docs_page(flota, vid), doc)
    assert badge(row) == ("soon", "in 3 days")
    assert "third-party insurance" in row
    assert badge(doc_row(docs_page(flota, vid, "pl"), doc)) == ("soon", "za 3 dni")
    assert stack.sql("SELECT action, detail FROM audit_log WHERE object = ?",
                     "fleet_document:%d" % doc) == [
        ["fleet.document.add",
         "@skr.audit.detail.fleet_doc_valid_number|%s|insurance|%s|PZU-7781"
         % (plate, day(3))]]


def test_overdue_inspection_is_red_with_how_long(stack, flota, car):
    vid, _ = car
    assert add_doc(flota, vid, kind="inspection", valid_until=day(-3)).status_code == 303
    doc = newest_doc(stack, vid)
    page = docs_page(flota, vid)
    assert badge(doc_row(page, doc)) == ("overdue", "overdue by 3 days")
    assert '<span class="badge bad" data-state="overdue">' in doc_row(page, doc)
    assert badge(doc_row(docs_page(flota, vid, "pl"), doc)) == (
        "overdue", "przekroczony o 3 dni")


def test_one_day_overdue_and_today(stack, flota):
    vid, _ = make_vehicle(stack, 12)
    add_doc(flota, vid, kind="inspection", valid_until=day(-1))
    a = newest_doc(stack, vid)
    add_doc(flota, vid, kind="insurance", number="X-1", valid_until=day(0))
    b = newest_doc(stack, vid)
    add_doc(flota, vid, kind="registration", number="DR-1")
    c = newest_doc(stack, vid)
    page = docs_page(flota, vid)
    assert badge(doc_row(page, a)) == ("overdue", "overdue by 1 day")
    assert badge(doc_row(page, b)) == ("soon", "due today")
    assert 'data-state' not in doc_row(page, c)   # no end: no deadline
    assert badge(doc_row(docs_page(flota, vid, "pl"), a)) == (
        "overdue", "przekroczony o 1 dzień")


def test_service_falls_due_at_its_km_before_its_months(stack, flota):
    vid, _ = make_vehicle(stack, 12, odometer=64500)
    r = add_doc(flota, vid, kind="service", done_on=day(-30), done_km="50000",
                every_km="15000", every_months="12")
    assert r.status_code == 303
    doc = newest_doc(stack, vid)
    row = doc_row(docs_page(flota, vid), doc)
    assert badge(row) == ("soon", "in 500 km")
    assert "65000 km" in row
    # Driven past it (a trip raises the odometer): overdue by km while the
    # months have not run out.
    stack.sql("UPDATE fleet_vehicle SET odometer_km = 65200 WHERE id = ?", vid)
    assert badge(doc_row(docs_page(flota, vid), doc)) == ("overdue", "overdue by 200 km")


def test_service_by_months_when_the_km_are_far(stack, flota):
    vid, _ = make_vehicle(stack, 12, odometer=10000)
    # Done a year before the day in 5 days, every 12 months: due then.
    due = date.fromisoformat(day(5))
    done = due.replace(year=due.year - 1, day=min(due.day, 28) if due.month == 2 else due.day)
    r = add_doc(flota, vid, kind="service", done_on=done.isoformat(), done_km="9000",
                every_months="12", every_km="30000")
    assert r.status_code == 303
    doc = newest_doc(stack, vid)
    row = doc_row(docs_page(flota, vid), doc)
    assert badge(row) == ("soon", "in 5 days")
    assert day(5) in row and "39000 km" in row


def test_tyres_winter_fitted_fall_due_at_the_summer_date(stack, flota):
    vid, _ = make_vehicle(stack, 12)
    r = add_doc(flota, vid, kind="tyres", done_on=day(-1), season="winter")
    assert r.status_code == 303
    doc = newest_doc(stack, vid)
    row = doc_row(docs_page(flota, vid), doc)
    y = int(day(-1)[:4])
    due = "%d-04-15" % y if day(-1) < "%d-04-15" % y else "%d-04-15" % (y + 1)
    assert due in row
    assert "winter tyres fitted" in row


def test_renewal_replaces_the_document_in_force(stack, flota):
    vid, plate = make_vehicle(stack, 12)
    add_doc(flota, vid, kind="insurance", number="OLD-1", valid_until=day(-2))
    old = newest_doc(stack, vid)
    r = flota.get("/skr/fleet/vehicles/%d/documents/new?kind=insurance" % vid)
    assert '<option value="insurance" selected>' in r.text
    assert add_doc(flota, vid, kind="insurance", number="NEW-1",
                   valid_until=day(363)).status_code == 303
    new = newest_doc(stack, vid)
    page = docs_page(flota, vid)
    assert "replaced" in doc_row(page, old)
    assert "data-state" not in doc_row(page, old)
    assert badge(doc_row(page, new)) == ("ok", "in order")
    deadlines = flota.get("/skr/fleet/deadlines?unit=12").text
    assert 'data-id="%d"' % new in deadlines
    assert 'data-id="%d"' % old not in deadlines


def test_correcting_a_document(stack, flota):
    vid, plate = make_vehicle(stack, 12)
    add_doc(flota, vid, kind="inspection", valid_until=day(10))
    doc = newest_doc(stack, vid)
    r = flota.get("/skr/fleet/documents/%d" % doc)
    assert r.status_code == 200
    assert 'value="%s"' % day(10) in r.text
    r = flota.post("/skr/fleet/documents/%d" % doc, {"valid_until": day(100),
                                                     "number": "BT-9"})
    assert r.status_code == 303
    assert stack.sql("SELECT kind, number, valid_until FROM fleet_document WHERE id = ?",
                     doc) == [["inspection", "BT-9", day(100)]]
    assert stack.scalar("SELECT action FROM audit_log WHERE object = ? ORDER BY id DESC"
                        " LIMIT 1", "fleet_document:%d" % doc) == "fleet.document.edit"


BAD = [
    # (fields, the field, its message)
    ({"number": "A"}, "kind", "This field is required"),
    ({"kind": "passport"}, "kind", "Choose one of the options in the list"),
    ({"kind": "insurance", "valid_until": day(30)}, "number", "This field is required"),
    ({"kind": "insurance", "number": "P"}, "valid_until", "This field is required"),
    ({"kind": "inspection", "valid_until": "2026-02-30"}, "valid_until",
     "Give a date as YYYY-MM-DD"),
    ({"kind": "inspection", "valid_until": "31.12.2027"}, "valid_until",
     "Give a date as YYYY-MM-DD"),
    ({"kind": "inspection", "valid_until": "1999-12-31"}, "valid_until",
     "This date is out of range: check the year"),
    ({"kind": "inspection", "valid_until": "2099-01-01"}, "valid_until",
     "This date is out of range: check the year"),
    ({"kind": "service", "done_on": day(-1), "done_km": "1000"}, "every_km",
     "Give the service interval in kilometres, in months, or both"),
    ({"kind": "service", "done_on": day(-1), "done_km": "50001", "every_km": "15000"},
     "done_km", "This is above the vehicle's odometer reading"),
    ({"kind": "service", "done_on": day(-1), "done_km": "-5", "every_km": "15000"},
     "done_km", "Give a whole number of kilometres from 0 to 2,000,000"),
    ({"kind": "service", "done_on": day(-1), "done_km": "100", "every_km": "abc"},
     "every_km", "Give a whole number of kilometres from 500 to 200,000"),
    ({"kind": "service", "done_on": day(-1), "done_km": "100", "every_months": "0"},
     "every_months", "Give a whole number of months from 1 to 120"),
    ({"kind": "service", "done_on": day(2), "done_km": "100", "every_months": "6"},
     "done_on", "This date is in the future: give the day it was done"),
    ({"kind": "service", "done_km": "100", "every_months": "6"}, "done_on",
     "This field is required"),
    ({"kind": "tyres", "done_on": day(-1)}, "season", "This field is required"),
    ({"kind": "tyres", "done_on": day(-1), "season": "autumn"}, "season",
     "Choose one of the options in the list"),
    ({"kind": "registration", "number": "D" * 61}, "number", None),
]


@pytest.mark.parametrize("fields,field,message", BAD)
def test_bad_fields_are_refused_beside_the_field(stack, flota, car, fields, field, message):
    vid, _ = car
    before = stack.count("fleet_document", "vehicle_id = %d" % vid)
    r = add_doc(flota, vid, **fields)
    assert r.status_code == 422
    got = field_error(r.text, field)
    if message:
        assert got == message
    else:
        assert got
    assert stack.count("fleet_document", "vehicle_id = %d" % vid) == before


def test_a_bad_correction_changes_nothing(stack, flota, car):
    vid, _ = car
    add_doc(flota, vid, kind="inspection", valid_until=day(50))
    doc = newest_doc(stack, vid)
    flota.get("/skr/fleet/documents/%d" % doc)
    r = flota.post("/skr/fleet/documents/%d" % doc, {"valid_until": "2027-13-01"})
    assert r.status_code == 422
    assert field_error(r.text, "valid_until") == "Give a date as YYYY-MM-DD"
    assert stack.scalar("SELECT valid_until FROM fleet_document WHERE id = ?", doc) == day(50)


def test_deadlines_list_filters_and_csv(stack, flota):
    vid, plate = make_vehicle(stack, 11)
    add_doc(flota, vid, kind="insurance", number="L-1", valid_until=day(4))
    soon = newest_doc(stack, vid)
    add_doc(flota, vid, kind="inspection", valid_until=day(-3))
    late = newest_doc(stack, vid)
    add_doc(flota, vid, kind="tyres", done_on=day(-1), season="summer")
    r = flota.get("/skr/fleet/deadlines?unit=11")
    assert r.status_code == 200
    assert 'data-id="%d"' % soon in r.text and 'data-id="%d"' % late in r.text
    # Most urgent first: the overdue one before the one due in 4 days.
    assert r.text.index('data-id="%d"' % late) < r.text.index('data-id="%d"' % soon)
    r = flota.get("/skr/fleet/deadlines?unit=11&within=5")
    assert 'data-id="%d"' % soon in r.text and 'data-id="%d"' % late in r.text
    r = flota.get("/skr/fleet/deadlines?unit=11&within=3")
    assert 'data-id="%d"' % soon not in r.text and 'data-id="%d"' % late in r.text
    r = flota.get("/skr/fleet/deadlines?unit=11&overdue=1")
    assert 'data-id="%d"' % soon not in r.text and 'data-id="%d"' % late in r.text
    r = flota.get("/skr/fleet/deadlines.csv?unit=11&within=5&lang=en")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["Registration plate", "Make", "Unit", "Document", "Number",
                       "Due", "Due at (km)", "State"]
    mine = [x for x in rows[1:] if x[0] == plate]
    assert mine == [
        [plate, "Testmobil Docs", "UCS-OLS", "technical inspection", "", day(-3), "",
         "overdue by 3 days"],
        [plate, "Testmobil Docs", "UCS-OLS", "third-party insurance", "L-1", day(4), "",
         "in 4 days"]]


@pytest.mark.parametrize("query,field,message", [
    ("unit=22", "unit", "Choose one of your units from the list"),
    ("unit=abc", "unit", "Choose one of your units from the list"),
    ("within=999", "within", "Give a whole number of days from 0 to 366"),
    ("within=-1", "within", "Give a whole number of days from 0 to 366"),
    ("overdue=yes", "overdue", "Choose one of the options in the list"),
])
def test_deadlines_bad_filters(flota, query, field, message):
    r = flota.get("/skr/fleet/deadlines?" + query)
    assert r.status_code == 422
    assert field_error(r.text, field) == message
    assert 'id="deadlines"' not in r.text


# ---- who may do what ----

def test_a_portal_user_is_sent_to_the_staff_signin(stack, car):
    vid, _ = car
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    for path in ("/skr/fleet/deadlines", "/skr/fleet/vehicles/%d/documents" % vid):
        r = anna.get(path)
        assert r.status_code == 303
        assert r.headers["Location"] == "/skr/signin?next=" + path


def test_an_officer_without_a_fleet_role_gets_403(stack, car):
    vid, _ = car
    c = staff_client(stack, "rejestracja")
    before = stack.count("fleet_document")
    for path in ("/skr/fleet/deadlines", "/skr/fleet/deadlines.csv",
                 "/skr/fleet/vehicles/%d/documents" % vid,
                 "/skr/fleet/vehicles/%d/documents/new" % vid):
        r = c.get(path)
        assert r.status_code == 403, path
        assert "fleet managers" in r.text
    c.get("/skr/")
    r = c.post("/skr/fleet/vehicles/%d/documents" % vid,
               {"kind": "inspection", "valid_until": day(9)})
    assert r.status_code == 403
    assert stack.count("fleet_document") == before


def test_another_unit_s_manager_gets_404_and_changes_nothing(stack, flota, car):
    vid, _ = car
    add_doc(flota, vid, kind="registration", number="R-404")
    doc = newest_doc(stack, vid)
    lublin = staff_client(stack, "flota.lublin")
    before = stack.count("fleet_document")
    for path in ("/skr/fleet/vehicles/%d/documents" % vid,
                 "/skr/fleet/vehicles/%d/documents/new" % vid,
                 "/skr/fleet/documents/%d" % doc):
        r = lublin.get(path)
        assert r.status_code == 404, path
        assert "R-404" not in r.text
    lublin.get("/skr/fleet/deadlines")
    assert lublin.post("/skr/fleet/vehicles/%d/documents" % vid,
                       {"kind": "inspection", "valid_until": day(9)}).status_code == 404
    assert lublin.post("/skr/fleet/documents/%d" % doc,
                       {"number": "HACK"}).status_code == 404
    assert stack.count("fleet_document") == before
    assert stack.scalar("SELECT number FROM fleet_document WHERE id = ?", doc) == "R-404"
    assert 'data-id="%d"' % doc not in lublin.get("/skr/fleet/deadlines").text


def test_a_superior_reads_but_does_not_change(stack, flota, car):
    vid, _ = car
    add_doc(flota, vid, kind="inspection", valid_until=day(20))
    doc = newest_doc(stack, vid)
    boss = staff_client(stack, "admin.olsztyn")      # administrator of unit 10
    r = boss.get("/skr/fleet/vehicles/%d/documents" % vid)
    assert r.status_code == 200
    assert 'id="document-new"' not in r.text
    assert 'data-id="%d"' % doc in boss.get("/skr/fleet/deadlines").text
    assert boss.get("/skr/fleet/vehicles/%d/documents/new" % vid).status_code == 403
    before = stack.count("fleet_document")
    r = boss.post("/skr/fleet/vehicles/%d/documents" % vid,
                  {"kind": "inspection", "valid_until": day(9)})
    assert r.status_code == 403
    assert boss.post("/skr/fleet/documents/%d" % doc,
                     {"valid_until": day(99)}).status_code == 403
    assert stack.count("fleet_document") == before
    assert stack.scalar("SELECT valid_until FROM fleet_document WHERE id = ?", doc) == day(20)


def test_the_auditor_reads_every_unit(stack, flota, car):
    vid, _ = car
    r = staff_client(stack, "audytor").get("/skr/fleet/vehicles/%d/documents" % vid)
    assert r.status_code == 200


def test_no_such_vehicle_or_document_is_404(flota):
    assert flota.get("/skr/fleet/vehicles/999999999/documents").status_code == 404
    assert flota.get("/skr/fleet/documents/999999999").status_code == 404
    assert flota.get("/skr/fleet/vehicles/0123/documents").status_code == 404


def test_the_vehicle_page_shows_the_documents_section(stack, flota):
    vid, _ = make_vehicle(stack, 12)
    add_doc(flota, vid, kind="insurance", number="VP-1", valid_until=day(-2))
    doc = newest_doc(stack, vid)
    r = flota.get("/skr/fleet/vehicles/%d?lang=en" % vid)
    assert r.status_code == 200
    assert '<section id="documents">' in r.text
    assert badge(doc_row(r.text, doc)) == ("overdue", "overdue by 2 days")
    assert 'id="document-new"' in r.text
    boss = staff_client(stack, "admin.olsztyn")
    page = boss.get("/skr/fleet/vehicles/%d" % vid).text
    assert 'data-id="%d"' % doc in page and 'id="document-new"' not in page


def test_a_written_off_vehicle_s_documents_stay(stack, flota):
    vid, _ = make_vehicle(stack, 12, status="written_off")
    before = stack.count("fleet_document")
    r = flota.get("/skr/fleet/vehicles/%d/documents/new" % vid)
    assert r.status_code == 403
    assert "written off" in r.text
    assert 'id="document-new"' not in flota.get("/skr/fleet/vehicles/%d/documents" % vid).text
    r = flota.post("/skr/fleet/vehicles/%d/documents" % vid,
                   {"kind": "inspection", "valid_until": day(9)})
    assert r.status_code == 403
    assert stack.count("fleet_document") == before
