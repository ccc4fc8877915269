"""test_report_ebt_companies.py: the eBT report's bookings by company (top
N, N a filter 5/10/20) and through agencies (issue 15): exact on rollup rows
of report_ebt_company_month for a crossing of a branch of its own, the
companies' names asked of e-Customer by id, guests in words; whole months;
the SVG equal to the table; the CSV of each; 422 for an unknown top."""
import csv
import io

import pytest

from test_dashboard_today import new_crossing, new_unit
from test_report_registrations import svg_values, table
from test_skr_staff import sql_admin
from zsog import field_error, staff_client, unique

Q = "/skr/reports/ebt?from=2020-03-02&to=2020-03-15&by=week"


def company(stack, name):
    eori = "PL" + unique("")[:10].upper()
    stack.sql("INSERT INTO company (eori, name, legal_form, country, town, postcode, house_no,"
              " iban, main_activity, contact_email, contact_phone, status, created_at,"
              " approved_at) VALUES (?, ?, 'spzoo', 'PL', 'Olsztyn', '10-001',"
              " '1', 'PL00000000000000000000000000', 'test', 'x@test.zsog.pl', '+48600000000',"
              " 'approved', '2019-01-01', '2019-01-01')", eori, name)
    return int(stack.scalar("SELECT id FROM company WHERE eori = ?", eori))


@pytest.fixture(scope="module")
def seeded(stack):
    tag = unique("C")[:8].upper()
    branch = new_unit(stack, 1, "branch", tag + "B")
    x, code = new_crossing(stack, branch, 1, "Report Companies")
    ids = {k: company(stack, name) for k, name in (
        ("a", "Alpha & Sons <Trans>"), ("b", "Beta Logistics"), ("c", "Cargo C"),
        ("d", "Delta D"), ("e", "Echo E"), ("g", "Agencja Celna Gamma"))}
    for month, comp, agency, n in (
            ("2020-03-01", "a", None, 7), ("2020-03-01", "a", "g", 3),
            ("2020-03-01", "b", None, 2), ("2020-03-01", "b", "g", 4),
            ("2020-03-01", "c", None, 1), ("2020-03-01", "d", None, 1),
            ("2020-03-01", "e", None, 1), ("2020-03-01", None, None, 5),
            ("2020-04-01", "a", None, 100), ("2020-02-01", "c", None, 50)):
        stack.sql("INSERT INTO report_ebt_company_month (month, crossing_id, company_id,"
                  " agency_id, n) VALUES (?, ?, ?, ?, ?)", month, x,
                  ids[comp] if comp else 0, ids[agency] if agency else 0, n)
    _, login = sql_admin(stack, branch, roles=("crossing",))
    return {"login": login, "code": code, "branch": branch}


def test_companies_top_n_and_agencies_exact(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get(Q)
    assert r.status_code == 200, r.text[:300]
    comp = table(r.text, "table-companies")
    assert comp == [["Place", "Company", "Bookings made"],
                    ["1", "Alpha & Sons <Trans>", "10"], ["2", "Beta Logistics", "6"],
                    ["3", "Guests (no company)", "5"], ["4", "Cargo C", "1"],
                    ["5", "Delta D", "1"], ["6", "Echo E", "1"]]
    assert "Alpha &amp; Sons &lt;Trans&gt;" in r.text
    assert svg_values(r.text, "chart-companies") == {(0, i): comp[1 + i][2] for i in range(6)}
    assert ('id="months-note">Bookings per company are counted by whole months: the months'
            ' 2020-03 – 2020-03.') in r.text
    assert table(r.text, "table-agencies") == [
        ["Agency", "Bookings made", "Companies it booked for"],
        ["Agencja Celna Gamma", "7", "2"]]
    assert ('id="who">Made by the companies\' own people: <strong class="num">12</strong> · '
            'Through agencies: <strong class="num">7</strong> · '
            'By guests: <strong class="num">5</strong>') in r.text.replace("&#39;", "'")
    top5 = c.get(Q + "&top=5")
    assert top5.status_code == 200
    assert [row[1] for row in table(top5.text, "table-companies")[1:]] == [
        "Alpha & Sons <Trans>", "Beta Logistics", "Guests (no company)", "Cargo C", "Delta D"]
    # April's 100 bookings count once the period reaches April
    apr = c.get("/skr/reports/ebt?from=2020-03-30&to=2020-04-02&by=day")
    assert table(apr.text, "table-companies")[1] == ["1", "Alpha & Sons <Trans>", "110"]
    pl = c.get(Q + "&lang=pl")
    assert table(pl.text, "table-companies")[3] == ["3", "Goście (bez firmy)", "5"]
    assert table(pl.text, "table-agencies")[0] == ["Agencja", "Rezerwacje",
                                                    "Firmy, dla których rezerwowała"]


def test_companies_csv_and_bad_top(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/ebt.csv?from=2020-03-02&to=2020-03-15&by=week&top=5&part=companies")
    assert r.status_code == 200
    assert r.headers["Content-Disposition"] == (
        'attachment; filename="ebt-companies-2020-03-02-2020-03-15.csv"')
    assert list(csv.reader(io.StringIO(r.content.decode("utf-8")))) == [
        ["Place", "Company", "Bookings made"], ["1", "Alpha & Sons <Trans>", "10"],
        ["2", "Beta Logistics", "6"], ["3", "Guests (no company)", "5"],
        ["4", "Cargo C", "1"], ["5", "Delta D", "1"]]
    r = c.get("/skr/reports/ebt.csv?from=2020-03-02&to=2020-03-15&by=week&part=agencies")
    assert r.status_code == 200
    assert list(csv.reader(io.StringIO(r.content.decode("utf-8")))) == [
        ["Agency", "Bookings made", "Companies it booked for"], ["Agencja Celna Gamma", "7", "2"]]
    r = c.get(Q + "&top=7")
    assert r.status_code == 422
    assert field_error(r.text, "top") == "Choose one of the options in the list"
    assert c.get(Q + "&part=nope").status_code == 422
