"""test_risk_scope_words.py: a profile's scope is picked, not typed: the
crossings by name and the lane kinds in words as boxes to tick; the
profile and decision pages name crossings and lane kinds in words, never
by code (tests/http/never_on_screen.txt lists the codes for the crawl)."""
import pytest
import re
import uuid

import ingest_lib as L
from test_risk_profiles import NEW, form, page
from zsog import field_error, staff_client
from conftest import private_stack


@pytest.fixture(scope="module")
def stack():
    """A stack of its own: the form lists every crossing, and other
    modules add crossings of their own."""
    with private_stack() as st:
        yield st


def boxes(html, name):
    """{value: (label, checked)} of the form's check boxes called name."""
    return {v: (" ".join(label.split()), bool(on)) for v, on, label in re.findall(
        r'<label class="check"><input type="checkbox" name="%s" value="([^"]*)"( checked)?>'
        r'\s*([^<]*)</label>' % name, html)}


def test_scope_is_ticked_by_name_and_shown_in_words(stack):
    c = staff_client(stack, "analityk")
    html = c.get(NEW).text
    assert boxes(html, "crossings") == {
        "GRZ": ("Grzechotki – Mamonovo II", False),
        "KOR": ("Kukuryki – Koroszczyn", False),
        "KUZ": ("Kuźnica – Bruzgi", False)}
    assert boxes(html, "lanes") == {
        "car": ("cars", False), "truck": ("trucks", False), "bus": ("buses", False),
        "pedestrian": ("pedestrians", False), "rail": ("rail", False),
        "terminal": ("terminal", False), "waiting_zone": ("waiting zone", False)}
    name = "t-scope-" + uuid.uuid4().hex[:8]
    r = c.post(NEW, form(name, "event.object_kind = 'plate'", crossings=["KOR", "GRZ"],
                         lanes=["truck", "waiting_zone"]))
    assert r.status_code == 303, r.text[:500]
    pid = int(re.search(r"/profiles/(\d+)", r.headers["Location"]).group(1))
    assert stack.sql("SELECT crossings, lane_kinds FROM risk_profile_version"
                     " WHERE profile_id = ?", pid) == [["KOR,GRZ", "truck,waiting_zone"]]
    html = page(c, pid)
    # the form of the next version has them ticked
    got = boxes(html, "crossings")
    assert [k for k, (_, on) in got.items() if on] == ["GRZ", "KOR"]
    assert [k for k, (_, on) in boxes(html, "lanes").items() if on] == ["truck", "waiting_zone"]
    # the versions' table says them in words
    scope = re.search(r'<tr data-no="1">.*?<td class="scope">(.*?)</td>', html, re.S).group(1)
    assert scope == "Kukuryki – Koroszczyn, Grzechotki – Mamonovo II; trucks, waiting zone"
    assert not re.search(r"\b(GRZ|KOR|KUZ|waiting_zone)\b", re.sub(r'<[^>]+>', ' ', html))


def test_a_crossing_that_does_not_exist_is_refused(stack):
    c = staff_client(stack, "analityk")
    before = stack.count("risk_profile")
    r = c.submit(NEW, NEW, form("t-scope-" + uuid.uuid4().hex[:8], "ebt.booked",
                                crossings=["GRZ", "XYZ"], lanes=["truck", "boat"]))
    assert r.status_code == 422
    assert field_error(r.text, "crossings") == "One of these is not a crossing."
    assert field_error(r.text, "lanes") == "One of these is not a lane kind."
    assert stack.count("risk_profile") == before


def test_decision_page_names_the_crossing(stack):
    code, crossing, lane = "GRZ-ANPR-WZ", "GRZ", "WZ"
    r = L.post(stack.base, code, L.doc(L.event(code, crossing, lane, L.plate(
        "SW" + uuid.uuid4().hex[:5].upper().replace("O", "P").replace("I", "J").replace("B", "C")))))
    assert r.status_code == 200
    ev = int(re.search(r' id="(\d+)"', r.text).group(1))
    dec = stack.scalar("SELECT id FROM risk_decision WHERE event_id = ?", ev)
    html = staff_client(stack, "grzechotki").get("/skr/control/decisions/%s" % dec).text
    where = re.search(r'<dd id="decision-where">(.*?)</dd>', html, re.S).group(1)
    assert where == "Grzechotki – Mamonovo II (waiting zone)"
