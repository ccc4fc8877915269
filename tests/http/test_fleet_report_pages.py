"""test_fleet_report_pages.py: the fleet report of a unit with more vehicles
than a page holds (/skr/fleet/reports/vehicles, docs/fleet.md "Reports"):
the totals of every vehicle on top, 10 vehicles a page in the charts and
the table, the pager's words and links, a page past the end showing the
last, a bad page number beside the field (422); the CSV and the print view
whole; and a refuelling entered through the form showing in the worker's
kept page at once (the fleet's change epoch, cgi-bin/fleet/fleet_cache.c)."""
import html
import re

import pytest

import fleet_report_lib as F
from fleet_fuel_lib import refuel
from zsog import field_error, staff_client

PATH = "/skr/fleet/reports/vehicles"
UNIT = 8804
N = 45
Q = "?unit=%d&from=2026-01&to=2026-01" % UNIT


def vid(i):
    return 880400 + i


@pytest.fixture(scope="module")
def seeded(stack):
    """Unit 8804 (under the Olsztyn office): 45 vehicles TP 001..TP 045,
    vehicle i with i*10 km, i trips, i litres and i zł of fuel in January
    2026, in service since 1 January."""
    F.unit(stack, UNIT, 11, "T-FLP")
    for i in range(1, N + 1):
        F.vehicle(stack, vid(i), UNIT, "TP %03d" % i, "Opel", "Astra", "5.0")
        F.status(stack, vid(i), "2025-12-31 23:00:00", "in_service")
        F.month(stack, vid(i), "2026-01-01", i * 10, i, "%d.00" % i, i * 100, 0, 0)
    yield
    ids = "SELECT id FROM fleet_vehicle WHERE unit_id = %d" % UNIT
    for table in ("fleet_month", "fleet_vehicle_status", "fleet_fuel"):
        stack.sql("DELETE FROM %s WHERE vehicle_id IN (%s)" % (table, ids))
    stack.sql("DELETE FROM fleet_vehicle WHERE unit_id = %d" % UNIT)
    stack.sql("DELETE FROM org_unit WHERE id = %d" % UNIT)


def text(fragment):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def cells(row_html):
    return [text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row_html, re.S)]


def row_ids(page):
    return [int(x) for x in re.findall(r'<tr data-id="(\d+)">', page)]


def total(page):
    return cells(re.search(r'<tr id="total">(.*?)</tr>', page, re.S).group(1))


def pagers(page):
    return [text(p) for p in re.findall(r'<p class="pager">(.*?)</p>', page, re.S)]


def bars(page, chart):
    svg = re.search(r'<svg[^>]*id="%s".*?</svg>' % chart, page, re.S).group(0)
    return [float(v) for v in re.findall(r'data-c="\d+" data-v="([^"]+)"', svg)]


# Every vehicle: 10 + 20 + ... + 450 km, 1 + ... + 45 trips, litres and zł.
ALL = ["All vehicles", "10350", "1035", "1035.00", "1035.00", "0.00", "0", "0.10", "10.0", "–",
       "–", "100.0"]


def test_first_page_totals_on_top_and_ten_vehicles(stack, seeded):
    r = staff_client(stack, "flota").get(PATH + Q)
    assert r.status_code == 200, r.text[:500]
    page = r.text
    # The totals are of all 45 vehicles, above the charts and the table.
    assert total(page) == ALL
    assert page.index('id="total"') < page.index('id="chart-km"') < page.index('id="table-vehicles"')
    assert row_ids(page) == [vid(i) for i in range(1, 11)]
    assert bars(page, "chart-km") == [i * 10.0 for i in range(1, 11)]
    assert bars(page, "chart-avail") == [100.0] * 10
    assert pagers(page) == ["Vehicles 1–10 of 45 · Next vehicles"] * 2
    nxt = html.unescape(re.search(r'<a rel="next" href="([^"]+)"', page).group(1))
    assert nxt == PATH + Q + "&page=2"
    assert 'rel="prev"' not in page


def test_last_page_and_past_the_end(stack, seeded):
    c = staff_client(stack, "flota")
    for page_no in ("5", "9999"):
        r = c.get(PATH + Q + "&page=" + page_no)
        assert r.status_code == 200, page_no
        assert row_ids(r.text) == [vid(i) for i in range(41, 46)], page_no
        assert bars(r.text, "chart-km") == [410.0, 420.0, 430.0, 440.0, 450.0]
        assert total(r.text) == ALL
        assert pagers(r.text) == ["Vehicles 41–45 of 45 · Previous vehicles"] * 2
        prev = html.unescape(re.search(r'<a rel="prev" href="([^"]+)"', r.text).group(1))
        assert prev == PATH + Q + "&page=4"
    r = c.get(PATH + Q + "&page=2")
    assert row_ids(r.text) == [vid(i) for i in range(11, 21)]
    assert pagers(r.text) == ["Vehicles 11–20 of 45 · Previous vehicles · Next vehicles"] * 2


@pytest.mark.parametrize("page_no", ["0", "abc", "10000"])
def test_bad_page_beside_the_field(stack, seeded, page_no):
    r = staff_client(stack, "flota").get(PATH + Q + "&page=" + page_no)
    assert r.status_code == 422
    assert field_error(r.text, "page") == "A page number from 1 to 9999"
    assert 'id="table-vehicles"' not in r.text


def test_csv_and_print_view_hold_every_vehicle(stack, seeded):
    c = staff_client(stack, "flota")
    r = c.get(PATH + ".csv" + Q + "&page=2")
    assert r.status_code == 200
    lines = r.content.decode("utf-8").split("\r\n")
    assert len(lines) == 1 + N + 1 + 1  # head, vehicles, total, the end
    assert lines[1] == "TP 001,Opel Astra,T-FLP,10,1,1.00,1.00,0.00,0,0.10,10.0,5.0,100.0,100.0"
    assert lines[45] == "TP 045,Opel Astra,T-FLP,450,45,45.00,45.00,0.00,0,0.10,10.0,5.0,100.0,100.0"
    assert lines[46] == "All vehicles,,,10350,1035,1035.00,1035.00,0.00,0,0.10,10.0,,,100.0"
    r = c.get(PATH + Q + "&view=print")
    assert r.status_code == 200
    assert row_ids(r.text) == [vid(i) for i in range(1, N + 1)]
    assert len(bars(r.text, "chart-km")) == N
    assert pagers(r.text) == []


def test_a_refuelling_shows_at_once(stack, seeded):
    """The page is kept by the worker (30 s); a refuelling entered through
    the fleet program bumps the fleet's epoch, so the next reading counts it."""
    c = staff_client(stack, "flota")
    month = F.today().strftime("%Y-%m")
    q = "?unit=%d&from=%s&to=%s" % (UNIT, month, month)
    before = c.get(PATH + q)
    assert before.status_code == 200
    row = re.search(r'<tr data-id="%d">(.*?)</tr>' % vid(1), before.text, re.S).group(1)
    assert cells(row)[5:7] == ["0.00", "0.00"]  # litres, fuel cost
    day = F.today().isoformat()
    r = refuel(c, vid(1), 0, 10100, "40,00", price="6,00", day=day, time="00:00")
    assert r.status_code == 303, r.text[:500]
    after = c.get(PATH + q)
    row = re.search(r'<tr data-id="%d">(.*?)</tr>' % vid(1), after.text, re.S).group(1)
    assert cells(row)[5:7] == ["40.00", "240.00"]
    assert total(after.text)[3:5] == ["40.00", "240.00"]
