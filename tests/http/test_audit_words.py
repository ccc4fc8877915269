"""test_audit_words.py: the audit log (/skr/audit and a staff member's
history) names the codes its details quote — authorisations, roles — as
words of the reader's language (issue 13), whoever wrote the row; the
words of a detail too (a key and its parameters, domain/audit.h), while
rows written before keep showing as stored."""
import datetime
import re
import time

import pytest

from conftest import private_stack
from ecustomer_lib import ANNA, add_rep, approved_person
from rep_lib import newest_rep, request_rep
from fleet_docs_lib import add_doc, day, make_vehicle, newest_doc
from fleet_fuel_lib import refuel, warsaw_day
from fleet_trip_lib import local, now_waw, person, signin as fleet_signin
from fleet_trip_lib import vehicle as trip_vehicle
import exchange_lib as X
from test_exchange import export
from test_fleet_damage import report
from test_fleet_drivers import permit, save
from test_fleet_trips import close_trip, open_trip, trip_id
from test_fleet_vehicles import create, edit, vehicle_id
from test_present import visible
from test_skr_duties import decide
from test_skr_staff import NEW_PASSWORD, create_staff, signin, sql_admin
from test_ingest_watch import decide as watch_decide
from test_ingest_watch import new_entry as watch_entry
from zsog import other_address, portal_client, staff_client, unique


def officer(stack, login, lang):
    c = staff_client(stack, login)
    c.http.headers["Accept-Language"] = lang
    return c


def detail_cell(page_html, row_id):
    m = re.search(r'<tr data-id="%s"[^>]*>(.*?)</tr>' % row_id, page_html, re.S)
    assert m, "no audit row %s" % row_id
    return visible(re.findall(r"<td[^>]*>(.*?)</td>", m.group(1), re.S)[4])


def test_audit_names_authorisations_in_the_reader_s_language(stack):
    clerk = approved_person(stack, staff_client(stack, "rejestracja.poznan"))
    anna = portal_client(stack, ANNA)
    assert add_rep(anna, 1, clerk.email, ["ebt_book", "ebt_view"]).status_code == 303
    rep, row = stack.sql("SELECT SUBSTRING(object, 16), id FROM audit_log"
                         " WHERE action = 'ecustomer.rep.add'"
                         " ORDER BY id DESC LIMIT 1")[0]
    # The company by name (its number before, "company:1").
    company = stack.scalar("SELECT name FROM company WHERE id = 1")
    for lang, words in (
            ("pl", "firma %s: Rezerwacja usługi granicznej (eBT), Podgląd rezerwacji firmy" % company),
            ("en", "company %s: Book the export border service (eBT), View the company's bookings"
             % company)):
        page = officer(stack, "admin", lang).get(
            "/skr/audit", params={"object": "representation:%s" % rep})
        assert page.status_code == 200
        assert detail_cell(page.text, row) == words
        assert "ebt_book" not in visible(page.text)


def test_a_representation_s_request_and_answer_read_in_words(stack):
    """The type asked for and the state the answer leads to were codes
    ("employee", "active") after the company's number."""
    p = approved_person(stack, staff_client(stack, "rejestracja.poznan"))
    assert request_rep(p, "PL526025027400000", "employee",
                       valid_to="2099-01-01").status_code == 303
    rid = newest_rep(stack, 1)
    anna = portal_client(stack, ANNA)
    anna.get("/ecustomer/company/1/reps")
    r = anna.http.post(anna.base + "/ecustomer/company/1/reps/%d/accept" % rid,
                       data=[("csrf", anna.csrf), ("authz", "ebt_view")],
                       allow_redirects=False)
    assert r.status_code == 303
    company = stack.scalar("SELECT name FROM company WHERE id = 1")
    obj = "representation:%d" % rid
    assert audit_detail(stack, "pl", "ecustomer.rep.request", obj) == (
        "firma %s: pracownik firmy" % company)
    assert audit_detail(stack, "en", "ecustomer.rep.request", obj) == (
        "company %s: employee of the company" % company)
    assert audit_detail(stack, "pl", "ecustomer.rep.accept", obj) == (
        "firma %s: obowiązuje" % company)
    assert audit_detail(stack, "en", "ecustomer.rep.accept", obj) == (
        "company %s: in force" % company)


def history_detail(page_html, action):
    """The newest detail of action on a staff member's page (Polish)."""
    for row in re.findall(r"<tr>(.*?)</tr>", page_html, re.S):
        if action in row:
            m = re.search(r'<td data-label="Szczegóły">(.*?)</td>', row, re.S)
            return visible(m.group(1)) if m else None
    return None


def audit_detail(stack, lang, action, obj):
    """The detail of the newest row (action, obj) on /skr/audit, as a
    reader of lang sees it."""
    row = stack.scalar("SELECT MAX(id) FROM audit_log WHERE action = ?"
                       " AND object = ?", action, obj)
    page = officer(stack, "admin", lang).get("/skr/audit", params={
        "object": obj, "action": action})
    assert page.status_code == 200
    return detail_cell(page.text, row)


def test_staff_history_names_roles_in_the_reader_s_language(stack):
    admin = staff_client(stack, "admin")
    sid, login = create_staff(stack, admin, unit=22, roles=("crossing", "risk"))
    name = stack.scalar("SELECT full_name FROM staff WHERE id = ?", sid)
    page = officer(stack, "admin", "pl").get("/skr/admin/staff/%d" % sid)
    assert page.status_code == 200
    assert history_detail(page.text, "staff.create") == (
        "login: %s; imię i nazwisko: %s; jednostka: Oddział Celny Drogowy w Koroszczynie (OCD-KOR);"
        " role: obsługa przejścia, analityk ryzyka" % (login, name))
    assert audit_detail(stack, "en", "staff.create", "staff:%d" % sid) == (
        "login: %s; name: %s; unit: Road Customs Branch in Koroszczyn (OCD-KOR);"
        " roles: crossing officer, risk analyst" % (login, name))


def test_staff_changes_read_in_the_reader_s_language(stack):
    """What an administrator did to an account — unit and roles, a role
    asked for, disabled and enabled, a new password — in Polish on a
    Polish page, in English on an English one."""
    admin = staff_client(stack, "admin")
    sid, _ = create_staff(stack, admin, unit=12, roles=("crossing",))
    obj = "staff:%d" % sid
    page = "/skr/admin/staff/%d" % sid
    assert admin.submit(page, page, {"unit": "22", "role": ["risk", "watchlist"]}).status_code == 303
    assert admin.submit(page, page + "/status", {"disabled": "1", "confirm": "1"}).status_code == 303
    assert admin.submit(page, page + "/status", {"disabled": "0"}).status_code == 303
    assert admin.submit(page, page + "/password", {"password": "Another-Haslo-77"}).status_code == 303
    # A second administrator approves the role asked for: who asked, by
    # name (their login before; the request's number is gone too).
    grant = stack.scalar("SELECT MAX(id) FROM staff_grant WHERE staff_id = ?", sid)
    _, second = sql_admin(stack, stack.scalar("SELECT unit_id FROM staff WHERE login = 'admin'"))
    assert decide(staff_client(stack, second), grant, "approve").status_code == 303
    asker = stack.scalar("SELECT full_name FROM staff WHERE login = 'admin'")
    for lang, words in (
            ("pl", {
                "staff.update": "jednostka: Oddział Celny w Grzechotkach (OC-GRZ) → Oddział Celny Drogowy w Koroszczynie (OCD-KOR);"
                                " role: obsługa przejścia → analityk ryzyka",
                "staff.grant_request": "rola: lista zastrzeżeń;"
                                       " czeka na drugiego administratora",
                "staff.grant_approve": "rola: lista zastrzeżeń; wnioskujący: %s" % asker,
                "staff.disable": "status: aktywne → wyłączone; sesje zakończone",
                "staff.enable": "status: wyłączone → aktywne",
                "staff.password_reset": "hasło ustawione przez administratora;"
                                        " blokady logowania zniesione; sesje zakończone"}),
            ("en", {
                "staff.update": "unit: Customs Branch in Grzechotki (OC-GRZ) → Road Customs Branch in Koroszczyn (OCD-KOR);"
                                " roles: crossing officer → risk analyst",
                "staff.grant_request": "role: watch list;"
                                       " waits for a second administrator",
                "staff.grant_approve": "role: watch list; asked by %s" % asker,
                "staff.disable": "status: enabled → disabled; sessions ended",
                "staff.enable": "status: disabled → enabled",
                "staff.password_reset": "password set by an administrator;"
                                        " sign-in waits cleared; sessions ended"})):
        for action, text in words.items():
            assert audit_detail(stack, lang, action, obj) == text, (lang, action)


def test_failed_signin_reads_in_the_reader_s_language(stack):
    """The audit's most common line, a failed sign-in, was English on
    every page."""
    sid, login = create_staff(stack, staff_client(stack, "admin"))
    c = stack.client(source=other_address())
    assert signin(c, login, "Not-The-Password-1").status_code == 401
    obj = "staff:%d" % sid
    assert audit_detail(stack, "pl", "staff.signin_failed", obj) == "błędne hasło"
    assert audit_detail(stack, "en", "staff.signin_failed", obj) == "wrong password"
    # A disabled account's sign-in: its state was the code "disabled".
    admin = staff_client(stack, "admin")
    page = "/skr/admin/staff/%d" % sid
    assert admin.submit(page, page + "/status", {"disabled": "1", "confirm": "1"}).status_code == 303
    assert signin(c, login, NEW_PASSWORD).status_code == 403
    assert audit_detail(stack, "pl", "staff.signin_failed", obj) == "konto jest wyłączone"
    assert audit_detail(stack, "en", "staff.signin_failed", obj) == "the account is disabled"


def test_watch_decision_reads_in_the_reader_s_language(stack):
    plate = "AW %04dK" % (int(time.time()) % 10000)
    entry = watch_entry(staff_client(stack, "grzechotki"), plate)
    assert watch_decide(staff_client(stack, "analityk"), entry, "approve").status_code == 303
    obj = "watch:%d" % entry
    assert audit_detail(stack, "pl", "watch.approve", obj) == "zgłoszone alerty: 0"
    assert audit_detail(stack, "en", "watch.approve", obj) == "alerts raised: 0"


def test_rows_written_before_keys_show_as_stored(stack):
    """Old rows (free text) and a key no language knows: the text as
    stored, codes still as words."""
    admin = staff_client(stack, "admin")
    sid, _ = create_staff(stack, admin)
    obj = "staff:%d" % sid
    for action, detail in (("staff.enable", "status: disabled → enabled"),
                           ("staff.update", "roles: crossing → risk"),
                           ("staff.disable", "@skr.audit.detail.no_such_key|x")):
        stack.sql("INSERT INTO audit_log (at, actor_kind, actor_id, actor_name,"
                  " action, object, detail, request_id) VALUES (UTC_TIMESTAMP(6), 'staff', 1,"
                  " 'Test', ?, ?, ?, 'test')", action, obj, detail)
    assert audit_detail(stack, "pl", "staff.enable", obj) == "status: disabled → enabled"
    assert audit_detail(stack, "pl", "staff.update", obj) == (
        "roles: obsługa przejścia → analityk ryzyka")
    assert audit_detail(stack, "pl", "staff.disable", obj) == (
        "@skr.audit.detail.no_such_key|x")



# The fleet's writers on a stack of their own: the vehicles and the
# driver's licence made here would show in the fleet modules' whole lists.
@pytest.fixture(scope="module")
def fleet():
    with private_stack() as st:
        yield st

def test_fleet_driver_lines_read_in_the_reader_s_language(fleet):
    """A licence recorded (its categories as words), the permission to
    drive granted and withdrawn: English on every page before."""
    flota = staff_client(fleet, "flota")
    assert save(flota, 2, cat=["B", "C1"], licence_until=day(700)).status_code == 303
    assert permit(flota, 2, "1").status_code == 303
    assert permit(flota, 2, "0").status_code == 303
    obj = "fleet_driver:2"
    # The officer by name (their login before).
    name = fleet.scalar("SELECT full_name FROM staff WHERE id = 2")
    for lang, words in (
            ("pl", {"fleet.driver.save": "%s: kategorie prawa jazdy B (samochód osobowy),"
                                         " C1 (ciężarowy do 7,5 t), ważne do %s" % (name, day(700)),
                    "fleet.driver.grant": "%s: może prowadzić pojazdy służbowe" % name,
                    "fleet.driver.withdraw": "%s: nie może już prowadzić pojazdów służbowych" % name}),
            ("en", {"fleet.driver.save": "%s: licence categories B (car),"
                                         " C1 (truck up to 7.5 t), valid until %s" % (name, day(700)),
                    "fleet.driver.grant": "%s: may drive service vehicles" % name,
                    "fleet.driver.withdraw": "%s: may no longer drive service vehicles" % name})):
        for action, text in words.items():
            assert audit_detail(fleet, lang, action, obj) == text, (lang, action)


def test_fleet_vehicle_lines_read_in_the_reader_s_language(fleet):
    """A vehicle created, then its model and unit changed: the changed
    fields named in the reader's language."""
    flota = staff_client(fleet, "flota")
    r, d = create(flota)
    assert r.status_code == 303, r.text[:300]
    vid = vehicle_id(r)
    r = flota.post("/skr/fleet/vehicles/%d/edit" % vid,
                   edit(flota, vid, model="Golf Variant", kind="van", unit="11"))
    assert r.status_code == 303, r.text[:300]
    obj = "vehicle:%d" % vid
    assert audit_detail(fleet, "pl", "fleet.vehicle.create", obj) == (
        "%s, VIN %s, Volkswagen Golf, Oddział Celny w Grzechotkach (OC-GRZ)" % (d["plate"], d["vin"]))
    assert audit_detail(fleet, "pl", "fleet.vehicle.update", obj) == (
        "%s: zmieniono model, rodzaj; jednostka → Warmińsko-Mazurski Urząd Celno-Skarbowy w Olsztynie (UCS-OLS)" % d["plate"])
    assert audit_detail(fleet, "en", "fleet.vehicle.update", obj) == (
        "%s: changed model, kind; unit → Warmia-Masuria Customs and Tax Office in Olsztyn (UCS-OLS)" % d["plate"])


def test_fleet_document_and_refuelling_read_in_the_reader_s_language(fleet):
    """A document names its kind in words now (a code before); a
    refuelling's figures in the reader's language."""
    flota = staff_client(fleet, "flota")
    vid, plate = make_vehicle(fleet, 12, odometer=10000)
    assert add_doc(flota, vid, kind="insurance", number="PZU-7781",
                   valid_until=day(3)).status_code == 303
    obj = "fleet_document:%d" % newest_doc(fleet, vid)
    assert audit_detail(fleet, "pl", "fleet.document.add", obj) == (
        "ubezpieczenie OC, pojazd %s, numer PZU-7781, ważny do %s" % (plate, day(3)))
    assert audit_detail(fleet, "en", "fleet.document.add", obj) == (
        "third-party insurance, vehicle %s, number PZU-7781, valid until %s" % (plate, day(3)))
    r = refuel(flota, vid, 1, 10450, "48,37")
    assert r.status_code == 303, r.text[:300]
    obj = "fleet_vehicle:%d" % vid
    # The vehicle by plate and name (the refuelling's number before), the
    # figures as each language writes them.
    assert audit_detail(fleet, "pl", "fleet.fuel.add", obj) == (
        "tankowanie: %s (Testmobil Docs); litry 48,37; licznik 10 450 km" % plate)
    assert audit_detail(fleet, "en", "fleet.fuel.add", obj) == (
        "refuelling of %s (Testmobil Docs); litres 48.37; odometer 10,450 km" % plate)



def test_fleet_trip_reservation_and_damage_read_in_the_reader_s_language(fleet):
    """A trip opened and closed, a reservation, damage with a third party,
    a repair opened and closed."""
    vid = trip_vehicle(fleet, 11, odometer=10000)
    plate = fleet.scalar("SELECT plate FROM fleet_vehicle WHERE id = ?", vid)
    login, sid = person(fleet, 11, driver=True)
    c = fleet_signin(fleet, login)
    t0 = now_waw(-3 * 60)
    tid = trip_id(open_trip(c, vid, t0, t0 + datetime.timedelta(hours=2), 10000))
    assert close_trip(c, tid, t0 + datetime.timedelta(minutes=70), 10120).status_code == 303
    flota = staff_client(fleet, "flota")
    flota.get("/skr/fleet/trips/%d" % tid)
    assert flota.post("/skr/fleet/trips/%d/check" % tid, {}).status_code == 303
    obj = "fleet_trip:%d" % tid
    # The vehicle by plate and name, the driver by name, the trip by its
    # times (their numbers before).
    car = "%s (Testowa Marka)" % plate
    driver = fleet.scalar("SELECT full_name FROM staff WHERE id = ?", sid)
    out = local(t0).replace("T", " ")
    back = local(t0 + datetime.timedelta(minutes=70)).replace("T", " ")
    for lang, words in (
            ("pl", {"fleet.trip.open": "%s; kierowca %s; od %s; licznik 10 000 km" % (car, driver, out),
                    "fleet.trip.close": "%s; kierowca %s; %s – %s; licznik przy zwrocie 10 120 km"
                                        % (car, driver, out, back),
                    "fleet.trip.check": "%s; kierowca %s; %s – %s" % (car, driver, out, back)}),
            ("en", {"fleet.trip.open": "%s; driver %s; from %s; odometer 10,000 km" % (car, driver, out),
                    "fleet.trip.close": "%s; driver %s; %s – %s; odometer on return 10,120 km"
                                        % (car, driver, out, back),
                    "fleet.trip.check": "%s; driver %s; %s – %s" % (car, driver, out, back)})):
        for action, text in words.items():
            assert audit_detail(fleet, lang, action, obj) == text, (lang, action)
    start = now_waw(3 * 24 * 60).replace(hour=8, minute=0)
    end = start + datetime.timedelta(hours=8)
    assert c.get("/skr/fleet/reservations/new").status_code == 200
    r = c.post("/skr/fleet/reservations/new", {"vehicle": str(vid), "start": local(start),
                                                "end": local(end), "purpose": "Zadanie"})
    assert r.status_code == 303, r.text[:300]
    res = fleet.scalar("SELECT MAX(id) FROM fleet_reservation WHERE vehicle_id = ?", vid)
    span = "%s – %s" % (local(start).replace("T", " "), local(end).replace("T", " "))
    obj = "fleet_reservation:%s" % res
    assert audit_detail(fleet, "pl", "fleet.reservation", obj) == (
        "%s; %s; funkcjonariusz %s" % (car, span, driver))
    assert audit_detail(fleet, "en", "fleet.reservation", obj) == (
        "%s; %s; officer %s" % (car, span, driver))
    c.get("/skr/fleet/my")
    assert c.post("/skr/fleet/reservations/%s/cancel" % res, {"confirm": "1"}).status_code == 303
    assert audit_detail(fleet, "pl", "fleet.reservation.cancel", obj) == (
        "%s; %s; funkcjonariusz %s" % (car, span, driver))
    assert audit_detail(fleet, "en", "fleet.reservation.cancel", obj) == (
        "%s; %s; officer %s" % (car, span, driver))
    assert report(flota, vid, third_party="1", third_details="Jan Nowak").status_code == 303
    obj = "fleet_vehicle:%d" % vid
    did = fleet.scalar("SELECT MAX(id) FROM fleet_damage WHERE vehicle_id = ?", vid)
    assert audit_detail(fleet, "pl", "fleet.damage.add", obj) == (
        "szkoda: %s; %s; Olsztyn, ul. Pieniężnego; z udziałem osoby trzeciej" % (car, warsaw_day(3)))
    assert audit_detail(fleet, "en", "fleet.damage.add", obj) == (
        "damage to %s; %s; Olsztyn, ul. Pieniężnego; third party involved" % (car, warsaw_day(3)))
    flota.get("/skr/fleet/repairs/new?vehicle=%d&damage=%s" % (vid, did))
    assert flota.post("/skr/fleet/repairs", {"vehicle": str(vid), "damage": did,
                                             "workshop": "Auto-Serwis Nowak",
                                             "from": warsaw_day(2)}).status_code == 303
    rid = fleet.scalar("SELECT MAX(id) FROM fleet_repair WHERE vehicle_id = ?", vid)
    assert audit_detail(fleet, "pl", "fleet.repair.open", obj) == (
        "naprawa: %s; Auto-Serwis Nowak; od %s" % (car, warsaw_day(2)))
    assert audit_detail(fleet, "en", "fleet.repair.open", obj) == (
        "repair of %s; Auto-Serwis Nowak; from %s" % (car, warsaw_day(2)))
    flota.get("/skr/fleet/repairs?vehicle=%d" % vid)
    assert flota.post("/skr/fleet/repairs/%s/close" % rid,
                      {"to_day": warsaw_day(1), "cost": "1234,50"}).status_code == 303
    # The amount as each language writes it.
    assert audit_detail(fleet, "pl", "fleet.repair.close", obj) == (
        "naprawa: %s; do %s; koszt 1 234,50 zł" % (car, warsaw_day(1)))
    assert audit_detail(fleet, "en", "fleet.repair.close", obj) == (
        "repair of %s; to %s; cost PLN 1,234.50" % (car, warsaw_day(1)))
    # Closing the damage named it by its number only, in the object.
    flota.get("/skr/fleet/damage/%s" % did)
    assert flota.post("/skr/fleet/damage/%s/close" % did, {}).status_code == 303
    assert audit_detail(fleet, "pl", "fleet.damage.close", "fleet_damage:%s" % did) == (
        "szkoda: %s; %s; Olsztyn, ul. Pieniężnego" % (car, warsaw_day(3)))
    assert audit_detail(fleet, "en", "fleet.damage.close", "fleet_damage:%s" % did) == (
        "damage to %s; %s; Olsztyn, ul. Pieniężnego" % (car, warsaw_day(3)))


def test_fleet_rows_written_before_read_no_worse(fleet):
    """Rows stored with the keys of before (the vehicle's and the
    officer's numbers, an amount with a dot) still read as they did, the
    figures now in the reader's way of writing them."""
    for action, obj, detail in (
            ("fleet.trip.open", "fleet_trip:999001", "@skr.audit.detail.fleet_trip_open|5|7|12345"),
            ("fleet.repair.close", "fleet_vehicle:999001",
             "@skr.audit.detail.fleet_repair_close|44|2026-11-30|1234.50"),
            ("fleet.fuel.add", "fleet_vehicle:999001", "@skr.audit.detail.fleet_fuel|45|48.37|10450"),
            ("staff.grant_request", "staff:999001", "@skr.audit.detail.grant_request|risk|17"),
            ("staff.update", "staff:999001", "@skr.audit.detail.unit|OC-GRZ (12)|NO-SUCH (999999)")):
        fleet.sql("INSERT INTO audit_log (at, actor_kind, actor_id, actor_name,"
                  " action, object, detail, request_id) VALUES (UTC_TIMESTAMP(6), 'staff', 1,"
                  " 'Test', ?, ?, ?, 'test')", action, obj, detail)
    assert audit_detail(fleet, "pl", "fleet.trip.open", "fleet_trip:999001") == (
        "pojazd 5, kierowca 7, licznik 12 345 km")
    assert audit_detail(fleet, "en", "fleet.trip.open", "fleet_trip:999001") == (
        "vehicle 5, driver 7, odometer 12,345 km")
    assert audit_detail(fleet, "pl", "fleet.repair.close", "fleet_vehicle:999001") == (
        "naprawa 44; do 2026-11-30; koszt 1 234,50 zł")
    assert audit_detail(fleet, "en", "fleet.repair.close", "fleet_vehicle:999001") == (
        "repair 44; to 2026-11-30; cost PLN 1,234.50")
    assert audit_detail(fleet, "pl", "fleet.fuel.add", "fleet_vehicle:999001") == (
        "tankowanie 45; litry 48,37; licznik 10 450 km")
    assert audit_detail(fleet, "en", "staff.grant_request", "staff:999001") == (
        "role: risk analyst; request 17; waits for a second administrator")
    # A unit by its name in the reader's language; one that is gone as stored.
    assert audit_detail(fleet, "pl", "staff.update", "staff:999001") == (
        "jednostka: Oddział Celny w Grzechotkach (OC-GRZ) → NO-SUCH (999999)")
    assert audit_detail(fleet, "en", "staff.update", "staff:999001") == (
        "unit: Customs Branch in Grzechotki (OC-GRZ) → NO-SUCH (999999)")

def test_risk_export_reads_in_the_reader_s_language(stack):
    r = export(staff_client(stack, "analityk"), crossing="GRZ", kind="plate")
    assert r.status_code == 200, r.text[:300]
    rows = len(r.content.decode("utf-8").splitlines()) - 1
    # The crossings by name, in the reader's language (a code is not words).
    assert audit_detail(stack, "pl", "risk.export", "risk_export") == (
        "format csv; %s – %s; przejścia: Grzechotki – Mamonowo II; rodzaj: tablica rejestracyjna;"
        " decyzje: wszystkie; alerty: wszystkie; wiersze: %d" % (X.days(-1), X.days(1), rows))
    assert audit_detail(stack, "en", "risk.export", "risk_export") == (
        "format csv; %s – %s; crossings: %s; kind: number plate;"
        " decisions: all; alerts: all; rows: %d" % (
            X.days(-1), X.days(1),
            stack.scalar("SELECT name_en FROM crossing WHERE code = 'GRZ'"), rows))


def test_a_device_s_crossing_reads_in_the_reader_s_language(stack):
    """The crossing's name was stored in Polish for every reader."""
    g = staff_client(stack, "grzechotki")
    code = "GRZ-A-" + unique("").upper()[:8]
    r = g.submit("/skr/devices", "/skr/devices", {
        "code": code, "crossing": "GRZ", "lane": "T9", "lane_kind": "truck",
        "device_kind": "anpr", "heartbeat": "10"})
    assert r.status_code == 201, r.text[:300]
    obj = "device:%s" % stack.scalar("SELECT id FROM device WHERE code = ?", code)
    assert audit_detail(stack, "pl", "device.create", obj) == (
        "%s: Grzechotki – Mamonowo II · pas T9" % code)
    assert audit_detail(stack, "en", "device.create", obj) == (
        "%s: %s · lane T9" % (code, stack.scalar(
            "SELECT name_en FROM crossing WHERE code = 'GRZ'")))
