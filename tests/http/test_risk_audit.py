"""test_risk_audit.py: what analysts do to risk profiles (create, a new
version, a state change, the approval) and re-inspection orders leave a
row in the audit log, and /skr/audit shows its states and subjects as
words of the reader's language, not as codes."""
import datetime
import re
from zoneinfo import ZoneInfo

from test_present import visible
from zsog import staff_client, unique

NEW = "/skr/risk/profiles/new"


def form(name, rule):
    return {"name": name, "rule": rule, "decision": "score", "weight": "10",
            "crossings": "GRZ", "lanes": "", "valid_from": "", "valid_to": ""}


def post_on_page(c, pid, path, data=None):
    assert c.get("/skr/risk/profiles/%d" % pid).status_code == 200
    r = c.post("/skr/risk/profiles/%d%s" % (pid, path), data or {})
    assert r.status_code == 303, r.text[:500]


def rows(stack, lang, obj):
    """The audit page's rows about obj, oldest first: (the action's code,
    kept in the row's data-action, and the detail)."""
    c = staff_client(stack, "audytor")
    c.http.headers["Accept-Language"] = lang
    page = c.get("/skr/audit", params={"object": obj})
    assert page.status_code == 200
    out = []
    for code, tr in re.findall(r'<tr data-id="\d+" data-action="([^"]*)"[^>]*>(.*?)</tr>',
                               page.text, re.S):
        cells = [visible(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
        out.append((code, cells[4]))
    return out[::-1], visible(page.text)


def test_profile_actions_are_audited_in_words(stack):
    a1 = staff_client(stack, "analityk")
    a2 = staff_client(stack, "analityk2")
    name = unique("audited")
    r = a1.submit(NEW, NEW, form(name, "event.plate_country = 'IS'"))
    assert r.status_code == 303, r.text[:800]
    pid = int(re.fullmatch(r"/skr/risk/profiles/(\d+)\?saved=1", r.headers["Location"]).group(1))
    try:
        post_on_page(a1, pid, "", form(name, "event.plate_country = 'IS' and ebt.booked"))
        post_on_page(a1, pid, "/state", {"from": "draft", "to": "testing"})
        post_on_page(a2, pid, "/approve")
        obj = "risk_profile:%d" % pid
        assert stack.sql("SELECT action, actor_name FROM audit_log WHERE object = ?"
                         " ORDER BY id", obj) == [
            ["risk.profile.create", "Michał Szymański"],
            ["risk.profile.version", "Michał Szymański"],
            ["risk.profile.state", "Michał Szymański"],
            ["risk.profile.approve", "Ewa Zielińska"]]
        got, text = rows(stack, "en", obj)
        assert got == [("risk.profile.create", name), ("risk.profile.version", name),
                       ("risk.profile.state", "draft → testing"),
                       ("risk.profile.approve", "testing → active")]
        got, text = rows(stack, "pl", obj)
        assert [d for _, d in got] == [name, name, "szkic → testy", "testy → aktywny"]
        assert "draft" not in text and "testing" not in text
    finally:
        stack.sql("UPDATE risk_profile SET state = 'retired' WHERE id = ?", pid)


def test_reinspection_orders_are_audited_in_words(stack):
    """A company order (its subject is no watch-list subject) and its withdrawal."""
    c = staff_client(stack, "analityk")
    today = datetime.datetime.now(ZoneInfo("Europe/Warsaw")).date()
    eori = "PL526025027400000"
    c.get("/skr/risk/reinspections/new")
    r = c.post("/skr/risk/reinspections/new",
               {"subject": "company", "value": eori, "reason": "Test: audited",
                "valid_from": today.isoformat(),
                "valid_to": (today + datetime.timedelta(days=30)).isoformat()})
    assert r.status_code == 303, r.text[:500]
    oid = stack.scalar("SELECT MAX(id) FROM reinspection WHERE value = ?", eori)
    # withdrawn at once: the seeded company's check-ins stay as other tests expect
    assert c.get("/skr/risk").status_code == 200  # the page with its withdraw form
    assert c.post("/skr/risk/reinspections/%s/withdraw" % oid).status_code == 303
    got, text = rows(stack, "pl", "reinspection:%s" % oid)
    assert got == [("risk.reinspection", "firma (EORI) %s" % eori),
                   ("risk.reinspection.withdraw", "")]
    assert "company" not in text
    got, _ = rows(stack, "en", "reinspection:%s" % oid)
    assert got[0] == ("risk.reinspection", "company (EORI) %s" % eori)
