"""test_report_cache.py: the reports' pages and CSV kept by each worker
(cgi-bin/report/cache.c over lib/pagecache; docs/reports.md, "Kept for
half a minute"): a second reading is served from the copy (Age header)
with the same figures and the page says as of when; the copy is the
unit's: an officer of another unit asking the same URL gets his own 403
or his own crossings, never the copy; the frame around a kept page is the
reader's (his own CSRF token); a new event shows once the TTL (2 s on
the test stack, conftest.py) ran out; the start page's week charts are
kept the same way."""
import html
import re
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import ingest_lib as L
from test_report_traffic import NAME, new_crossing, new_device, post, table, utc_iso
from zsog import staff_client

WAW = ZoneInfo("Europe/Warsaw")
TTL = 2  # --report-cache-seconds of the test stack (conftest.py)


@pytest.fixture(scope="module")
def seeded(stack):
    """Two events three days ago at a crossing of unit 12's own."""
    code = new_crossing(stack)
    dev = new_device(stack, code, "T1", "truck")
    d = datetime.now(WAW).date() - timedelta(days=3)
    post(stack, dev, code, "T1", [
        (utc_iso(d, 10, 15), "entry", L.plate("WA 20001", "PL")),
        (utc_iso(d, 11, 15), "exit", L.plate("WA 20002", "PL")),
    ])
    return {"code": code, "dev": dev, "d": d}


def url(code, d, csv=False):
    return "/skr/reports/traffic%s?from=%s&to=%s&by=day&crossing=%s" % (
        ".csv" if csv else "", d, d, code)


def until_kept(c, path, tries=40):
    """Asks path until a worker answers from its copy (an Age header);
    every answer is returned, the kept one last."""
    seen = []
    for _ in range(tries):
        r = c.get(path)
        seen.append(r)
        if "Age" in r.headers:
            return seen
    raise AssertionError("never served from a copy: %s" % path)


def csrf_of(text):
    m = re.search(r'name="csrf" value="([^"]+)"', text)
    return m.group(1) if m else None


def test_second_reading_is_the_kept_copy_with_its_time(stack, seeded):
    c = staff_client(stack, "grzechotki")
    code, d = seeded["code"], seeded["d"]
    seen = until_kept(c, url(code, d) + "&kept=1")
    kept = seen[-1]
    assert kept.status_code == 200
    assert table(kept.text, "table-time") == [[str(d), "2", "2"]]
    assert 0 <= int(kept.headers["Age"]) <= TTL
    # the figures' time in words, Warsaw time, minutes
    m = re.search(r'<p id="as-of" class="muted">Figures as of (\d\d:\d\d) \(local time\)</p>',
                  kept.text)
    assert m, kept.text[:2000]
    now = datetime.now(WAW)
    assert m.group(1) in {(now - timedelta(minutes=k)).strftime("%H:%M") for k in range(3)}
    # the kept copy is byte for byte the first answer's content
    first = seen[0].text
    assert kept.text.split('<main', 1)[1] == first.split('<main', 1)[1]
    # the CSV too, with its attachment name
    seen = until_kept(c, url(code, d, csv=True))
    kept = seen[-1]
    assert kept.status_code == 200
    assert kept.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert kept.headers["Content-Disposition"] == \
        'attachment; filename="traffic-%s-%s.csv"' % (d, d)
    assert "Set-Cookie" not in kept.headers
    assert kept.content == seen[0].content
    # HEAD from the copy: the headers, no body
    h = c.http.head(stack.base + url(code, d, csv=True))
    assert h.status_code == 200 and h.content == b""
    assert h.headers["Content-Disposition"] == kept.headers["Content-Disposition"]


def test_another_unit_never_gets_the_copy(stack, seeded):
    code, d = seeded["code"], seeded["d"]
    mine = staff_client(stack, "grzechotki")          # unit 12 runs it
    until_kept(mine, url(code, d))
    until_kept(mine, url(code, d, csv=True))
    until_kept(mine, "/skr/reports/traffic?dim=crossing")
    other = staff_client(stack, "koroszczyn")         # unit 22
    for _ in range(12):                               # every worker
        r = other.get(url(code, d))
        assert r.status_code == 403
        assert "This crossing is not run by your unit" in html.unescape(r.text)
        assert "Age" not in r.headers
        assert 'id="table-time"' not in r.text
        r = other.get(url(code, d, csv=True))
        assert r.status_code == 403
        assert "Age" not in r.headers
        # the same URL as the one kept for unit 12: koroszczyn's crossings
        r = other.get("/skr/reports/traffic?dim=crossing")
        assert r.status_code == 200
        assert html.escape(NAME, quote=False) not in r.text


def test_the_frame_is_the_readers_own(stack, seeded):
    code, d = seeded["code"], seeded["d"]
    a = staff_client(stack, "grzechotki")
    b = staff_client(stack, "grzechotki")             # another session
    first = until_kept(a, url(code, d) + "&frame=1")[-1]
    kept = until_kept(b, url(code, d) + "&frame=1")[-1]
    ta, tb = csrf_of(first.text), csrf_of(kept.text)
    assert ta and tb and ta != tb
    assert ta not in kept.text
    # b's token works: the sign-out form of the kept page signs b out
    r = b.http.post(stack.base + "/skr/signout", data={"csrf": tb},
                    allow_redirects=False)
    assert r.status_code == 303
    assert a.get(url(code, d)).status_code == 200     # a still signed in


def test_a_new_event_shows_after_the_ttl(stack, seeded):
    c = staff_client(stack, "grzechotki")
    code, dev, d = seeded["code"], seeded["dev"], seeded["d"]
    path = url(code, d) + "&ttl=1"
    before = until_kept(c, path)[-1]
    assert table(before.text, "table-time") == [[str(d), "2", "2"]]
    # through the ingest path: no counter is bumped, the TTL ends the copy
    post(stack, dev, code, "T1", [(utc_iso(d, 12, 0), "entry", L.plate("WA 20003", "PL"))])
    time.sleep(TTL + 0.5)
    for _ in range(6):                                # whichever worker
        r = c.get(path)
        assert r.status_code == 200
        assert table(r.text, "table-time") == [[str(d), "3", "3"]]
    r = c.get(url(code, d, csv=True) + "&ttl=1")
    assert r.text.splitlines()[1] == "%s,3,3" % d


def week_tasks_today(page):
    """The control tasks opened today in the start page's week chart:
    the sum of its table's last row."""
    m = re.search(r'<figure class="week-chart" id="week-tasks-fig">(.*?)</figure>', page, re.S)
    assert m, page[:3000]
    rows = re.findall(r'<tr><th scope="row">[^<]*</th>(.*?)</tr>', m.group(1), re.S)
    return sum(int(v) for v in re.findall(r'<td class="num">(\d+)</td>', rows[-1]))


def test_week_charts_kept_for_the_unit(stack, seeded):
    mine, other = staff_client(stack, "grzechotki"), staff_client(stack, "koroszczyn")
    t12, t22 = week_tasks_today(mine.get("/skr/").text), week_tasks_today(other.get("/skr/").text)
    today = datetime.now(WAW).strftime("%Y-%m-%d")
    stack.sql("INSERT INTO report_decision_day (crossing, day, lane_kind, colour, random, slot, n)"
              " VALUES (?, ?, 'truck', 'yellow', 0, 0, 5)", seeded["code"], today)
    for _ in range(12):                               # every worker keeps 12's
        r = mine.get("/skr/")
        assert week_tasks_today(r.text) == t12 + 5
        assert re.search(r'<p class="muted" id="week-as-of">As of \d\d:\d\d'
                         r' \(local time\)</p>', r.text)
    for _ in range(12):
        r = other.get("/skr/")
        assert r.status_code == 200
        assert week_tasks_today(r.text) == t22
