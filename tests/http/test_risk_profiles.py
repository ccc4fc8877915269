"""test_risk_profiles.py: risk profiles at /skr/risk/profiles: a rule is
checked on save (422 with the message and its place beside the field,
nothing stored), every version is kept, the life cycle draft -> testing
-> active -> retired where only a second analyst approves (the writer
gets 403, nothing changes), the backtest's numbers equal a count made
here, and every route refuses outsiders."""
import datetime
import html
import re
import uuid
from zoneinfo import ZoneInfo

import pytest

from zsog import DEMO_PASSWORD, field_error, portal_client, staff_client, unique

NEW = "/skr/risk/profiles/new"


def form(name, rule, **kw):
    data = {"name": name, "rule": rule, "decision": "score", "weight": "50",
            "crossings": "", "lanes": "", "valid_from": "", "valid_to": ""}
    data.update(kw)
    return data


def create(c, name, rule, **kw):
    r = c.submit(NEW, NEW, form(name, rule, **kw))
    assert r.status_code == 303, r.text[:800]
    m = re.fullmatch(r"/skr/risk/profiles/(\d+)\?saved=1", r.headers["Location"])
    assert m, r.headers["Location"]
    return int(m.group(1))


def page(c, pid):
    r = c.get("/skr/risk/profiles/%d" % pid)
    assert r.status_code == 200
    return r.text


def move(c, pid, frm, to):
    page(c, pid)
    return c.post("/skr/risk/profiles/%d/state" % pid, {"from": frm, "to": to})


def approve(c, pid):
    page(c, pid)
    return c.post("/skr/risk/profiles/%d/approve" % pid)


def state(stack, pid):
    return stack.scalar("SELECT state FROM risk_profile WHERE id = ?", pid)


@pytest.mark.parametrize("rule, message, where", [
    ("event.plate_country = 1",
     "These values cannot be compared (e.g. a text field with a number).",
     "(line 1, column 21, at =)"),
    ("ebt.booked and\n  event.colour = 'red'",
     "No such field: see the list of fields.",
     "(line 2, column 3, at event.colour)"),
    ("event.hour = = 1", "This does not fit here.", "(line 1, column 14, at =)"),
    ("(" * 33 + "ebt.booked" + ")" * 33,
     "Nested too deeply (more than 32 levels of parentheses or not).",
     "(line 1, column 33, at ()"),
    ("sightings > 1", "Wrong number of arguments for this field.",
     "(line 1, column 1, at sightings)"),
])
def test_a_bad_rule_is_refused_with_its_place_and_nothing_stored(stack, rule, message, where):
    c = staff_client(stack, "analityk")
    before = (stack.count("risk_profile"), stack.count("risk_profile_version"))
    name = unique("bad")
    r = c.submit(NEW, NEW, form(name, rule))
    assert r.status_code == 422
    err = field_error(r.text, "rule")
    text = re.sub(r"<[^>]+>", "", err)
    assert text == "%s %s" % (message, where)
    # the rule comes back to be corrected
    assert html.unescape(re.search(r'<textarea id="f-rule"[^>]*>(.*?)</textarea>',
                                   r.text, re.S).group(1)) == rule
    assert (stack.count("risk_profile"), stack.count("risk_profile_version")) == before
    assert stack.count("risk_profile", "name = ?", name) == 0


def test_a_bad_rule_in_a_new_version_changes_nothing(stack):
    c = staff_client(stack, "analityk")
    pid = create(c, unique("keep"), "ebt.booked")
    page(c, pid)
    r = c.post("/skr/risk/profiles/%d" % pid, form(unique("keep"), "ebt.booked and"))
    assert r.status_code == 422
    assert field_error(r.text, "rule").startswith("A value or a field is missing here.")
    assert stack.count("risk_profile_version", "profile_id = ?", pid) == 1


def test_other_fields_are_checked_beside_them(stack):
    c = staff_client(stack, "analityk")
    before = stack.count("risk_profile")
    r = c.submit(NEW, NEW, form(unique("f"), "ebt.booked", weight="0", crossings="GRZ;KOR",
                                lanes="truck, boat", valid_from="2026-05-01",
                                valid_to="2026-04-01"))
    assert r.status_code == 422
    assert field_error(r.text, "weight") == "Give a weight from 1 to 1000, or choose a fixed decision."
    assert field_error(r.text, "crossings") == "One of these is not a crossing."
    assert field_error(r.text, "lanes") == "One of these is not a lane kind."
    assert field_error(r.text, "valid_to") == "The end is before the start."
    assert stack.count("risk_profile") == before


def test_versions_life_cycle_and_four_eyes(stack):
    a, b = staff_client(stack, "analityk"), staff_client(stack, "analityk2")
    name = unique("prof")
    pid = create(a, name, "event.plate_country in ('BY', 'RU')", crossings="grz, kor",
                 lanes="truck")
    assert stack.sql("SELECT p.state, v.no, v.weight, v.fixed, v.crossings, v.lane_kinds,"
                     " s.login FROM risk_profile p JOIN risk_profile_version v"
                     " ON v.id = p.version_id JOIN staff s ON s.id = v.created_by"
                     " WHERE p.id = ?", pid) == \
        [["draft", "1", "50", "NULL", "GRZ,KOR", "truck", "analityk"]]
    # a second version by the other analyst, with a fixed decision
    page(b, pid)
    r = b.post("/skr/risk/profiles/%d" % pid,
               form(name, "event.plate_country in ('BY', 'RU') and sightings(30) = 0",
                    decision="red", weight=""))
    assert r.status_code == 303
    assert stack.sql("SELECT no, fixed, weight FROM risk_profile_version WHERE profile_id = ?"
                     " ORDER BY no", pid) == [["1", "NULL", "50"], ["2", "red", "NULL"]]
    text = page(a, pid)
    assert re.findall(r'<tr data-no="(\d+)">', text) == ["2", "1"]
    assert "sightings(30) = 0" in text
    # draft -> testing; b wrote version 2, so b may not approve it
    assert move(a, pid, "draft", "testing").status_code == 303
    assert state(stack, pid) == "testing"
    assert 'id="approve"' not in page(b, pid)
    r = approve(b, pid)
    assert r.status_code == 403
    assert "You wrote this version: another analyst must approve it." in r.text
    assert state(stack, pid) == "testing"
    assert stack.count("risk_approval", "version_id IN (SELECT id FROM risk_profile_version"
                       " WHERE profile_id = ?)", pid) == 0
    # a new version by a: now a is the writer, b approves
    page(a, pid)
    assert a.post("/skr/risk/profiles/%d" % pid,
                  form(name, "event.plate_country in ('BY', 'RU', 'UA')")).status_code == 303
    assert 'id="approve"' not in page(a, pid)
    assert approve(a, pid).status_code == 403
    assert state(stack, pid) == "testing"
    assert 'id="approve"' in page(b, pid)
    r = approve(b, pid)
    assert r.status_code == 303
    assert stack.sql("SELECT p.state, v.no, s.login FROM risk_profile p"
                     " JOIN risk_profile_version v ON v.id = p.active_version_id"
                     " JOIN risk_approval ap ON ap.version_id = v.id"
                     " JOIN staff s ON s.id = ap.approved_by WHERE p.id = ?", pid) == \
        [["active", "3", "analityk2"]]
    text = page(a, pid)
    assert 'data-state="active"' in text
    assert re.search(r'<tr data-no="3">.*?<td class="approved nowrap">Ewa Zielińska, ', text, re.S)
    # approving again, or editing an active profile, is refused
    assert approve(b, pid).status_code == 409
    r = a.post("/skr/risk/profiles/%d" % pid, form(name, "ebt.booked"))
    assert r.status_code == 409
    assert stack.count("risk_profile_version", "profile_id = ?", pid) == 3
    # an active profile is retired; a wrong move is refused
    assert move(a, pid, "active", "draft").status_code == 409
    assert move(a, pid, "active", "retired").status_code == 303
    assert state(stack, pid) == "retired"
    assert move(a, pid, "active", "retired").status_code == 409
    # in the list
    text = a.get("/skr/risk/profiles").text
    assert re.search(r'<tr data-id="%d"><td><a href="/skr/risk/profiles/%d">%s</a></td>'
                     r'<td class="state">retired</td>' % (pid, pid, re.escape(name)), text)


def test_backtest_counts_what_the_rule_selects(stack):
    a = staff_client(stack, "analityk")
    country = "LV"
    pid = create(a, unique("bt"), "event.object_kind = 'plate' and event.plate_country = '%s'"
                 " and event.hour >= 0" % country, crossings="KUZ")
    # not in testing: no backtest
    assert a.get("/skr/risk/profiles/%d/backtest?days=7" % pid).status_code == 409
    assert move(a, pid, "draft", "testing").status_code == 303
    # any device: the event names its crossing itself
    dev = stack.scalar("SELECT id FROM device ORDER BY id LIMIT 1")
    # events on several days: in scope and matching, other country, other
    # crossing, not a plate, and too old
    rows = [(0, "KUZ", "plate", country), (1, "KUZ", "plate", country),
            (1, "KUZ", "plate", country), (3, "KUZ", "plate", country),
            (2, "KUZ", "plate", "PL"), (2, "GRZ", "plate", country),
            (2, "KUZ", "container", country), (9, "KUZ", "plate", country)]
    for i, (days, crossing, kind, ctry) in enumerate(rows):
        stack.sql("INSERT INTO event (device_id, seq, t, received_at, crossing, lane, dir, kind,"
                  " raw, obj_key, obj_fold, country, confidence) VALUES (?, ?,"
                  " UTC_TIMESTAMP(3) - INTERVAL ? HOUR, UTC_TIMESTAMP(3), ?, 'T1', 'entry', ?,"
                  " ?, ?, ?, ?, 0.9)", dev, unique("bt"), days * 24 + 1, crossing, kind,
                  "LV%d" % i, "LV%d" % i, "LV%d" % i, ctry)
    # the count made here, from the table itself, by Warsaw date
    got = stack.sql("SELECT UNIX_TIMESTAMP(e.t) FROM event e WHERE e.kind = 'plate'"
                    " AND e.country = ? AND e.crossing = 'KUZ'"
                    " AND e.t >= UTC_TIMESTAMP() - INTERVAL 7 DAY", country)
    warsaw = ZoneInfo("Europe/Warsaw")
    per_day = {}
    for (ts,) in got:
        d = datetime.datetime.fromtimestamp(float(ts), warsaw).date().isoformat()
        per_day[d] = per_day.get(d, 0) + 1
    assert len(got) >= 4
    r = a.get("/skr/risk/profiles/%d/backtest?days=7" % pid)
    assert r.status_code == 200
    assert re.search(r'<dd id="bt-total">(\d+)</dd>', r.text).group(1) == str(len(got))
    days = dict(re.findall(r'<tr><td class="nowrap">(\d{4}-\d\d-\d\d)</td><td>(\d+)</td></tr>',
                           r.text))
    assert len(days) == 8
    today = datetime.datetime.now(warsaw).date()
    assert min(days) == (today - datetime.timedelta(days=7)).isoformat()
    assert max(days) == today.isoformat()
    assert {d: int(n) for d, n in days.items() if n != "0"} == per_day
    # the sample, with the inputs the rule read
    sample = re.findall(r'<tr data-event="\d+"><td class="nowrap">[^<]*</td><td>Kuźnica – Bruzgi</td>'
                        r'<td><code>([^<]*)</code></td><td><code>([^<]*)</code></td></tr>', r.text)
    assert {s[0] for s in sample} == {"LV0", "LV1", "LV2", "LV3"}
    for _, used in sample:
        assert re.fullmatch(r"event\.object_kind=plate; event\.plate_country=LV; event\.hour=\d+",
                            used), used
    # overlap: the seeded active profiles are listed
    assert re.search(r'<table id="bt-overlap">', r.text)
    # a bad number of days
    r = a.get("/skr/risk/profiles/%d/backtest?days=0" % pid)
    assert r.status_code == 422
    assert field_error(r.text, "days") == "Give a number of days from 1 to 90."


ROUTES = [("GET", "/skr/risk/profiles"), ("GET", "/skr/risk/profiles/new"),
          ("POST", "/skr/risk/profiles/new"), ("GET", "/skr/risk/profiles/1"),
          ("POST", "/skr/risk/profiles/1"), ("POST", "/skr/risk/profiles/1/state"),
          ("POST", "/skr/risk/profiles/1/approve"), ("GET", "/skr/risk/profiles/1/backtest")]


@pytest.mark.parametrize("login", ["grzechotki", "admin"])
@pytest.mark.parametrize("method, path", ROUTES)
def test_other_officers_get_403_on_every_route(stack, login, method, path):
    c = staff_client(stack, login)
    before = stack.sql("SELECT id, state, version_id FROM risk_profile ORDER BY id")
    if method == "GET":
        r = c.get(path)
    else:
        c.get("/skr/")
        r = c.post(path, form("x", "ebt.booked") | {"from": "active", "to": "retired"})
    assert r.status_code == 403
    assert 'id="profile' not in r.text
    assert stack.sql("SELECT id, state, version_id FROM risk_profile ORDER BY id") == before


@pytest.mark.parametrize("method, path", ROUTES)
def test_a_portal_user_is_sent_to_the_staff_signin(stack, method, path):
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    before = stack.sql("SELECT id, state, version_id FROM risk_profile ORDER BY id")
    if method == "GET":
        r = anna.get(path)
        assert r.status_code == 303
        assert r.headers["Location"] == "/skr/signin?next=" + path
    else:
        # a form posted without a staff session: refused, not redirected
        r = anna.post(path, {"name": "x", "rule": "ebt.booked", "to": "retired"})
        assert r.status_code == 401
    assert 'id="profile' not in r.text
    assert stack.sql("SELECT id, state, version_id FROM risk_profile ORDER BY id") == before


def test_seeded_profiles_are_active_and_approved_by_a_second_analyst(stack):
    rows = stack.sql("SELECT p.name, p.state, w.login, s.login FROM risk_profile p"
                     " JOIN risk_profile_version v ON v.id = p.active_version_id"
                     " JOIN staff w ON w.id = v.created_by"
                     " JOIN risk_approval ap ON ap.version_id = v.id"
                     " JOIN staff s ON s.id = ap.approved_by WHERE p.id <= 3 ORDER BY p.id")
    assert [r[1:] for r in rows] == [["active", "analityk", "analityk2"]] * 3
    text = staff_client(stack, "analityk").get("/skr/risk/profiles").text
    for name, *_ in rows:
        assert html.escape(name, quote=False) in text


def test_hit_rates_rank_profiles_against_random_selection(stack):
    """Outcomes fed back: a version's selections, controls, irregularities
    and hit rate on its page and in the ranking, next to random
    selection's hit rate (the baseline), counted here from the tables."""
    a = staff_client(stack, "analityk")
    pid = create(a, unique("rank"), "ebt.booked")
    vid = int(stack.scalar("SELECT version_id FROM risk_profile WHERE id = ?", pid))

    def decision(outcome, random=0):
        stack.sql("INSERT INTO risk_decision (crossing, lane_kind, object_kind, object_key,"
                  " colour, score, random, outcome, created_at) VALUES ('GRZ', 'truck', 'plate',"
                  " ?, 'yellow', 50, ?, ?, UTC_TIMESTAMP(3) - INTERVAL 2 DAY)",
                  unique("R"), random, outcome)
        return stack.scalar("SELECT MAX(id) FROM risk_decision")

    for outcome in ("irregularity", "seizure", "no_irregularity", None):
        d = decision(outcome)
        stack.sql("INSERT INTO risk_decision_hit (decision_id, profile_version_id, live, used)"
                  " VALUES (?, ?, 1, 'ebt.booked=true')", d, vid)
    # a hit of a profile in testing (live = 0) does not count
    d = decision("irregularity")
    stack.sql("INSERT INTO risk_decision_hit (decision_id, profile_version_id, live, used)"
              " VALUES (?, ?, 0, 'ebt.booked=true')", d, vid)
    decision("irregularity", random=1)
    decision("no_irregularity", random=1)
    decision("no_irregularity", random=1)
    (controls, irregular), = stack.sql(
        "SELECT SUM(outcome IS NOT NULL), SUM(outcome IN ('irregularity', 'seizure'))"
        " FROM risk_decision WHERE random = 1 AND created_at >= UTC_TIMESTAMP() - INTERVAL 90 DAY")
    base = 100.0 * int(irregular) / int(controls)
    text = page(a, pid)
    assert re.search(r'<p class="muted" id="rank-baseline">[^<]*: %.1f %% \(%s / %s\)</p>'
                     % (base, irregular, controls), text)
    row = re.search(r'<tr data-version="%d">(.*?)</tr>' % vid, text, re.S).group(1)
    cells = dict(re.findall(r'<td class="([a-z-]+)">([^<]*)</td>', row))
    assert cells == {"selections": "4", "controls": "3", "irregular": "2",
                     "hit-rate": "66.7 %", "beats": "better" if 66.7 > base else "not better"}
    # the ranking of all profiles: best hit rate first, unmeasured last
    text = a.get("/skr/risk/profiles").text
    rates = [None if r == "—" else float(r.rstrip(" %"))
             for r in re.findall(r'<td class="hit-rate">([^<]*)</td>', text)]
    assert "%d" % vid in re.findall(r'<tr data-version="(\d+)">', text)
    measured = [r for r in rates if r is not None]
    assert measured == sorted(measured, reverse=True)
    assert rates == measured + [None] * (len(rates) - len(measured))


def test_backtest_reads_the_register_as_of_each_event(stack):
    """sightings(), first_sighting: counted from the stored events before
    each one, the 30 days before the window included (docs/risk.md)."""
    a = staff_client(stack, "analityk")
    dev = stack.scalar("SELECT id FROM device ORDER BY id LIMIT 1")
    tag = uuid.uuid4().hex[:6].upper()
    ka, kb = "RGA" + tag, "RGB" + tag
    # hours ago; a 7-day window is 168 h: A's first two are before it
    rows = [(ka, 240), (ka, 200), (ka, 120), (ka, 20), (kb, 100), (kb, 50), (kb, 10)]
    for key, hours in rows:
        stack.sql("INSERT INTO event (device_id, seq, t, received_at, crossing, lane, dir, kind,"
                  " raw, obj_key, obj_fold, confidence) VALUES (?, ?,"
                  " UTC_TIMESTAMP(3) - INTERVAL ? HOUR, UTC_TIMESTAMP(3), 'KOR', 'T1', 'entry',"
                  " 'container', ?, ?, ?, 0.123)", dev, unique("rg"), hours, key, key, key)

    def backtest(rule):
        pid = create(a, unique("rg"), rule)
        assert move(a, pid, "draft", "testing").status_code == 303
        r = a.get("/skr/risk/profiles/%d/backtest?days=7" % pid)
        assert r.status_code == 200
        total = re.search(r'<dd id="bt-total">(\d+)</dd>', r.text).group(1)
        sample = re.findall(r'<tr data-event="\d+"><td class="nowrap">[^<]*</td><td>[^<]*</td>'
                            r'<td><code>([^<]*)</code></td><td><code>([^<]*)</code></td></tr>',
                            r.text)
        return int(total), sorted(html.unescape(u) for k, u in sample if tag in k), \
            sorted(k for k, _ in sample if tag in k)

    total, used, keys = backtest("event.confidence = 0.123 and sightings(7) >= 2")
    assert (total, keys) == (2, [ka, kb])
    assert used == ["event.confidence=0.123; sightings(7)=2"] * 2
    total, used, keys = backtest("event.confidence = 0.123 and first_sighting")
    assert (total, keys) == (1, [kb])
