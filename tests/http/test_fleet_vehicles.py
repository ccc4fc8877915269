"""test_fleet_vehicles.py: a fleet manager's vehicles (docs/fleet.md,
"Vehicles"): create and edit with every field checked beside it (422,
nothing stored), the VIN's rule, the optimistic version (409), status
changes and their history (written off is final), every change audited;
the list's filters and its CSV row by row."""
import csv
import html
import io
import re

import pytest

from zsog import field_error, staff_client, unique

FORM = "/skr/fleet/vehicles/new"


def vin_with_check(body):
    """body: 17 characters; the 9th replaced by the right check digit."""
    t = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
         **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
         **dict(zip("STUVWXYZ", range(2, 10)))}
    w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    s = sum(t[c] * k for c, k in zip(body, w)) % 11
    return body[:8] + ("X" if s == 10 else str(s)) + body[9:]


def fresh():
    """A plate and a European VIN nobody has yet (hex: no I, O or Q)."""
    u = unique("")[:8].upper()
    return "NO %s1" % u[:4], "WVWZZZ1KZ" + u


def good(**kw):
    plate, vin = fresh()
    d = {"plate": plate, "vin": vin, "make": "Volkswagen", "model": "Golf",
         "kind": "car", "unit": "12", "fuel": "petrol", "tank_l": "50",
         "norm_l100": "6,4", "odometer_km": "1200", "marked": "1", "pool": "1",
         "equipment": ["radio", "first_aid"]}
    d.update(kw)
    return d


def create(c, **kw):
    d = good(**kw)
    r = c.submit(FORM, FORM, d)
    return r, d


def vehicle_id(r):
    m = re.fullmatch(r"/skr/fleet/vehicles/(\d+)\?saved=1", r.headers["Location"])
    assert m, r.headers["Location"]
    return int(m.group(1))


@pytest.fixture(scope="module")
def flota(stack):
    return staff_client(stack, "flota")


def test_a_manager_creates_a_vehicle(stack, flota):
    r, d = create(flota)
    assert r.status_code == 303, r.text[:500]
    vid = vehicle_id(r)
    assert stack.sql(
        "SELECT unit_id, plate, vin, make, model, kind, marked, status, odometer_km,"
        " fuel, tank_l, norm_l100, equipment, pool, version FROM fleet_vehicle WHERE id = ?",
        vid) == [["12", d["plate"], d["vin"], "Volkswagen", "Golf", "car", "1",
                  "in_service", "1200", "petrol", "50", "6.4", "radio,first_aid", "1", "1"]]
    assert stack.sql("SELECT status, by_staff FROM fleet_vehicle_status WHERE vehicle_id = ?",
                     vid) == [["in_service", "7"]]
    assert stack.sql("SELECT actor_name, detail FROM audit_log WHERE action = 'fleet.vehicle.create'"
                     " AND object = ?", "vehicle:%d" % vid) == [
        ["Paweł Dąbrowski", "@skr.audit.detail.fleet_vehicle_create|%s|%s|OC-GRZ (12)"
                            "|Volkswagen Golf" % (d["plate"], d["vin"])]]
    page = flota.follow(r)
    assert page.status_code == 200
    assert 'id="saved"' in page.text
    assert "<dd>passenger car</dd>" in page.text
    assert re.search(r'<dd id="vehicle-equipment"><span class="badge">radio</span>\s*'
                     r'<span class="badge">first-aid kit</span>', page.text)


def test_the_classic_north_american_vin_is_accepted(stack, flota):
    stack.sql("DELETE FROM fleet_vehicle_status WHERE vehicle_id IN"
              " (SELECT id FROM fleet_vehicle WHERE vin = '1M8GDM9AXKP042788')")
    stack.sql("DELETE FROM fleet_vehicle WHERE vin = '1M8GDM9AXKP042788'")
    r, _ = create(flota, vin="1m8gdm9axkp042788")      # typed in lower case
    assert r.status_code == 303, field_error(r.text, "vin")
    assert stack.scalar("SELECT vin FROM fleet_vehicle WHERE id = ?",
                        vehicle_id(r)) == "1M8GDM9AXKP042788"


def taken_plate_and_vin(stack):
    return stack.sql("SELECT plate, vin FROM fleet_vehicle WHERE id = 1")[0]


BAD = [
    ("plate", "X", "A registration plate: 2 to 10 letters and digits, at least one digit"
                   " (for example NO 1234A)"),
    ("plate", "NO-1234", "A registration plate: 2 to 10 letters and digits, at least one digit"
                         " (for example NO 1234A)"),
    ("plate", "", "This field is required"),
    ("vin", "WVWZZZ1KZ12345", "A VIN has exactly 17 characters"),
    ("vin", "WVWZZZ1KZ1234567O", "A VIN holds only the letters A to Z (without I, O and Q)"
                                 " and digits"),
    ("vin", "1M8GDM9A1KP042788", "The check digit (the 9th character) does not match the rest"
                                 " of this North American VIN: check it against the"
                                 " registration certificate"),
    ("make", "", "This field is required"),
    ("kind", "bus", "Choose one of the options in the list"),
    ("unit", "22", "Choose one of your units from the list"),   # Lublin's
    ("unit", "1", "Choose one of your units from the list"),    # above the chamber
    ("fuel", "coal", "Choose one of the options in the list"),
    ("tank_l", "-5", "The tank's size in whole litres, from 0 to 2000"),
    ("tank_l", "2001", "The tank's size in whole litres, from 0 to 2000"),
    ("norm_l100", "100", "The consumption norm in litres per 100 km, from 0 to 99.9 with at"
                         " most one decimal"),
    ("norm_l100", "6.45", "The consumption norm in litres per 100 km, from 0 to 99.9 with at"
                          " most one decimal"),
    ("odometer_km", "-1", "The odometer in whole kilometres, from 0 to 3,000,000"),
    ("equipment", ["radio", "laser"], "Choose one of the options in the list"),
]


@pytest.mark.parametrize("field,value,message", BAD)
def test_a_bad_field_is_answered_beside_it_and_nothing_is_stored(stack, flota, field, value,
                                                                 message):
    before = stack.count("fleet_vehicle")
    audits = stack.count("audit_log", "action = 'fleet.vehicle.create'")
    r, _ = create(flota, **{field: value})
    assert r.status_code == 422
    assert field_error(r.text, field) == message
    assert stack.count("fleet_vehicle") == before
    assert stack.count("audit_log", "action = 'fleet.vehicle.create'") == audits


@pytest.mark.parametrize("which,message", [
    ("plate", "Another vehicle already has this registration plate"),
    ("vin", "Another vehicle already has this VIN"),
])
def test_a_plate_or_vin_taken_is_refused(stack, flota, which, message):
    plate, vin = taken_plate_and_vin(stack)
    before = stack.count("fleet_vehicle")
    r, _ = create(flota, **({"plate": plate} if which == "plate" else {"vin": vin}))
    assert r.status_code == 422
    assert field_error(r.text, which) == message
    assert stack.count("fleet_vehicle") == before


def edit(c, vid, **kw):
    page = c.get("/skr/fleet/vehicles/%d/edit" % vid)
    assert page.status_code == 200
    form = dict(re.findall(r'name="([a-z_0-9]+)"(?: type="[a-z]+")? value="([^"]*)"', page.text))
    data = {k: html.unescape(form[k]) for k in
            ("plate", "vin", "make", "model", "tank_l", "norm_l100", "odometer_km", "version")}
    data.update(kind=re.search(r'<select id="f-kind".*?<option value="(\w+)" selected',
                               page.text, re.S).group(1),
                unit=re.search(r'<select id="f-unit".*?<option value="(\d+)" selected',
                               page.text, re.S).group(1),
                fuel=re.search(r'<select id="f-fuel".*?<option value="(\w+)" selected',
                               page.text, re.S).group(1),
                equipment=re.findall(r'name="equipment" value="(\w+)" checked', page.text))
    for box in ("marked", "pool"):
        if 'name="%s" value="1" checked' % box in page.text:
            data[box] = "1"
    data.update(kw)
    return data


def test_a_manager_edits_a_vehicle_and_the_change_is_audited(stack, flota):
    r, d = create(flota)
    vid = vehicle_id(r)
    data = edit(flota, vid, model="Golf Variant", unit="11", odometer_km="1500")
    assert data["version"] == "1"
    assert data["equipment"] == ["radio", "first_aid"]
    r = flota.post("/skr/fleet/vehicles/%d/edit" % vid, data)
    assert r.status_code == 303, r.text[:500]
    assert stack.sql("SELECT model, unit_id, odometer_km, version FROM fleet_vehicle"
                     " WHERE id = ?", vid) == [["Golf Variant", "11", "1500", "2"]]
    assert stack.scalar("SELECT detail FROM audit_log WHERE action = 'fleet.vehicle.update'"
                        " AND object = ?", "vehicle:%d" % vid) == \
        "@skr.audit.detail.fleet_vehicle_update_unit|%s|model|UCS-OLS (11)" % d["plate"]


def test_two_managers_editing_the_second_is_told_and_nothing_of_his_is_stored(stack, flota):
    r, _ = create(flota)
    vid = vehicle_id(r)
    second = staff_client(stack, "flota")
    first_form = edit(flota, vid, model="First")
    second_form = edit(second, vid, model="Second")
    assert flota.post("/skr/fleet/vehicles/%d/edit" % vid, first_form).status_code == 303
    r = second.post("/skr/fleet/vehicles/%d/edit" % vid, second_form)
    assert r.status_code == 409
    assert ("Someone else saved this vehicle after you opened the form. The form now shows"
            " what was saved; make your change again.") in html.unescape(r.text)
    assert 'id="f-model" name="model" type="text" value="First"' in r.text
    assert 'name="version" value="2"' in r.text
    assert stack.sql("SELECT model, version FROM fleet_vehicle WHERE id = ?", vid) == \
        [["First", "2"]]


def test_the_odometer_never_goes_back(stack, flota):
    r, _ = create(flota, odometer_km="5000")
    vid = vehicle_id(r)
    r = flota.post("/skr/fleet/vehicles/%d/edit" % vid, edit(flota, vid, odometer_km="4999"))
    assert r.status_code == 422
    assert field_error(r.text, "odometer_km") == \
        "The odometer never goes back: it must not be below the last reading"
    assert stack.sql("SELECT odometer_km, version FROM fleet_vehicle WHERE id = ?", vid) == \
        [["5000", "1"]]


def test_a_bad_field_on_edit_changes_nothing(stack, flota):
    r, _ = create(flota)
    vid = vehicle_id(r)
    r = flota.post("/skr/fleet/vehicles/%d/edit" % vid,
                   edit(flota, vid, vin="1M8GDM9A1KP042788", model="Changed"))
    assert r.status_code == 422
    assert field_error(r.text, "vin").startswith("The check digit (the 9th character)")
    assert stack.sql("SELECT model, version FROM fleet_vehicle WHERE id = ?", vid) == \
        [["Golf", "1"]]


def test_status_changes_are_recorded_and_written_off_is_final(stack, flota):
    r, d = create(flota)
    vid = vehicle_id(r)
    base = "/skr/fleet/vehicles/%d" % vid
    flota.get(base)
    assert flota.post(base + "/status", {"status": "in_repair"}).status_code == 303
    assert flota.post(base + "/status", {"status": "written_off"}).status_code == 303
    assert [s for s, in stack.sql("SELECT status FROM fleet_vehicle_status WHERE vehicle_id = ?"
                                  " ORDER BY id", vid)] == ["in_service", "in_repair",
                                                            "written_off"]
    assert [a for a, in stack.sql("SELECT action FROM audit_log WHERE object = ? ORDER BY id",
                                  "vehicle:%d" % vid)] == [
        "fleet.vehicle.create", "fleet.vehicle.in_repair", "fleet.vehicle.written_off"]
    page = flota.get(base + "?lang=en")
    assert 'data-status="written_off">written off</span>' in page.text
    assert 'id="vehicle-edit"' not in page.text and 'id="status-form"' not in page.text
    # Written off is final: neither the status nor the data change.
    r = flota.post(base + "/status", {"status": "in_service"})
    assert r.status_code == 422
    assert field_error(r.text, "status") == \
        "This vehicle is written off: nothing about it changes any more."
    r = flota.get(base + "/edit")
    assert r.status_code == 403
    assert stack.sql("SELECT status, version FROM fleet_vehicle WHERE id = ?", vid) == \
        [["written_off", "3"]]
    assert stack.count("fleet_vehicle_status", "vehicle_id = ?", vid) == 3


def test_an_unknown_status_is_refused(stack, flota):
    flota.get("/skr/fleet/vehicles/1")
    r = flota.post("/skr/fleet/vehicles/1/status", {"status": "stolen"})
    assert r.status_code == 422
    assert field_error(r.text, "status") == "Choose one of the options in the list"
    assert stack.scalar("SELECT status FROM fleet_vehicle WHERE id = 1") == "in_service"


def plates(page):
    return re.findall(r'<tr data-id="\d+">\s*<td><a href="/skr/fleet/vehicles/\d+">([^<]+)</a>',
                      page.text)


@pytest.mark.parametrize("query,expected", [
    ("kind=van&unit=11", ["NO 1003A", "NO 1006A"]),
    ("status=in_repair&unit=11", ["NO 1004A"]),
    ("q=Octavia", ["NO 1005A", "NO 1207A"]),
    ("q=ZFA3120", ["NO 1208A"]),              # a part of the VIN
    ("unit=12&kind=offroad", ["NO 1209A"]),
])
def test_the_filters_of_the_url(stack, query, expected):
    c = staff_client(stack, "admin.olsztyn")    # reads; the manager's new cars stay out
    r = c.get("/skr/fleet/vehicles?" + query)
    assert r.status_code == 200
    assert plates(r) == expected


@pytest.mark.parametrize("query,field,message", [
    ("kind=bus", "kind", "Choose one of the options in the list"),
    ("status=stolen", "status", "Choose one of the options in the list"),
    ("unit=22", "unit", "Choose one of your units from the list"),
    ("unit=abc", "unit", "Choose one of your units from the list"),
])
def test_a_bad_filter_is_answered_beside_it(stack, query, field, message):
    c = staff_client(stack, "admin.olsztyn")
    for path in ("/skr/fleet/vehicles?", "/skr/fleet/vehicles.csv?"):
        r = c.get(path + query)
        assert r.status_code == 422
        assert field_error(r.text, field) == message
        assert 'id="vehicles"' not in r.text


def test_the_csv_holds_exactly_the_rows_of_the_list(stack):
    c = staff_client(stack, "flota.lublin")
    r = c.get("/skr/fleet/vehicles.csv?status=in_service")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="vehicles-\d{4}-\d\d-\d\d\.csv"',
                        r.headers["Content-Disposition"])
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8"))))
    vins = dict(stack.sql("SELECT plate, vin FROM fleet_vehicle WHERE id IN (13, 14)"))
    assert rows == [
        ["Registration plate", "VIN", "Make", "Model", "Kind", "Marked", "Unit", "Status",
         "Odometer", "Fuel", "Tank (l)", "Consumption norm (l/100 km)", "Pool vehicle"],
        ["LBI 2201", vins["LBI 2201"], "Volkswagen", "Transporter", "van", "yes", "OCD-KOR",
         "in service", "76500", "diesel", "70", "8.9", "yes"],
        ["LBI 2202", vins["LBI 2202"], "Škoda", "Superb", "passenger car", "no", "OCD-KOR",
         "in service", "41200", "hybrid", "50", "5.2", "yes"],
    ]
    r = c.get("/skr/fleet/vehicles.csv?status=in_service&lang=pl")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8"))))
    assert rows[2][4:9] == ["samochód osobowy", "nie", "OCD-KOR", "sprawny", "41200"]
