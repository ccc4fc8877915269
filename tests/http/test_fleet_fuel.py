"""test_fleet_fuel.py: refuellings (docs/fleet.md "Fuel"): stored with
their cost, the masked card, the raised odometer and the month's rollup in
one transaction; the period's consumption and each anomaly against figures
computed by hand; bad input answered 422 beside the field with nothing
stored; and who may enter or read them."""
import re

import pytest

from conftest import private_stack
from fleet_fuel_lib import new_vehicle, refuel, row_of, visible, warsaw_day
from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client


# Each test makes vehicles of its own; a stack of its own keeps them out of
# the other modules' whole-list comparisons (test_fleet_access.py).
@pytest.fixture(scope="module")
def stack():
    with private_stack() as st:
        yield st


def fuel_rows(stack, vid):
    return stack.sql("SELECT litres, price_gr, cost_gr, odo_km, card_last4,"
                     " anomalies FROM fleet_fuel WHERE vehicle_id = ?"
                     " ORDER BY filled_at", vid)


def month_rows(stack, vid):
    return stack.sql("SELECT month, litres, fuel_cost_gr FROM fleet_month"
                     " WHERE vehicle_id = ? ORDER BY month", vid)


def test_a_refuelling_is_stored_with_cost_masked_card_odometer_and_rollup(stack):
    vid = new_vehicle(stack, odo=10000)
    flota = staff_client(stack, "flota")
    r = refuel(flota, vid, 3, 10450, "48,37", price="6,49",
               card="7080 1234 5678 4444")
    assert r.status_code == 303, r.text[:500]
    fid = stack.scalar("SELECT MAX(id) FROM fleet_fuel WHERE vehicle_id = ?", vid)
    assert r.headers["Location"] == "/skr/fleet/fuel?vehicle=%d&added=%s" % (vid, fid)
    # 48.37 l × 6.49 zł = 313.9213 zł → 313.92; only the card's last four.
    assert fuel_rows(stack, vid) == [["48.37", "649", "31392", "10450", "4444", ""]]
    assert stack.scalar("SELECT filled_day FROM fleet_fuel WHERE id = ?", fid) == warsaw_day(3)
    assert stack.scalar("SELECT odometer_km FROM fleet_vehicle WHERE id = ?", vid) == "10450"
    assert month_rows(stack, vid) == [[warsaw_day(3)[:8] + "01", "48.37", "31392"]]
    assert stack.scalar("SELECT detail FROM audit_log WHERE action = 'fleet.fuel.add'"
                        " AND object = ? ORDER BY id DESC LIMIT 1",
                        "fleet_vehicle:%d" % vid) == \
        "@skr.audit.detail.fleet_fuel_of|%s (%s)|48.37|10450" % (
            stack.scalar("SELECT plate FROM fleet_vehicle WHERE id = ?", vid),
            stack.scalar("SELECT CONCAT(make, ' ', model) FROM fleet_vehicle WHERE id = ?", vid))
    page = flota.follow(r)
    assert page.status_code == 200
    row = visible(row_of(page.text, fid))
    assert "48.37 l 6.49 zł 313.92 zł 10450 km Orlen, Olsztyn card …4444 none" in row
    assert "5678" not in page.text
    csv = flota.get("/skr/fleet/fuel.csv?vehicle=%d" % vid)
    assert csv.status_code == 200
    assert csv.headers["Content-Type"].startswith("text/csv")
    lines = csv.text.strip().split("\r\n")
    assert lines[0] == "When,Registration plate,Litres,Price of a litre,Cost,Odometer,Station,Fuel card number,Anomalies"
    assert lines[1].endswith(",48.37,6.49,313.92,10450,\"Orlen, Olsztyn\",…4444,")
    assert len(lines) == 2


def test_consumption_of_the_period_by_the_full_tank_method(stack):
    # Tank 70 l, norm 8.0 l/100 km. After the first: 40.00 + 35.50 + 60.25
    # = 135.75 l over 11,800 − 10,000 = 1,800 km → 7.5416… → 7.54 l/100 km.
    vid = new_vehicle(stack, tank=70, norm="8.0")
    flota = staff_client(stack, "flota")
    for days_ago, odo, litres in ((40, 10000, "50.00"), (30, 10500, "40.00"),
                                  (20, 11000, "35.50"), (10, 11800, "60.25")):
        assert refuel(flota, vid, days_ago, odo, litres).status_code == 303
    page = flota.get("/skr/fleet/fuel?vehicle=%d" % vid)
    m = re.search(r'<tr data-vehicle="%d"[^>]*>(.*?)</tr>' % vid, page.text, re.S)
    assert m, page.text[-2000:]
    assert visible(m.group(1)).endswith("4 1800 km 135.75 l 7.54 l/100 km 8.0 l/100 km")
    assert 'class="flagged"' not in m.group(0)
    # Only the last two in the period: 60.25 l over 800 km = 7.53.
    page = flota.get("/skr/fleet/fuel?vehicle=%d&from=%s&to=%s"
                     % (vid, warsaw_day(20), warsaw_day(0)))
    m = re.search(r'<tr data-vehicle="%d"[^>]*>(.*?)</tr>' % vid, page.text, re.S)
    assert visible(m.group(1)).endswith("2 800 km 60.25 l 7.53 l/100 km 8.0 l/100 km")
    # One refuelling only: it cannot be told.
    page = flota.get("/skr/fleet/fuel?vehicle=%d&from=%s&to=%s"
                     % (vid, warsaw_day(10), warsaw_day(0)))
    m = re.search(r'<tr data-vehicle="%d"[^>]*>(.*?)</tr>' % vid, page.text, re.S)
    assert "cannot be told" in visible(m.group(1))
    assert stack.scalar("SELECT COUNT(*) FROM fleet_fuel WHERE vehicle_id = ?"
                        " AND anomalies <> ''", vid) == "0"


def anomaly_words(page_html, fid):
    return [visible(li) for li in re.findall(r'<li data-anomaly="[a-z]+">(.*?)</li>',
                                              row_of(page_html, fid), re.S)]


def test_above_the_norm_is_flagged_with_its_figures(stack):
    # Norm 8.0, 20 %: at most 9.60 l/100 km. 48.00 l / 500 km = 9.60 passes;
    # 50.00 l / 500 km = 10.00 is flagged.
    vid = new_vehicle(stack, tank=70, norm="8.0")
    flota = staff_client(stack, "flota")
    assert refuel(flota, vid, 30, 10000, "30.00").status_code == 303
    assert refuel(flota, vid, 20, 10500, "48.00").status_code == 303
    assert refuel(flota, vid, 10, 11000, "50.00").status_code == 303
    assert [r[5] for r in fuel_rows(stack, vid)] == ["", "", "norm"]
    fid = stack.scalar("SELECT MAX(id) FROM fleet_fuel WHERE vehicle_id = ?", vid)
    page = flota.get("/skr/fleet/anomalies?vehicle=%d" % vid)
    assert page.status_code == 200
    assert anomaly_words(page.text, fid) == [
        "Consumption 10.00 l/100 km since the previous refuelling (50.00 l / 500 km)"
        " is above the norm of 8.0 l/100 km by more than 20 % (at most 9.60 l/100 km)."]
    assert len(re.findall(r'<tr data-id="\d+"', page.text)) == 1
    pl = staff_client(stack, "flota")
    pl.http.headers["Accept-Language"] = "pl"
    page = pl.get("/skr/fleet/anomalies?vehicle=%d" % vid)
    assert anomaly_words(page.text, fid) == [
        "Spalanie 10.00 l/100 km od poprzedniego tankowania (50.00 l / 500 km)"
        " przekracza normę 8.0 l/100 km o ponad 20 % (najwyżej 9.60 l/100 km)."]


def test_more_than_the_tank_holds_is_flagged(stack):
    # Tank 50 l × 1.05 = 52.50 l; 2,000 km since, so the norm says nothing.
    vid = new_vehicle(stack, tank=50, norm="8.0")
    flota = staff_client(stack, "flota")
    assert refuel(flota, vid, 30, 10000, "30.00").status_code == 303
    assert refuel(flota, vid, 20, 12000, "52.50").status_code == 303
    assert refuel(flota, vid, 10, 14000, "52.51").status_code == 303
    assert [r[5] for r in fuel_rows(stack, vid)] == ["", "", "tank"]
    fid = stack.scalar("SELECT MAX(id) FROM fleet_fuel WHERE vehicle_id = ?", vid)
    page = flota.get("/skr/fleet/anomalies?vehicle=%d" % vid)
    assert anomaly_words(page.text, fid) == [
        "52.51 l is more than the tank holds: 50 l (at most, with 5 % for the"
        " filler neck, 52.50 l)."]


def test_an_odometer_above_the_next_reading_is_flagged(stack):
    # Entered late: a refuelling 10 days ago reading 12,500 km, while the
    # one 5 days ago read 12,000.
    vid = new_vehicle(stack, tank=70, norm="8.0")
    flota = staff_client(stack, "flota")
    assert refuel(flota, vid, 20, 10000, "30.00").status_code == 303
    assert refuel(flota, vid, 5, 12000, "40.00").status_code == 303
    assert refuel(flota, vid, 10, 12500, "40.00").status_code == 303
    fid = stack.scalar("SELECT MAX(id) FROM fleet_fuel WHERE vehicle_id = ?", vid)
    assert stack.scalar("SELECT anomalies FROM fleet_fuel WHERE id = ?", fid) == "odometer"
    page = flota.get("/skr/fleet/anomalies?vehicle=%d" % vid)
    assert anomaly_words(page.text, fid) == [
        "The odometer of 12500 km lies outside the readings around it: the last"
        " before it was 10000 km, the next after it was 12000 km."]
    # The vehicle's odometer only grows.
    assert stack.scalar("SELECT odometer_km FROM fleet_vehicle WHERE id = ?", vid) == "12500"


def test_an_odometer_below_a_trip_s_reading_before_it_is_flagged(stack):
    # A trip card closed 8 days ago at 11,300 km; a refuelling 5 days ago
    # reading 11,200 (the previous refuelling, 20 days ago, read 10,000).
    vid = new_vehicle(stack, tank=70, norm="8.0")
    flota = staff_client(stack, "flota")
    assert refuel(flota, vid, 20, 10000, "30.00").status_code == 303
    stack.sql("INSERT INTO fleet_trip (vehicle_id, unit_id, driver_id, opened_by,"
              " purpose, route, start_utc, planned_end_utc, end_utc, odo_out, odo_in,"
              " status, created_at) VALUES (?, 11, 12, 12, 'transfer', 'Olsztyn - Elbląg',"
              " UTC_TIMESTAMP() - INTERVAL 9 DAY, UTC_TIMESTAMP() - INTERVAL 8 DAY,"
              " UTC_TIMESTAMP() - INTERVAL 8 DAY, 10100, 11300, 'closed', UTC_TIMESTAMP())", vid)
    assert refuel(flota, vid, 5, 11200, "40.00").status_code == 303
    fid = stack.scalar("SELECT MAX(id) FROM fleet_fuel WHERE vehicle_id = ?", vid)
    assert stack.scalar("SELECT anomalies FROM fleet_fuel WHERE id = ?", fid) == "odometer"
    page = flota.get("/skr/fleet/anomalies?vehicle=%d" % vid)
    assert anomaly_words(page.text, fid) == [
        "The odometer of 11200 km lies outside the readings around it: the last"
        " before it was 11300 km."]


def test_the_vehicle_page_shows_its_fuel_and_consumption(stack):
    vid = new_vehicle(stack, tank=70, norm="8.0")
    flota = staff_client(stack, "flota")
    for days_ago, odo, litres in ((40, 10000, "50.00"), (30, 10500, "40.00"),
                                  (20, 11000, "35.50"), (10, 11800, "60.25")):
        assert refuel(flota, vid, days_ago, odo, litres).status_code == 303
    page = flota.get("/skr/fleet/vehicles/%d" % vid)
    assert page.status_code == 200
    m = re.search(r'<p id="vehicle-consumption">(.*?)</p>', page.text, re.S)
    assert visible(m.group(1)) == ("Consumption over the last year: 7.54 l/100 km"
                                   " (135.75 l / 1800 km), Consumption norm (l/100 km) 8.0")
    assert len(re.findall(r'<tr data-id="\d+"', page.text)) == 4


def test_the_demo_shows_its_one_anomaly(stack):
    page = staff_client(stack, "flota").get("/skr/fleet/anomalies")
    assert page.status_code == 200
    rows = [visible(r) for r in re.findall(r'<tr data-id="\d+"[^>]*>(.*?)</tr>', page.text, re.S)
            if "NO 1003A" in r]
    assert len(rows) == 1
    assert rows[0].endswith(" NO 1003A 95.00 l 6.67 zł 633.65 zł 120400 km"
                            " Orlen, Olsztyn, ul. Sielska 2 card …7730"
                            " 95.00 l is more than the tank holds: 80 l (at most, with"
                            " 5 % for the filler neck, 84.00 l).")


BAD = [
    ({"litres": "0"}, "litres", "Enter the litres as a number above 0 and at most 2,000, with up to two decimals."),
    ({"litres": "-5"}, "litres", "Enter the litres as a number above 0 and at most 2,000, with up to two decimals."),
    ({"litres": "2000.01"}, "litres", "Enter the litres as a number above 0 and at most 2,000, with up to two decimals."),
    ({"litres": "4O"}, "litres", "Enter the litres as a number above 0 and at most 2,000, with up to two decimals."),
    ({"price": "0"}, "price", "Enter the price of one litre in zł above 0 and at most 50.00, with up to two decimals."),
    ({"price": "50.01"}, "price", "Enter the price of one litre in zł above 0 and at most 50.00, with up to two decimals."),
    ({"odometer": "9999"}, "odometer", "The odometer is below the previous refuelling's: 10000 km."),
    ({"odometer": "-1"}, "odometer", "Enter the odometer in whole kilometres."),
    ({"day": "tomorrow"}, "day", "The refuelling cannot be later than now."),
    ({"day": "2026-02-30"}, "day", "Enter a real date as YYYY-MM-DD"),
    ({"time": "25:00"}, "time", "Enter a time of day as HH:MM that exists in Warsaw on that date."),
    ({"card": "12ab5678"}, "card", "Enter the card number as 8 to 19 digits."),
    ({"station": ""}, "station", "This field is required"),
]


@pytest.mark.parametrize("change,field,message", BAD)
def test_bad_input_is_422_beside_the_field_and_nothing_is_stored(stack, change, field, message):
    vid = new_vehicle(stack)
    flota = staff_client(stack, "flota")
    assert refuel(flota, vid, 10, 10000, "30.00").status_code == 303
    before = (fuel_rows(stack, vid), month_rows(stack, vid),
              stack.scalar("SELECT odometer_km FROM fleet_vehicle WHERE id = ?", vid))
    data = {"vehicle": str(vid), "day": warsaw_day(2), "time": "12:00",
            "litres": "30.00", "price": "6.49", "odometer": "10500",
            "station": "Orlen", "card": ""}
    data.update(change)
    if data["day"] == "tomorrow":
        data["day"] = warsaw_day(-1)
    flota.get("/skr/fleet/fuel/new")
    r = flota.post("/skr/fleet/fuel", data)
    assert r.status_code == 422, r.text[:300]
    assert field_error(r.text, field) == message
    assert (fuel_rows(stack, vid), month_rows(stack, vid),
            stack.scalar("SELECT odometer_km FROM fleet_vehicle WHERE id = ?", vid)) == before
    # The card's digits are never echoed back.
    assert "12ab5678" not in r.text


def test_reversed_period_is_422(stack):
    r = staff_client(stack, "flota").get("/skr/fleet/fuel?from=%s&to=%s"
                                         % (warsaw_day(1), warsaw_day(5)))
    assert r.status_code == 422
    assert field_error(r.text, "to") == "The end of the period is before its start."


def test_a_driver_enters_for_their_unit_and_sees_their_own(stack):
    mine = new_vehicle(stack, unit=11)
    other = new_vehicle(stack, unit=12)
    kierowca = staff_client(stack, "kierowca")
    r = refuel(kierowca, mine, 4, 10100, "31.00")
    assert r.status_code == 303
    fid = stack.scalar("SELECT MAX(id) FROM fleet_fuel WHERE vehicle_id = ?", mine)
    assert stack.scalar("SELECT entered_by FROM fleet_fuel WHERE id = ?", fid) == "12"
    # Another unit's vehicle does not exist for the driver.
    r = refuel(kierowca, other, 4, 10100, "31.00")
    assert r.status_code == 404
    assert stack.count("fleet_fuel", "vehicle_id = %d" % other) == 0
    # The manager's refuellings of the unit are not in the driver's list.
    flota = staff_client(stack, "flota")
    assert refuel(flota, mine, 2, 10200, "32.00").status_code == 303
    page = kierowca.get("/skr/fleet/fuel?vehicle=%d" % mine)
    assert page.status_code == 200
    assert re.findall(r'<tr data-id="(\d+)"', page.text) == [fid]


def test_access_per_route(stack):
    vid = new_vehicle(stack, unit=11)
    data = {"vehicle": str(vid), "day": warsaw_day(2), "time": "12:00",
            "litres": "30.00", "price": "6.49", "odometer": "10500",
            "station": "Orlen", "card": ""}
    # Another unit's manager: the vehicle does not exist for them.
    lublin = staff_client(stack, "flota.lublin")
    lublin.get("/skr/fleet/fuel/new")
    assert lublin.post("/skr/fleet/fuel", data).status_code == 404
    assert lublin.get("/skr/fleet/fuel?vehicle=%d" % vid).status_code == 422
    # A superior reads but does not enter.
    admin = staff_client(stack, "admin.olsztyn")
    assert admin.get("/skr/fleet/fuel").status_code == 200
    r = admin.get("/skr/fleet/fuel/new")
    assert r.status_code == 403
    r = admin.post("/skr/fleet/fuel", data)
    assert r.status_code == 403
    assert "you may only read them" in visible(r.text)
    # An officer with neither a fleet role nor a permission to drive.
    koroszczyn = staff_client(stack, "koroszczyn")
    for path in ("/skr/fleet/fuel", "/skr/fleet/fuel.csv", "/skr/fleet/anomalies",
                 "/skr/fleet/fuel/new"):
        assert koroszczyn.get(path).status_code == 403, path
    koroszczyn.get("/skr/")
    assert koroszczyn.post("/skr/fleet/fuel", data).status_code == 403
    # A portal user is sent to the intranet's sign-in.
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    for path in ("/skr/fleet/fuel", "/skr/fleet/anomalies", "/skr/fleet/fuel/new"):
        r = anna.get(path)
        assert r.status_code == 303
        assert r.headers["Location"] == "/skr/signin?next=" + path
    assert anna.post("/skr/fleet/fuel", data, csrf=False).status_code == 401
    assert stack.count("fleet_fuel", "vehicle_id = %d" % vid) == 0
