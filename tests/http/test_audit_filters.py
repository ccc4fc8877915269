"""test_audit_filters.py: the audit page's filters are words
(cgi-bin/skr/ui-audit.c: filter_options). The action is a list grouped by
area, each area with its "every action" option, the object a list of
kinds; the codes only in the options' values. Every action the programs
write is in the list (the tree is read for them). An action matches whole,
an area its actions, a kind its objects; a link naming one object
("staff:42") still works and reads in words, with a way back to every
object. A value not of the lists is refused beside its field (422, no
rows). Rows the system wrote name the system. The page fits a phone."""
import glob
import html
import os
import re

import pytest

from conftest import ROOT
from browser_lib import node_ready
from phone_lib import open_pages
from test_present import visible
from zsog import field_error, staff_client, unique

WORDS = {
    "en": {"any": "Every action", "staff_every": "Staff: every action",
           "staff.create": "Staff member added", "fleet_every": "Fleet: every action",
           "staff_group": "Staff", "any_object": "Any object", "staff": "Staff member",
           "fleet_vehicle": "Vehicle", "action_err": "Choose an action from the list",
           "object_err": "Choose a kind of object from the list",
           "filtered": "Filtered to:", "clear": "show every object", "no": "no. %d",
           "system": "System", "device": "Device"},
    "pl": {"any": "Każda czynność", "staff_every": "Pracownicy: każda czynność",
           "staff.create": "Dodanie pracownika", "fleet_every": "Flota: każda czynność",
           "staff_group": "Pracownicy", "any_object": "Dowolny obiekt", "staff": "Pracownik",
           "fleet_vehicle": "Pojazd", "action_err": "Wybierz czynność z listy",
           "object_err": "Wybierz rodzaj obiektu z listy",
           "filtered": "Zawężono do:", "clear": "pokaż każdy obiekt", "no": "nr %d",
           "system": "System", "device": "Urządzenie"},
}


def auditor(stack, lang):
    c = staff_client(stack, "audytor")
    c.http.headers["Accept-Language"] = lang
    return c


def options(page_html, name):
    """The select's options as (value, text, optgroup label or None)."""
    m = re.search(r'<select id="f-%s" name="%s"[^>]*>(.*?)</select>' % (name, name),
                  page_html, re.S)
    assert m, name
    out, group = [], None
    for tag in re.finditer(r'<optgroup label="([^"]*)">|</optgroup>|'
                           r'<option value="([^"]*)"[^>]*>(.*?)</option>', m.group(1), re.S):
        if tag.group(0) == "</optgroup>":
            group = None
        elif tag.group(1) is not None:
            group = html.unescape(tag.group(1))
        else:
            out.append((html.unescape(tag.group(2)), html.unescape(tag.group(3)).strip(), group))
    return out


def row_ids(page_html):
    return [int(x) for x in re.findall(r'<tr data-id="(\d+)"', page_html)]


def actions_written():
    """Every action code the programs write: the literals given to
    audit_log() and to the helpers that pass their action on (trip_audit,
    res_audit, ec_app_submitted), and the codes made with a %s, each
    with the values the %s takes, read from where they are decided."""
    srcs = {f: re.sub(r"/\*.*?\*/", " ", open(f, encoding="utf-8").read(), flags=re.S)
            for f in glob.glob(os.path.join(ROOT, "domain", "*.c")) +
            glob.glob(os.path.join(ROOT, "cgi-bin", "*", "*.c"))}
    codes = set()
    call = re.compile(r"\b(?:audit_log|trip_audit|res_audit|ec_app_submitted)\(([^;]*?)\)\s*(?:<|;|\|\||\))",
                      re.S)
    for src in srcs.values():
        for m in call.finditer(src):
            codes.update(re.findall(r'"((?:[a-z_]+|%s)(?:\.(?:[a-z_]+|%s))+)"', m.group(1)))
    codes.discard("fleet_trip_opened")

    def read(path):
        return open(os.path.join(ROOT, path), encoding="utf-8").read()

    def quoted(text):
        return re.findall(r'"([a-z_]+)"', text)

    steps = quoted(re.search(r"steps\[\] = \{(.*?)\};", read("domain/watch_alert.c"), re.S).group(1))
    statuses = quoted(re.search(r"fleet_statuses\[\] = \{(.*?)\};",
                                read("domain/fleet_scope.c"), re.S).group(1))
    decisions = quoted(re.search(r"valid_decision\(const char \*s\)\n\{(.*?)\n\}",
                                 read("cgi-bin/ingest/ui-watch-entry.c"), re.S).group(1))
    signins = [re.search(r'\.name = "([a-z_]+)"', read(p)).group(1)
               for p in ("cgi-bin/skr/ui-signin.c", "cgi-bin/portal/ui-signin.c")]
    changes = set()
    for src in srcs.values():
        changes.update(re.findall(r'ec_change_submit\(r, "([a-z_]+)"', src))
    expand = {"alert.%s": steps[1:], "fleet.vehicle.%s": statuses, "watch.%s": decisions,
              "%s.signin": signins, "%s.signin_failed": signins,
              "ecustomer.%s.submit": sorted(changes)}
    out = set()
    for code in codes:
        if "%s" in code:
            assert code in expand, "a new made-up action: say here what its %%s takes: " + code
            assert expand[code], code
            out.update(code.replace("%s", v) for v in expand[code])
        else:
            out.add(code)
    return out


def test_every_action_written_is_listed(stack):
    written = actions_written()
    assert {"staff.signin", "portal.signin_failed", "alert.closed", "watch.approve",
            "fleet.vehicle.written_off", "ecustomer.person_update.submit",
            "fleet.trip.open", "cert.revoke", "ecustomer.company.submit"} <= written
    page = auditor(stack, "en").get("/skr/audit")
    listed = {v for v, _, g in options(page.text, "action") if g}
    areas = {v for v, _, g in options(page.text, "action") if g and "." not in v}
    assert written - listed == set()
    # Nothing listed that no program writes (an action retired while old
    # rows still carry it would be named here, with why it stays).
    assert listed - areas - written == set()
    assert areas == {a.split(".")[0] for a in written}
    # Each action of the list has its own words (not its area's).
    for value, text, group in options(page.text, "action"):
        assert text and text != "Other action", value


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_lists_are_words(stack, lang):
    w = WORDS[lang]
    page = auditor(stack, lang).get("/skr/audit")
    assert page.status_code == 200
    acts = options(page.text, "action")
    assert acts[0] == ("", w["any"], None)
    assert ("staff", w["staff_every"], w["staff_group"]) in acts
    assert ("fleet", w["fleet_every"], "Fleet" if lang == "en" else "Flota") in acts
    assert ("staff.create", w["staff.create"], w["staff_group"]) in acts
    # An area's "every action" comes first in its group.
    assert [v for v, _, g in acts if g == w["staff_group"]][0] == "staff"
    kinds = options(page.text, "object")
    assert kinds[0] == ("", w["any_object"], None)
    assert ("staff", w["staff"], None) in kinds
    assert ("fleet_vehicle", w["fleet_vehicle"], None) in kinds
    codes = re.compile(r"\b[a-z_]+[._:][a-z_0-9]+\b")
    for value, text, group in acts + kinds:
        assert text and not codes.search(text) and text != value, (value, text)
        assert group is None or not codes.search(group)
    # No label is said twice in one list (two options a reader cannot tell apart).
    for opts in (acts, kinds):
        texts = [t for _, t, _ in opts]
        assert len(texts) == len(set(texts)), [t for t in texts if texts.count(t) > 1]


@pytest.fixture(scope="module")
def known(stack):
    """Rows written by someone only these tests name, oldest first: by
    code, the row id."""
    who = unique("Filtrowany")
    rows = [("staff.create", "staff:990001"), ("staff.update", "staff:990001"),
            ("staff.createx", "staff:990001"),  # a code of no list: only its area finds it
            ("fleet.trip.open", "fleet_trip:990001"),
            ("fleet.vehicle.in_repair", "vehicle:990002"),
            ("fleet.fuel.add", "fleet_vehicle:990002")]
    ids = {}
    for action, obj in rows:
        stack.sql("INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, object,"
                  " detail, request_id) VALUES (UTC_TIMESTAMP(6), 'staff', 1, ?, ?, ?, NULL,"
                  " 'test')", who, action, obj)
        ids[action] = int(stack.scalar("SELECT MAX(id) FROM audit_log WHERE actor_name = ?"
                                       " AND action = ?", who, action))
    return who, ids


@pytest.mark.parametrize("params, expect", [
    ({"action": "staff.create"}, ["staff.create"]),
    ({"action": "fleet.vehicle.in_repair"}, ["fleet.vehicle.in_repair"]),
    ({"action": "staff"}, ["staff.createx", "staff.update", "staff.create"]),
    ({"action": "fleet"}, ["fleet.fuel.add", "fleet.vehicle.in_repair", "fleet.trip.open"]),
    ({"object": "staff"}, ["staff.createx", "staff.update", "staff.create"]),
    ({"object": "fleet_vehicle"}, ["fleet.fuel.add", "fleet.vehicle.in_repair"]),
    ({"object": "fleet_trip"}, ["fleet.trip.open"]),
    ({"object": "fleet_trip", "action": "staff"}, []),
    ({"object": "fleet_vehicle", "action": "fleet"}, ["fleet.fuel.add", "fleet.vehicle.in_repair"]),
    ({"object": "vehicle:990002"}, ["fleet.vehicle.in_repair"]),
    ({"object": "staff:990001", "action": "staff.update"}, ["staff.update"]),
])
def test_filters_give_exactly_the_rows(stack, known, params, expect):
    who, ids = known
    page = auditor(stack, "en").get("/skr/audit", params=dict(params, actor=who))
    assert page.status_code == 200
    assert row_ids(page.text) == [ids[a] for a in expect]
    if not expect:
        assert 'id="audit-none"' in page.text
    # The form shows the filters chosen.
    for name in ("action", "object"):
        if ":" not in params.get(name, ":"):
            assert '<option value="%s" selected>' % params[name] in page.text


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_one_object_from_a_link(stack, lang):
    """A link from a staff member's page names one object: the page says
    which in words and offers every object again."""
    w = WORDS[lang]
    sid, name = stack.sql("SELECT id, full_name FROM staff WHERE login = 'admin'")[0]
    c = auditor(stack, lang)
    c.get("/skr/audit")
    page = c.get("/skr/audit", params={"object": "staff:%s" % sid, "action": "staff"})
    assert page.status_code == 200
    assert "%s %s %s" % (w["filtered"], w["staff"], name) in visible(page.text)
    assert 'id="f-object"' not in page.text
    assert '<input type="hidden" name="object" value="staff:%s">' % sid in page.text
    m = re.search(r'<a id="audit-clear" href="([^"]*)">([^<]*)</a>', page.text)
    assert m and m.group(2) == w["clear"]
    assert html.unescape(m.group(1)) == "/skr/audit?action=staff&actor=&from=&to="
    back = c.get(html.unescape(m.group(1)))
    assert back.status_code == 200 and 'id="f-object"' in back.text
    # A wrong action beside it: refused, the object still named.
    page = c.get("/skr/audit", params={"object": "staff:%s" % sid, "action": "nonsense"})
    assert page.status_code == 422
    assert "%s %s %s" % (w["filtered"], w["staff"], name) in visible(page.text)
    assert field_error(page.text, "action") == w["action_err"]
    # An object that no longer exists (or was never one): its number.
    page = c.get("/skr/audit", params={"object": "fleet_trip:990001"})
    assert page.status_code == 200
    assert "%s %s %s" % (w["filtered"], "Trip" if lang == "en" else "Przejazd",
                         w["no"] % 990001) in visible(page.text)
    for row in re.findall(r'data-object="([^"]*)"', page.text):
        assert row == "fleet_trip:990001"


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_link_from_a_staff_member_s_page(stack, lang):
    """A staff member's page links to everything about them in the log."""
    w = WORDS[lang]
    sid, name = stack.sql("SELECT id, full_name FROM staff WHERE login = 'audytor'")[0]
    admin = staff_client(stack, "admin")
    admin.http.headers["Accept-Language"] = lang
    page = admin.get("/skr/admin/staff/%s" % sid)
    assert page.status_code == 200
    m = re.search(r'<a id="history-audit" href="([^"]*)">([^<]*)</a>', page.text)
    assert m and m.group(1) == "/skr/audit?object=staff:%s" % sid
    assert m.group(2) == ("Everything about this person in the audit log" if lang == "en"
                          else "Wszystko o tej osobie w dzienniku audytu")
    log = admin.get(m.group(1))
    assert log.status_code == 200
    assert "%s %s %s" % (w["filtered"], w["staff"], name) in visible(log.text)
    objs = set(re.findall(r'data-object="([^"]*)"', log.text))
    assert objs == {"staff:%s" % sid}


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("params, field", [
    ({"action": "staff.cre"}, "action"),
    ({"action": "%"}, "action"),
    ({"action": "nonsense"}, "action"),
    ({"action": "staff."}, "action"),
    ({"action": "fleet.trip"}, "action"),
    ({"object": "nonsense"}, "object"),
    ({"object": "staff:abc"}, "object"),
    ({"object": "nonsense:5"}, "object"),
    ({"object": "staff:"}, "object"),
])
def test_a_value_of_no_list_is_refused(stack, lang, params, field):
    w = WORDS[lang]
    page = auditor(stack, lang).get("/skr/audit", params=params)
    assert page.status_code == 422
    assert field_error(page.text, field) == w[field + "_err"]
    assert 'aria-describedby="e-%s"' % field in page.text
    assert '<table id="audit"' not in page.text and 'id="audit-none"' not in page.text
    assert 'class="pager"' not in page.text
    # The lists are still there to choose from.
    assert options(page.text, "action")[0][0] == ""


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_rows_of_the_system_and_of_a_device(stack, lang):
    w = WORDS[lang]
    obj = "fleet_trip:%d" % (990100 + (lang == "en"))
    for kind, actor_id in (("system", 0), ("device", 7)):
        stack.sql("INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, object,"
                  " detail, request_id) VALUES (UTC_TIMESTAMP(6), ?, ?, '', 'fleet.trip.close', ?,"
                  " NULL, '')", kind, actor_id, obj)
    page = auditor(stack, lang).get("/skr/audit", params={"object": obj})
    assert page.status_code == 200
    cells = [[visible(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
             for tr in re.findall(r"<tr data-id=[^>]*>(.*?)</tr>", page.text, re.S)]
    assert [c[1] for c in cells] == ["%s %s" % (w["device"], w["no"] % 7), w["system"]]


def test_the_page_fits_a_phone(stack, known):
    who, _ = known
    node_ready()
    jobs = []
    for lang in ("pl", "en"):
        c = auditor(stack, lang)
        jobs.append({"who": "audytor", "lang": lang, "cookies": c.http.cookies.get_dict(),
                     "pages": ["/skr/audit", "/skr/audit?object=staff:1&action=staff",
                               "/skr/audit?action=nonsense&object=nonsense",
                               "/skr/audit?action=fleet&actor=%s" % who]})
    rows = open_pages(stack.base, jobs, stack.var, "phone-audit-filters")
    assert len(rows) == 8
    bad = [(x["lang"], x["url"], x["scrollWidth"], x.get("culprits")) for x in rows
           if x.get("error") or x["scrollWidth"] > x["clientWidth"]]
    assert bad == []
    assert {x["status"] for x in rows} == {200, 422}
