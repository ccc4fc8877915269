"""test_report_registrations.py: the registrations report (issue 15):
applications per office and kind, time to decision (p50/p90), EORI numbers
issued, certificates issued and revoked — exact on a seeded March 2020 (a
month nobody else writes), the officer's subtree only (certificates are
national), the SVG well-formed and equal to the table, the CSV, the print
view, 403 for a role without the report, bad filters 422 beside the
field."""
import csv
import html
import io
import re
import xml.etree.ElementTree as ET

import pytest

from test_skr_staff import sql_admin
from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client, unique

PERIOD = "from=2020-03-01&to=2020-03-31&by=day"
KINDS = ["registration of a person", "registration of a company",
         "change of company data", "deactivation of a company"]


def new_unit(stack, parent, kind, code, name):
    stack.sql("INSERT INTO org_unit (parent_id, kind, code, name_pl, name_en)"
              " VALUES (?, ?, ?, ?, ?)", parent, kind, code, name + " PL", name)
    return int(stack.scalar("SELECT id FROM org_unit WHERE code = ?", code))


def app(stack, office, kind, created, decided=None, status="submitted", subject=1):
    account = int(stack.scalar("SELECT MIN(id) FROM portal_account"))
    stack.sql("INSERT INTO application (kind, subject_id, submitted_by, status,"
              " office_unit_id, created_at, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              kind, subject, account, status, office, created, decided)


def company(stack, at):
    """A company approved at `at` with an EORI; its id."""
    eori = "PL" + unique("")[:10].upper()
    stack.sql("INSERT INTO company (eori, name, legal_form, country, town, postcode, house_no,"
              " iban, main_activity, contact_email, contact_phone, status, created_at,"
              " approved_at) VALUES (?, 'Test Sp. z o.o.', 'spzoo', 'PL', 'Olsztyn', '10-001',"
              " '1', 'PL00000000000000000000000000', 'test', 'x@test.zsog.pl', '+48600000000',"
              " 'approved', ?, ?)", eori, at, at)
    return int(stack.scalar("SELECT id FROM company WHERE eori = ?", eori))


def cert(stack, created, revoked=None):
    person = int(stack.scalar("SELECT MIN(id) FROM person"))
    stack.sql("INSERT INTO certificate (serial_hex, person_id, subject_dn, pem, not_before,"
              " not_after, created_at, revoked_at, revoke_reason, revoked_by_kind)"
              " VALUES (?, ?, 'CN=test', 'x', ?, ? + INTERVAL 1 YEAR, ?, ?, ?, ?)",
              unique("").upper() + "AB", person, created, created, created, revoked,
              "unspecified" if revoked else None, "staff" if revoked else None)


@pytest.fixture(scope="module")
def seeded(stack):
    tag = unique("R")[:8].upper()
    chamber = new_unit(stack, 1, "chamber", tag + "C", "Reg chamber " + tag)
    o1 = new_unit(stack, chamber, "office", tag + "1", "Office one")
    o2 = new_unit(stack, chamber, "office", tag + "2", "Office two")
    other = new_unit(stack, 1, "chamber", tag + "X", "Other chamber")
    o3 = new_unit(stack, other, "office", tag + "3", "Office three")
    # 2020-03-01 00:30 in Warsaw (CET): inside; 2020-04-01 00:30 (CEST): outside
    app(stack, o1, "person", "2020-02-29 23:30:00")
    app(stack, o1, "company_update", "2020-03-31 22:30:00")
    # decided in March: person 2 h, 24 h (o1), 6 h and 264 h (o2, submitted in
    # February); company 36 h with its EORI
    app(stack, o1, "person", "2020-03-03 10:00:00", "2020-03-03 12:00:00", "approved")
    app(stack, o1, "person", "2020-03-03 10:00:00", "2020-03-04 10:00:00", "rejected")
    app(stack, o2, "person", "2020-03-10 10:00:00", "2020-03-10 16:00:00", "approved")
    app(stack, o2, "person", "2020-02-20 00:00:00", "2020-03-02 00:00:00", "approved")
    co = company(stack, "2020-03-06 12:00:00")
    app(stack, o1, "company", "2020-03-05 00:00:00", "2020-03-06 12:00:00", "approved",
        subject=co)
    # the other chamber's: none of it counts here
    app(stack, o3, "person", "2020-03-10 10:00:00", "2020-03-10 11:00:00", "approved")
    other = company(stack, "2020-03-06 12:00:00")
    app(stack, o3, "company", "2020-03-05 00:00:00", "2020-03-06 12:00:00", "approved",
        subject=other)
    # certificates (national): two issued on 7 March, one revoked on 20 March;
    # one issued on 1 April local time
    cert(stack, "2020-03-07 10:00:00", "2020-03-20 09:00:00")
    cert(stack, "2020-03-07 11:00:00")
    cert(stack, "2020-03-31 23:30:00")
    _, login = sql_admin(stack, chamber, roles=("registration",))
    return {"login": login, "chamber": chamber, "tag": tag}


def table(page, tid):
    t = re.search(r'<table id="%s"[^>]*>(.*?)</table>' % tid, page, re.S).group(1)
    rows = []
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", t, re.S):
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
                     for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)])
    return rows


def svg_values(page, sid):
    svg = re.search(r'<svg[^>]*id="%s".*?</svg>' % sid, page, re.S).group(0)
    root = ET.fromstring(svg)  # well-formed
    assert root.get("role") == "img"
    return {(int(e.get("data-s")), int(e.get("data-c"))): e.get("data-v")
            for e in root.iter() if e.get("data-v") is not None}


def test_registrations_exact_for_the_chamber(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/registrations?" + PERIOD)
    assert r.status_code == 200, r.text[:500]
    tag = seeded["tag"]
    offices = table(r.text, "table-offices")
    assert offices == [
        ["Office"] + KINDS + ["Total"],
        ["%s1 · Office one" % tag, "3", "1", "0", "0", "4"],
        ["%s2 · Office two" % tag, "1", "0", "0", "0", "1"],
    ]
    drawn = svg_values(r.text, "chart-offices")
    assert drawn == {(k, i): offices[1 + i][1 + k] for k in range(4) for i in range(2)}
    decisions = table(r.text, "table-decisions")
    assert decisions[1:] == [
        ["registration of a person", "3", "1", "6.0", "264.0"],
        ["registration of a company", "1", "0", "36.0", "36.0"],
        ["change of company data", "0", "0", "—", "—"],
        ["deactivation of a company", "0", "0", "—", "—"],
    ]
    assert svg_values(r.text, "chart-decisions") == {
        (0, 0): "6.0", (0, 1): "36.0", (0, 2): "0.0", (0, 3): "0.0",
        (1, 0): "264.0", (1, 1): "36.0", (1, 2): "0.0", (1, 3): "0.0"}
    issued = table(r.text, "table-issued")
    assert issued == [["Figure", "Count"], ["EORI numbers issued", "1"],
                      ["Certificates issued", "2"], ["Certificates revoked", "1"]]
    assert svg_values(r.text, "chart-issued") == {(0, 0): "1", (0, 1): "2", (0, 2): "1"}
    # Polish words too
    pl = c.get("/skr/reports/registrations?lang=pl&" + PERIOD)
    assert pl.status_code == 200
    assert "Wnioski według urzędu i rodzaju" in pl.text
    assert table(pl.text, "table-issued")[1][0] == "Nadane numery EORI"


def test_registrations_csv_and_print(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/registrations.csv?" + PERIOD + "&part=offices")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert r.headers["Content-Disposition"] == (
        'attachment; filename="registrations-offices-2020-03-01-2020-03-31.csv"')
    assert not r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8"))))
    tag = seeded["tag"]
    assert rows == [["Office"] + KINDS,
                    ["%s1 · Office one" % tag, "3", "1", "0", "0"],
                    ["%s2 · Office two" % tag, "1", "0", "0", "0"]]
    d = c.get("/skr/reports/registrations.csv?" + PERIOD + "&part=decisions")
    assert list(csv.reader(io.StringIO(d.text)))[1:3] == [
        ["registration of a person", "3", "1", "6.0", "264.0"],
        ["registration of a company", "1", "0", "36.0", "36.0"]]
    i = c.get("/skr/reports/registrations.csv?" + PERIOD + "&part=issued")
    assert list(csv.reader(io.StringIO(i.text))) == [
        ["EORI numbers issued", "Certificates issued", "Certificates revoked"], ["1", "2", "1"]]
    p = c.get("/skr/reports/registrations?" + PERIOD + "&view=print")
    assert p.status_code == 200
    assert '<form method="get" action="/skr/reports/registrations"' not in p.text
    assert table(p.text, "table-offices")[1][-1] == "4"


def test_registrations_bad_filters_are_422_beside_the_field(stack, seeded):
    c = staff_client(stack, seeded["login"])
    r = c.get("/skr/reports/registrations?from=2020-13-01&to=2020-03-31")
    assert r.status_code == 422 and field_error(r.text, "from")
    r = c.get("/skr/reports/registrations?from=2020-03-31&to=2020-03-01")
    assert r.status_code == 422
    assert field_error(r.text, "to") == "The end of the period must not be before its start"
    r = c.get("/skr/reports/registrations?from=2020-01-01&to=2020-03-01&by=hour")
    assert r.status_code == 422
    assert field_error(r.text, "to") == "By hour, a period of at most 31 days"
    r = c.get("/skr/reports/registrations?" + PERIOD + "&crossing=NOPE")
    assert r.status_code == 422
    assert field_error(r.text, "crossing") == "No crossing has this code"
    r = c.get("/skr/reports/registrations.csv?" + PERIOD + "&part=everything")
    assert r.status_code == 422
    r = c.get("/skr/reports/registrations?lang=pl&from=2020-03-31&to=2020-03-01")
    assert r.status_code == 422 and field_error(r.text, "to")


def test_registrations_scope_and_roles(stack, seeded):
    c = staff_client(stack, seeded["login"])
    # a crossing run by another unit: 403 in words
    r = c.get("/skr/reports/registrations?" + PERIOD + "&crossing=GRZ")
    assert r.status_code == 403
    assert "This crossing is not run by your unit" in html.unescape(r.text)
    # a crossing officer has no registrations report
    _, login = sql_admin(stack, seeded["chamber"], roles=("crossing",))
    assert staff_client(stack, login).get(
        "/skr/reports/registrations?" + PERIOD).status_code == 403
    # a portal user is sent to the intranet's sign-in
    p = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    r = p.get("/skr/reports/registrations")
    assert r.status_code == 303 and "/skr/signin" in r.headers["Location"]


def test_registrations_by_period_exact(stack, seeded):
    """Applications per period (by week here) and kind, per period and
    office, and the time to decision per period of the decision: the same
    seeded March, each application in its Warsaw day."""
    c = staff_client(stack, seeded["login"])
    tag = seeded["tag"]
    r = c.get("/skr/reports/registrations?lang=en&from=2020-03-01&to=2020-03-31&by=week")
    assert r.status_code == 200, r.text[:300]
    periods = table(r.text, "table-periods")
    assert periods == [
        ["Week from (Monday)"] + KINDS + ["Total"],
        ["2020-02-24", "1", "0", "0", "0", "1"],  # 1 March 00:30 local (29 Feb UTC)
        ["2020-03-02", "2", "1", "0", "0", "3"],
        ["2020-03-09", "1", "0", "0", "0", "1"],
        ["2020-03-16", "0", "0", "0", "0", "0"],
        ["2020-03-23", "0", "0", "0", "0", "0"],
        ["2020-03-30", "0", "0", "0", "0", "0"],  # 1 April 00:30 local is not March
    ]
    assert svg_values(r.text, "chart-periods") == {
        (k, i): periods[1 + i][1 + k] for k in range(4) for i in range(6)}
    assert table(r.text, "table-period-offices")[:4] == [
        ["Week from (Monday)", "%s1 · Office one" % tag, "%s2 · Office two" % tag],
        ["2020-02-24", "1", "0"], ["2020-03-02", "3", "0"], ["2020-03-09", "0", "1"]]
    # decided: week of 2 March 264 h (2 March 01:00 local), 2 h, 24 h, 36 h;
    # week of 9 March 6 h
    assert table(r.text, "table-period-decisions")[1:4] == [
        ["2020-02-24", "0", "—", "—"], ["2020-03-02", "4", "24.0", "264.0"],
        ["2020-03-09", "1", "6.0", "6.0"]]
    assert svg_values(r.text, "chart-period-decisions")[(1, 1)] == "264.0"
    d = c.get("/skr/reports/registrations?from=2020-03-01&to=2020-03-05&by=day")
    assert table(d.text, "table-periods")[1:] == [
        ["2020-03-01", "1", "0", "0", "0", "1"], ["2020-03-02", "0", "0", "0", "0", "0"],
        ["2020-03-03", "2", "0", "0", "0", "2"], ["2020-03-04", "0", "0", "0", "0", "0"],
        ["2020-03-05", "0", "1", "0", "0", "1"]]
    s = c.get("/skr/reports/registrations.csv?from=2020-03-01&to=2020-03-31&by=week&part=periods")
    assert s.status_code == 200
    assert s.headers["Content-Disposition"] == (
        'attachment; filename="registrations-periods-2020-03-01-2020-03-31.csv"')
    assert list(csv.reader(io.StringIO(s.content.decode("utf-8")))) == [
        ["Period", "Office"] + KINDS,
        ["2020-02-24", "%s1 · Office one" % tag, "1", "0", "0", "0"],
        ["2020-03-02", "%s1 · Office one" % tag, "2", "1", "0", "0"],
        ["2020-03-09", "%s2 · Office two" % tag, "1", "0", "0", "0"]]
    pl = c.get("/skr/reports/registrations?lang=pl&from=2020-03-01&to=2020-03-31&by=month")
    assert "Wnioski według okresu i rodzaju" in pl.text
    assert table(pl.text, "table-periods")[1][1:] == ["4", "1", "0", "0", "5"]
