"""test_fleet_reports.py: the fleet report per vehicle
(/skr/fleet/reports/vehicles): figures from the monthly rollup against
hand-computed values in the table, the SVG and the CSV (exact bytes), the
filters' messages beside the field (422), and the scope (another unit's
manager: 403 in words)."""
import html
import re

import pytest

import fleet_report_lib as F
from zsog import field_error, staff_client

PATH = "/skr/fleet/reports/vehicles"
Q = "?unit=8801&from=2026-01&to=2026-02"


@pytest.fixture(scope="module")
def seeded(stack):
    F.seed_report(stack)
    yield
    F.remove(stack)


def cells(page, row_id):
    m = re.search(r'<tr data-id="%d">(.*?)</tr>' % row_id, page, re.S)
    assert m, row_id
    return [html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", m.group(1), re.S)]


def test_figures_by_hand(stack, seeded):
    c = staff_client(stack, "flota")
    r = c.get(PATH + Q)
    assert r.status_code == 200, r.text[:500]
    # TR 0001: Jan + Feb. Cost per km (650 + 1200 zł) / 1500 km = 1.2333;
    # 100 l / 1500 km = 6.67 l/100 km, 11.1 % above 6.0; in service 1-10
    # and 21-31 January and all February: 49 of 59 days = 83.05 %.
    assert cells(r.text, 880101) == ["TR 0001", "Škoda Octavia", "T-FLR", "1500", "15", "100.00",
                                     "650.00", "1200.00", "10", "1.23", "6.7", "6.0", "11.1",
                                     "83.1"]
    # TR 0002: January only; 130 zł / 200 km; 20 l / 200 km = 10.0 (9.0).
    assert cells(r.text, 880102) == ["TR 0002", "Ford Transit", "T-FLR", "200", "2", "20.00",
                                     "130.00", "0.00", "0", "0.65", "10.0", "9.0", "11.1", "100.0"]
    total = re.search(r'<tr id="total">(.*?)</tr>', r.text, re.S).group(1)
    assert [html.unescape(re.sub(r"<[^>]+>", "", x)).strip()
            for x in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", total, re.S)] == [
        "All vehicles", "1700", "17", "120.00", "780.00", "1200.00", "10", "1.16", "7.1", "–", "–",
        "91.5"]
    # Lublin's vehicle is not in Olsztyn's branch.
    assert "TR 0201" not in r.text
    # The charts carry the same numbers (data-v), per plate.
    assert re.search(r'<svg[^>]*id="chart-km".*?data-c="0" data-v="1500".*?data-c="1" data-v="200"',
                     r.text, re.S)
    assert re.search(r'id="chart-avail".*?data-v="83.1".*?data-v="100.0"', r.text, re.S)
    assert re.search(r'id="chart-cons".*?data-s="0" data-c="0" data-v="6.7"', r.text, re.S)


def test_each_heading_over_its_column(stack, seeded):
    """The table had a "Days in repair" heading and no such cell: every
    figure from cost per km on stood under the heading before it."""
    r = staff_client(stack, "flota").get(PATH + Q)
    table = re.search(r'<table id="table-vehicles".*?</table>', r.text, re.S).group(0)
    heads = [html.unescape(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)]
    assert heads == ["Plate", "Make and model", "Unit", "Kilometres", "Trips", "Fuel (litres)",
                     "Fuel cost (PLN)", "Repair cost (PLN)", "Days in repair", "Cost per km (PLN)",
                     "Consumption (l/100 km)", "Norm (l/100 km)", "Above the norm (%)",
                     "Availability (%)"]
    assert len(cells(r.text, 880101)) == len(heads)
    assert dict(zip(heads, cells(r.text, 880101)))["Days in repair"] == "10"


def test_csv_exact(stack, seeded):
    c = staff_client(stack, "flota")
    r = c.get(PATH + ".csv" + Q)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert r.headers["Content-Disposition"] == \
        'attachment; filename="fleet-T-FLR-2026-01-2026-02.csv"'
    assert r.content.decode("utf-8") == (
        "Plate,Make and model,Unit,Kilometres,Trips,Fuel (litres),Fuel cost (PLN),"
        "Repair cost (PLN),Days in repair,Cost per km (PLN),Consumption (l/100 km),"
        "Norm (l/100 km),Above the norm (%),Availability (%)\r\n"
        "TR 0001,Škoda Octavia,T-FLR,1500,15,100.00,650.00,1200.00,10,1.23,6.7,6.0,11.1,83.1\r\n"
        "TR 0002,Ford Transit,T-FLR,200,2,20.00,130.00,0.00,0,0.65,10.0,9.0,11.1,100.0\r\n"
        "All vehicles,,,1700,17,120.00,780.00,1200.00,10,1.16,7.1,,,91.5\r\n")
    # The page's CSV link asks for the same.
    page = c.get(PATH + Q).text
    link = html.unescape(re.search(r'id="csv-link" href="([^"]+)"', page).group(1))
    assert link == PATH + ".csv" + Q


def test_print_view(stack, seeded):
    c = staff_client(stack, "flota")
    r = c.get(PATH + Q + "&view=print")
    assert r.status_code == 200
    assert 'class="wrap print-view"' in r.text
    assert 'action="/skr/fleet/reports/vehicles"' not in r.text
    assert cells(r.text, 880101)[3] == "1500"


@pytest.mark.parametrize("query,field,message", [
    ("unit=8801&from=2026-13&to=2026-02", "from", "A month as YYYY-MM, e.g. 2026-01"),
    ("unit=8801&from=2026-01&to=26-02", "to", "A month as YYYY-MM, e.g. 2026-01"),
    ("unit=8801&from=2026-03&to=2026-02", "to", "The last month must not be before the first"),
    ("unit=8801&from=2021-01&to=2026-01", "to", "A period of at most 60 months (five years)"),
    ("unit=abc&from=2026-01&to=2026-02", "unit", "Choose one of your units from the list"),
    ("unit=999999&from=2026-01&to=2026-02", "unit", "Choose one of your units from the list"),
])
def test_bad_filter_beside_the_field(stack, seeded, query, field, message):
    c = staff_client(stack, "flota")
    r = c.get(PATH + "?" + query)
    assert r.status_code == 422, r.text[:300]
    assert field_error(r.text, field) == message
    assert 'id="table-vehicles"' not in r.text
    r = c.get(PATH + ".csv?" + query)
    assert r.status_code == 422
    assert "text/csv" not in r.headers["Content-Type"]


def test_another_units_manager_gets_403(stack, seeded):
    c = staff_client(stack, "flota.lublin")
    for path in (PATH + Q, PATH + ".csv" + Q, "/skr/fleet?unit=8801"):
        r = c.get(path)
        assert r.status_code == 403, path
        assert "This unit is not in your part of the organisation" in html.unescape(r.text)
        assert "TR 0001" not in r.text
    # ... and reads their own.
    r = c.get(PATH + "?unit=8802&from=2026-01&to=2026-02")
    assert r.status_code == 200
    assert cells(r.text, 880201)[3] == "300"


def test_outsider_refused(stack, seeded):
    r = staff_client(stack, "rejestracja").get(PATH + Q)
    assert r.status_code == 403
    assert "TR 0001" not in r.text
    r = stack.client().get(PATH + Q, allow_redirects=False)
    assert r.status_code == 303
    assert r.headers["Location"].startswith("/skr/signin")
