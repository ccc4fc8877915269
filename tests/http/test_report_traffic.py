"""test_report_traffic.py: the traffic report (docs/reports.md) end to end:
events sent through the ingest path at known times land in the rollups
and come out of /skr/reports/traffic as exact numbers, the same in the
table, in the SVG (well-formed by xmllint) and in the CSV (exact bytes,
a crossing name made harmless against formula injection); months read
whole from the month rows and their ragged ends from the day rows; every
bad filter is a 422 with its message beside the field in both languages;
a crossing outside the officer's unit is a 403 in words, the Ministry
sees every one; the print view has no menu."""
import html
import random
import re
import subprocess
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import ingest_lib as L
from zsog import field_error, staff_client

WAW = ZoneInfo("Europe/Warsaw")
NAME = '=Test "Lane", A'       # formula lead, quote and comma


def new_crossing(stack, unit=12):
    """A crossing of its own run by unit (12: grzechotki's branch)."""
    cid = random.randrange(10**6, 10**9)
    code = "T" + "".join(random.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(6))
    stack.sql("INSERT INTO crossing (id, code, name_pl, name_en, to_country, unit_id)"
              " VALUES (?, ?, ?, ?, 'UA', ?)", cid, code, NAME, NAME, unit)
    return code


def new_device(stack, crossing, lane, lane_kind):
    code = ("%s-%s-%d" % (crossing, lane, random.randrange(10**6)))[:24]
    stack.sql("INSERT INTO device (code, crossing, lane, lane_kind, device_kind,"
              " secret, heartbeat_seconds, created_at) VALUES (?, ?, ?, ?, 'anpr', ?, 60,"
              " UTC_TIMESTAMP())", code, crossing, lane, lane_kind, L.secret(code))
    return code


def utc_iso(day, hh, mm):
    t = datetime(day.year, day.month, day.day, hh, mm, tzinfo=WAW).astimezone(timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def post(stack, dev, crossing, lane, events):
    r = L.post(stack.base, dev, L.doc([L.event(dev, crossing, lane, body, t=t, direction=d)
                                       for t, d, body in events]))
    assert r.status_code == 200, r.text[:300]
    assert [o for _, o, _ in L.outcomes(r)] == ["accepted"] * len(events)


@pytest.fixture(scope="module")
def seeded(stack):
    """Six traffic events and a heartbeat on two days three and two days
    ago (Warsaw), at a crossing of the test's own."""
    code = new_crossing(stack)
    truck, car = new_device(stack, code, "T1", "truck"), new_device(stack, code, "C1", "car")
    d = datetime.now(WAW).date() - timedelta(days=3)
    e = d + timedelta(days=1)
    post(stack, truck, code, "T1", [
        (utc_iso(d, 10, 15), "entry", L.plate("WA 10001", "PL")),
        (utc_iso(d, 10, 40), "entry", L.plate("B XY 1", "DE")),
        (utc_iso(d, 11, 5), "exit", L.plate("AA 1234 BB", "UA")),
        (utc_iso(d, 11, 10), "exit", '<weight kg="12000"/>'),
    ])
    post(stack, car, code, "C1", [
        (utc_iso(e, 9, 0), "entry", L.plate("M AB 2", "DE")),
        (utc_iso(e, 9, 30), "entry", '<plate confidence="0.900">ZZ 9</plate>'),
        (utc_iso(e, 9, 45), "entry", "<heartbeat/>"),
    ])
    return {"code": code, "d": d, "e": e}


def page(c, **q):
    q.setdefault("lang", "en")
    return c.get("/skr/reports/traffic?" + "&".join("%s=%s" % kv for kv in q.items()))


def table(text, tid):
    """[[cell text]] of the body rows of table tid."""
    m = re.search(r'<table id="%s".*?<tbody>(.*?)</tbody>' % tid, text, re.S)
    assert m, tid
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", m.group(1), re.S)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
             for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)] for r in rows]


def svgs(text):
    return re.findall(r"<svg .*?</svg>", text, re.S)


def svg_values(svg):
    """{(series, category): value} of an SVG's drawn values."""
    return {(int(s), int(c)): v for s, c, v in
            re.findall(r'data-s="(\d+)" data-c="(\d+)" data-v="([^"]*)"', svg)}


def xmllint_ok(svg):
    p = subprocess.run(["xmllint", "--noout", "-"], input=svg.encode(),
                       capture_output=True)
    return p.returncode == 0, p.stderr.decode()


def test_events_by_day_exact_in_table_svg_and_csv(stack, seeded):
    c = staff_client(stack, "grzechotki")
    d, e, code = seeded["d"], seeded["e"], seeded["code"]
    r = page(c, **{"from": d, "to": e, "crossing": code, "by": "day"})
    assert r.status_code == 200, r.text[:500]
    assert table(r.text, "table-time") == [[str(d), "4", "4"], [str(e), "2", "2"]]
    charts = svgs(r.text)
    assert len(charts) == 3                 # time, heat map, countries
    for svg in charts:
        ok, err = xmllint_ok(svg)
        assert ok, err
        assert 'role="img"' in svg and "<title" in svg and "<desc>" in svg
    # the bars carry the table's numbers
    assert svg_values(charts[0]) == {(0, 0): "4", (0, 1): "2"}
    # objects: the weighing identified nothing
    r = page(c, **{"from": d, "to": e, "crossing": code, "measure": "objects"})
    assert table(r.text, "table-time") == [[str(d), "3", "3"], [str(e), "2", "2"]]


def test_split_by_lane_kind_and_direction(stack, seeded):
    c = staff_client(stack, "grzechotki")
    d, e, code = seeded["d"], seeded["e"], seeded["code"]
    r = page(c, **{"from": d, "to": e, "crossing": code, "dim": "lane_kind"})
    head = re.search(r'<table id="table-time".*?<thead>(.*?)</thead>', r.text, re.S).group(1)
    assert re.findall(r'<th scope="col">(.*?)</th>', head) == [
        "Day", "passenger cars", "trucks", "Total"]
    assert table(r.text, "table-time") == [[str(d), "0", "4", "4"], [str(e), "2", "0", "2"]]
    assert svg_values(svgs(r.text)[0]) == {(0, 0): "0", (0, 1): "2", (1, 0): "4", (1, 1): "0"}
    r = page(c, **{"from": d, "to": e, "crossing": code, "dim": "dir", "lang": "pl"})
    assert "<th scope=\"col\">wjazd</th>" in r.text and "<th scope=\"col\">wyjazd</th>" in r.text
    assert table(r.text, "table-time") == [[str(d), "2", "2", "4"], [str(e), "2", "0", "2"]]


def test_by_hour_heat_map_and_countries(stack, seeded):
    c = staff_client(stack, "grzechotki")
    d, e, code = seeded["d"], seeded["e"], seeded["code"]
    r = page(c, **{"from": d, "to": e, "crossing": code, "by": "hour"})
    rows = table(r.text, "table-time")
    # every local hour of the two days (a DST day has 23 or 25)
    nhours = int((datetime(e.year, e.month, e.day, tzinfo=WAW) + timedelta(days=1)
                  - datetime(d.year, d.month, d.day, tzinfo=WAW)).total_seconds() // 3600)
    assert len(rows) == nhours
    got = {row[0]: row[1] for row in rows if row[1] != "0"}
    assert got == {"%s 10:00" % d: "2", "%s 11:00" % d: "2", "%s 09:00" % e: "2"}
    # heat map: weekday rows, hour columns (the months the days touch)
    heat = table(r.text, "table-heat")
    assert len(heat) == 7 and all(len(row) == 25 for row in heat)
    want = {(d.isoweekday(), 10): "2", (d.isoweekday(), 11): "2", (e.isoweekday(), 9): "2"}
    got = {(wd + 1, h): v for wd, row in enumerate(heat) for h, v in enumerate(row[1:]) if v != "0"}
    assert got == want
    assert {(s + 1, h): v for (s, h), v in svg_values(svgs(r.text)[1]).items() if v != "0"} == want
    # countries: five plate reads
    assert table(r.text, "table-countries") == [
        ["Germany", "2", "40.0"], ["not read", "1", "20.0"], ["Poland", "1", "20.0"],
        ["Ukraine", "1", "20.0"]]
    # the chart: foreign countries only, their shares
    assert svg_values(svgs(r.text)[2]) == {(0, 0): "40.0", (0, 1): "20.0"}
    assert "<text" in svgs(r.text)[2] and ">Germany<" in svgs(r.text)[2]


def test_csv_exact_bytes_with_an_injection_prone_name(stack, seeded):
    c = staff_client(stack, "grzechotki")
    d, e, code = seeded["d"], seeded["e"], seeded["code"]
    r = c.get("/skr/reports/traffic.csv?from=%s&to=%s&crossing=%s&dim=crossing&lang=en"
              % (d, e, code))
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert r.headers["Content-Disposition"] == \
        'attachment; filename="traffic-%s-%s.csv"' % (d, e)
    assert r.content == ('period,"\'=Test ""Lane"", A",Total\r\n'
                         "%s,4,4\r\n%s,2,2\r\n" % (d, e)).encode()
    # the page's link carries the same filters
    p = page(c, **{"from": d, "to": e, "crossing": code, "dim": "crossing"})
    link = html.unescape(re.search(r'id="csv-link" href="([^"]+)"', p.text).group(1))
    assert c.get(link).content == r.content


def test_compare_with_the_period_before(stack, seeded):
    c = staff_client(stack, "grzechotki")
    d, e, code = seeded["d"], seeded["e"], seeded["code"]
    # the two days after, compared with the two seeded days
    r = page(c, **{"from": e + timedelta(days=1), "to": e + timedelta(days=2),
                   "crossing": code, "compare": "previous"})
    assert r.status_code == 200
    assert table(r.text, "table-time") == [
        [str(e + timedelta(days=1)), "0", "0", str(d), "4"],
        [str(e + timedelta(days=2)), "0", "0", str(e), "2"]]
    cmp = svgs(r.text)[1]
    assert xmllint_ok(cmp)[0]
    assert svg_values(cmp) == {(0, 0): "0", (0, 1): "0", (1, 0): "4", (1, 1): "2"}


def test_month_reads_whole_months_and_day_rows_at_the_ends(stack):
    """Rollup rows written directly (an old period the ingest path
    refuses): by month, January 20–31 and March 1–5 come from the day rows
    (the month rows, made wrong on purpose, are not read for them),
    February whole from its month row; a year earlier beside it."""
    code = new_crossing(stack)
    cols = "(crossing, %s, lane_kind, dir, kind, events, objects, foreign_plates, doubtful)"
    for day, n in (("2025-01-19", 1000), ("2025-01-20", 3), ("2025-01-31", 4),
                   ("2025-02-10", 7), ("2025-03-05", 5), ("2025-03-06", 1000),
                   ("2024-01-25", 11), ("2024-03-01", 13)):
        stack.sql("INSERT INTO report_traffic_day " + cols % "day" +
                  " VALUES (?, ?, 'truck', 'entry', 'plate', ?, ?, 0, 0)", code, day, n, n)
    for month, n in (("2025-01-01", 999), ("2025-02-01", 20), ("2025-03-01", 999),
                     ("2024-02-01", 17)):
        stack.sql("INSERT INTO report_traffic_month " + cols % "month" +
                  " VALUES (?, ?, 'truck', 'entry', 'plate', ?, ?, 0, 0)", code, month, n, n)
    c = staff_client(stack, "audytor")      # the Ministry sees every crossing
    r = page(c, **{"from": "2025-01-20", "to": "2025-03-05", "by": "month",
                   "crossing": code, "compare": "year"})
    assert r.status_code == 200, r.text[:300]
    assert table(r.text, "table-time") == [
        ["2025-01", "7", "7", "2024-01", "11"],
        ["2025-02", "20", "20", "2024-02", "17"],
        ["2025-03", "5", "5", "2024-03", "13"]]
    # by week: Monday-based weeks, the period's days only
    r = page(c, **{"from": "2025-01-20", "to": "2025-02-02", "by": "week", "crossing": code})
    assert table(r.text, "table-time") == [["2025-01-20", "3", "3"], ["2025-01-27", "4", "4"]]


BAD = [
    ({"from": "2026-02-30"}, "from", "Enter a real date as YYYY-MM-DD"),
    ({"to": "yesterday"}, "to", "Enter a real date as YYYY-MM-DD"),
    ({"from": "2026-03-10", "to": "2026-03-09"}, "to",
     "The end of the period must not be before its start"),
    ({"from": "2026-01-01", "to": "2026-02-01", "by": "hour"}, "to",
     "By hour, a period of at most 31 days"),
    ({"from": "2025-01-01", "to": "2026-01-02", "by": "day"}, "to",
     "By day, a period of at most 366 days"),
    ({"from": "2021-01-01", "to": "2024-01-02", "by": "week"}, "to",
     "By week, a period of at most 3 years"),
    ({"from": "2015-01-01", "to": "2026-01-01", "by": "month"}, "to",
     "By month, a period of at most 10 years"),
    ({"by": "decade"}, "by", "Choose one of the options in the list"),
    ({"compare": "never"}, "compare", "Choose one of the options in the list"),
    ({"dim": "colour"}, "dim", "Choose one of the options in the list"),
    ({"measure": "weight"}, "measure", "Choose one of the options in the list"),
    ({"crossing": "NOPE"}, "crossing", "No crossing has this code"),
]


@pytest.mark.parametrize("q,field,msg", BAD)
def test_bad_filter_is_422_beside_the_field(stack, q, field, msg):
    c = staff_client(stack, "grzechotki")
    r = page(c, **q)
    assert r.status_code == 422
    assert field_error(r.text, field) == msg
    assert 'id="table-time"' not in r.text
    r = c.get("/skr/reports/traffic.csv?" + "&".join("%s=%s" % kv for kv in q.items()))
    assert r.status_code == 422
    assert "text/csv" not in r.headers["Content-Type"]


def test_bad_filter_in_polish(stack):
    c = staff_client(stack, "grzechotki")
    r = page(c, **{"from": "2026-01-01", "to": "2026-02-01", "by": "hour", "lang": "pl"})
    assert r.status_code == 422
    assert field_error(r.text, "to") == "Godzinami najwyżej 31 dni"
    r = page(c, crossing="NOPE", lang="pl")
    assert field_error(r.text, "crossing") == "Żadne przejście nie ma takiego kodu"


def test_scope_another_units_crossing_is_403(stack, seeded):
    code = seeded["code"]                   # run by unit 12
    other = staff_client(stack, "koroszczyn")   # unit 22
    r = page(other, crossing=code)
    assert r.status_code == 403
    assert "This crossing is not run by your unit" in html.unescape(r.text)
    assert 'id="table-time"' not in r.text
    assert other.get("/skr/reports/traffic.csv?crossing=" + code).status_code == 403
    # all of koroszczyn's crossings: not this one
    r = page(other, dim="crossing")
    assert r.status_code == 200
    assert html.escape(NAME, quote=False) not in r.text
    # the Ministry's auditor and the branch's officer see it
    for login in ("audytor", "grzechotki"):
        assert page(staff_client(stack, login), crossing=code).status_code == 200


def test_roles_without_the_report_get_403(stack):
    for login in ("rejestracja", "flota"):
        r = staff_client(stack, login).get("/skr/reports/traffic")
        assert r.status_code == 403, login


def test_print_view_has_no_menu_and_no_filters(stack, seeded):
    c = staff_client(stack, "grzechotki")
    r = page(c, view="print", crossing=seeded["code"])
    assert r.status_code == 200
    # the site's name stays (the intranet's look), nothing to click away
    assert 'class="brand"' in r.text
    assert 'class="menu' not in r.text and 'class="account"' not in r.text
    assert "<form" not in r.text
    assert 'id="table-time"' in r.text and "print-view" in r.text
    full = page(c, crossing=seeded["code"])
    assert 'class="menu' in full.text and 'id="print-link"' in full.text


def test_both_languages(stack, seeded):
    c = staff_client(stack, "grzechotki")
    r = page(c, crossing=seeded["code"], lang="pl")
    assert "<h1>Ruch na przejściach</h1>" in r.text
    assert "Poniedziałek" in r.text or "poniedziałek" in r.text
    assert "Niemcy" in r.text
    r = page(c, crossing=seeded["code"], lang="en")
    assert "<h1>Traffic at the crossings</h1>" in r.text
    assert "Monday" in r.text and "Germany" in r.text


def test_only_charts_are_printed_unescaped():
    """uvar: prints without escaping: only lib/svgchart's output (which
    escapes every text itself) may go through it, and a part of a page
    ClearSilver rendered before, escaped then (Part.*: lib/view.h,
    view_render_part). The fleet's report keeps its charts under
    Fleet.Rep.Chart.* (cgi-bin/fleet/ui-reports.c, lib/svgchart too).
    Needs no stack."""
    import glob
    import os
    root = os.path.join(os.path.dirname(__file__), "..", "..", "templates")
    found = []
    for path in glob.glob(os.path.join(root, "**", "*.cs"), recursive=True):
        with open(path, encoding="utf-8") as f:
            found += re.findall(r"<\?cs\s+uvar:\s*([^ ?]+)", f.read())
    assert found and all(re.fullmatch(r"((Fleet\.Rep\.)?Chart|Part)\.[a-z]+", v) for v in found), found
