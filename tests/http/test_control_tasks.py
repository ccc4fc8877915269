"""test_control_tasks.py: a yellow or red decision opens a control task at
its crossing; the crossing's officers record the outcome (with a category
or the service that took over) and notes, each an appended step with who
and when; bad input is 422 beside the field with nothing changed; other
units' officers get 404, other roles 403, portal users the sign-in."""
import re
import uuid
import xml.etree.ElementTree as ET

import pytest

import ingest_lib as L
from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client


def set_rate(stack, crossing, lane_kind, per_mille, colour="yellow"):
    stack.sql("REPLACE INTO risk_rate (crossing, lane_kind, per_mille, colour)"
              " VALUES (?, ?, ?, ?)", crossing, lane_kind, per_mille, colour)


def new_task(stack, colour="yellow"):
    """A plate at Grzechotki's car lane, chosen by a 1000 per mille draw:
    returns (task id, decision id, plate)."""
    before = stack.sql("SELECT per_mille, colour FROM risk_rate"
                       " WHERE crossing = 'GRZ' AND lane_kind = 'car'")
    set_rate(stack, "GRZ", "car", 1000, colour)
    try:
        p = "CT" + uuid.uuid4().hex[:6].upper().replace("O", "P").replace("I", "J")
        code = "GRZ-ANPR-C1"
        r = L.post(stack.base, code, L.doc(L.event(code, "GRZ", "C1", L.plate(p))))
        a = ET.fromstring(r.content).find("{%s}event" % L.NS).attrib
        assert a["decision"] == colour
        dec = stack.scalar("SELECT id FROM risk_decision WHERE event_id = ?", int(a["id"]))
        return int(a["task"]), int(dec), p
    finally:
        if before:
            set_rate(stack, "GRZ", "car", *before[0])
        else:
            stack.sql("DELETE FROM risk_rate WHERE crossing = 'GRZ' AND lane_kind = 'car'")


def snapshot(stack, task):
    return (stack.sql("SELECT state, outcome, category, closed_at FROM control_task"
                      " WHERE id = ?", task),
            stack.sql("SELECT id, step, staff_id, outcome, category, notes FROM control_step"
                      " WHERE task_id = ? ORDER BY id", task))


@pytest.fixture(scope="module")
def grz(stack):
    return staff_client(stack, "grzechotki")


def test_outcome_flow_appends_steps(stack, grz):
    task, dec, plate = new_task(stack)
    page = grz.get("/skr/control")
    assert page.status_code == 200 and 'data-id="%d"' % task in page.text
    assert plate in page.text
    page = grz.get("/skr/control/%d" % task)
    assert page.status_code == 200
    assert 'id="why-random"' in page.text and 'id="close-form"' in page.text
    assert 'data-decision="yellow"' in page.text
    r = grz.post("/skr/control/%d/note" % task, {"notes": "Driver asked to open the trailer"})
    assert r.status_code == 303 and r.headers["Location"] == "/skr/control/%d" % task
    r = grz.post("/skr/control/%d/close" % task,
                 {"outcome": "irregularity", "category": "excise_goods",
                  "notes": "200 cartons of cigarettes"})
    assert r.status_code == 303 and r.headers["Location"] == "/skr/control/%d" % task
    state, steps = snapshot(stack, task)
    assert state[0][:3] == ["closed", "irregularity", "excise_goods"]
    gid = stack.scalar("SELECT id FROM staff WHERE login = 'grzechotki'")
    assert [s[1:] for s in steps] == [
        ["open", "NULL", "NULL", "NULL", "NULL"],
        ["note", gid, "NULL", "NULL", "Driver asked to open the trailer"],
        ["closed", gid, "irregularity", "excise_goods", "200 cartons of cigarettes"]]
    page = grz.get("/skr/control/%d" % task)
    assert 'id="close-form"' not in page.text and "200 cartons of cigarettes" in page.text
    # Closed once: a second outcome is refused and changes nothing.
    before = snapshot(stack, task)
    r = grz.post("/skr/control/%d/close" % task, {"outcome": "no_irregularity"})
    assert r.status_code == 409
    assert snapshot(stack, task) == before
    assert 'data-id="%d"' % task not in grz.get("/skr/control").text
    assert 'data-id="%d"' % task in grz.get("/skr/control?all=1").text


def test_steps_are_append_only(stack, grz):
    task, _, _ = new_task(stack)
    for q in ("UPDATE control_step SET notes = 'x' WHERE task_id = ?",
              "DELETE FROM control_step WHERE task_id = ?"):
        with pytest.raises(Exception):
            stack.sql(q, task)
    assert stack.count("control_step", "task_id = ?", task) == 1


@pytest.mark.parametrize("data,field,message", [
    ({}, "outcome", "This field is required"),
    ({"outcome": "lost"}, "outcome", "Choose the outcome"),
    ({"outcome": "irregularity"}, "category", "Choose what was found"),
    ({"outcome": "seizure", "category": "police"}, "category", "Choose what was found"),
    ({"outcome": "handed_over", "category": "excise_goods"}, "category", "Choose what was found"),
    ({"outcome": "no_irregularity", "category": "value"}, "category",
     "No irregularity names no category"),
])
def test_bad_outcome_is_422_beside_the_field(stack, grz, data, field, message):
    task, _, _ = new_task(stack)
    grz.get("/skr/control/%d" % task)
    before = snapshot(stack, task)
    r = grz.post("/skr/control/%d/close" % task, data)
    assert r.status_code == 422
    assert message in field_error(r.text, field)
    assert snapshot(stack, task) == before


def test_empty_note_is_422(stack, grz):
    task, _, _ = new_task(stack)
    grz.get("/skr/control/%d" % task)
    before = snapshot(stack, task)
    r = grz.post("/skr/control/%d/note" % task, {"notes": ""})
    assert r.status_code == 422 and field_error(r.text, "notes")
    assert snapshot(stack, task) == before


def test_handed_over_names_the_service(stack, grz):
    task, _, _ = new_task(stack, "red")
    grz.get("/skr/control/%d" % task)
    r = grz.post("/skr/control/%d/close" % task,
                 {"outcome": "handed_over", "category": "border_guard"})
    assert r.status_code == 303
    assert snapshot(stack, task)[0][0][:3] == ["closed", "handed_over", "border_guard"]


def routes(task, dec):
    return [("GET", "/skr/control"), ("GET", "/skr/control/%d" % task),
            ("POST", "/skr/control/%d/close" % task), ("POST", "/skr/control/%d/note" % task),
            ("GET", "/skr/control/decisions/%d" % dec)]


def call(c, method, path):
    if method == "GET":
        return c.get(path)
    c.get("/skr/")      # a CSRF token of this session
    return c.post(path, {"outcome": "no_irregularity", "notes": "x"})


def test_other_units_officer_gets_404_and_changes_nothing(stack):
    task, dec, plate = new_task(stack)
    kor = staff_client(stack, "koroszczyn")
    before = snapshot(stack, task)
    assert 'data-id="%d"' % task not in kor.get("/skr/control").text
    for method, path in routes(task, dec)[1:]:
        assert call(kor, method, path).status_code == 404, path
    assert snapshot(stack, task) == before


@pytest.mark.parametrize("login", ["rejestracja", "flota", "audytor"])
def test_other_roles_get_403_per_route(stack, login):
    task, dec, _ = new_task(stack)
    c = staff_client(stack, login)
    before = snapshot(stack, task)
    for method, path in routes(task, dec):
        assert call(c, method, path).status_code == 403, (login, path)
    assert snapshot(stack, task) == before


def test_analyst_reads_the_decision_but_not_the_tasks(stack):
    task, dec, plate = new_task(stack)
    c = staff_client(stack, "analityk")
    r = c.get("/skr/control/decisions/%d" % dec)
    assert r.status_code == 200 and plate in r.text and 'id="why-random"' in r.text
    for method, path in routes(task, dec)[:4]:
        assert call(c, method, path).status_code == 403, path


def test_portal_user_is_sent_to_the_staff_signin(stack):
    task, dec, _ = new_task(stack)
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    before = snapshot(stack, task)
    for method, path in routes(task, dec):
        if method == "GET":
            r = anna.get(path)
            assert r.status_code == 303 and r.headers["Location"] == "/skr/signin?next=" + path
        else:
            assert anna.post(path, {"outcome": "no_irregularity"}, csrf=False).status_code == 401
    assert snapshot(stack, task) == before


def test_outcomes_feed_the_random_baseline(stack, grz):
    """A closed task's outcome goes back to its decision; the analysts'
    start page shows random selection's hit rate per crossing."""
    t1, d1, _ = new_task(stack)
    t2, d2, _ = new_task(stack)
    grz.get("/skr/control/%d" % t1)     # the form, as an officer opens it
    r = grz.post("/skr/control/%d/close" % t1, {"outcome": "seizure", "category": "excise_goods"})
    assert r.status_code == 303, (r.status_code, r.text[:300])
    r = grz.post("/skr/control/%d/close" % t2, {"outcome": "no_irregularity"})
    assert r.status_code == 303, r.status_code
    assert stack.sql("SELECT id, outcome FROM risk_decision WHERE id IN (?, ?) ORDER BY id",
                     d1, d2) == [[str(d1), "seizure"], [str(d2), "no_irregularity"]]
    sel, ctl, irr = (int(x) for x in stack.sql(
        "SELECT COUNT(*), SUM(outcome IS NOT NULL),"
        " SUM(outcome IN ('irregularity', 'seizure')) FROM risk_decision"
        " WHERE random = 1 AND crossing = 'GRZ'"
        " AND created_at >= UTC_TIMESTAMP() - INTERVAL 90 DAY")[0])
    page = staff_client(stack, "analityk").get("/skr/risk").text
    row = re.search(r'<tr data-crossing="GRZ">(.*?)</tr>', page, re.S).group(1)
    assert '<td class="selections">%d</td>' % sel in row
    assert '<td class="controls">%d</td>' % ctl in row
    assert '<td class="irregular">%d</td>' % irr in row
    assert '<td class="hit-rate">%.1f %%</td>' % (100.0 * irr / ctl) in row
