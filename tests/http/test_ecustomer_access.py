"""test_ecustomer_access.py: nobody reaches another company's, person's or
application's data on e-Customer's company side (403/404, nothing
changes); only registration officers reach the office; an officer cannot
decide their own application; an application one officer took cannot be
decided by another (409)."""
import pytest

from ecustomer_lib import (ANNA, EWA, JAN, app_id_of, decide, new_account,
                           portal_client, staff_client, submit_person, take)

TRANSPOL = 1
ANNA_REP = 1        # seeded: Anna administers Trans-Pol
ANNA_APP = 3        # seeded: Anna's application for Trans-Pol


def snapshot(stack):
    """Everything a refused request could have changed, in one query."""
    return stack.sql(
        "SET SESSION group_concat_max_len = 16777216;"
        " SELECT (SELECT GROUP_CONCAT(id, ':', company_id, ':', IFNULL(valid_to, '-')"
        "  ORDER BY id) FROM representation),"
        " (SELECT GROUP_CONCAT(id, ':', status, ':', IFNULL(assigned_to, '-')"
        "  ORDER BY id) FROM application),"
        " (SELECT GROUP_CONCAT(id, ':', name, ':', status, ':', town ORDER BY id)"
        "  FROM company),"
        " (SELECT COUNT(*) FROM representation_authz),"
        " (SELECT COUNT(*) FROM change_history)")[0]


@pytest.fixture(scope="module")
def outsiders(stack):
    """Ewa (no person) and Jan (an agency employee acting for Trans-Pol
    with ebt_book, ebt_view and xml_exchange only)."""
    return {"ewa": portal_client(stack, EWA), "jan": portal_client(stack, JAN)}


COMPANY_GETS = ["/ecustomer/company/%d/edit", "/ecustomer/company/%d/reps"]
COMPANY_POSTS = [
    ("/ecustomer/company/%d/edit", {"name": "Przejęta", "legal_form": "sp_zoo",
                                    "country": "PL", "town": "X"}),
    ("/ecustomer/company/%d/deactivate", {}),
    ("/ecustomer/company/%d/reps", {"rep": EWA, "valid_from": "2026-01-01",
                                    "authz": "reps_manage"}),
    ("/ecustomer/company/%%d/reps/%d/end" % ANNA_REP, {}),
]


@pytest.mark.parametrize("who", ["ewa", "jan"])
def test_outsider_gets_403_on_every_company_route(stack, outsiders, who):
    c = outsiders[who]
    before = snapshot(stack)
    c.get("/ecustomer/")                        # a CSRF token of one's own
    for path in COMPANY_GETS:
        assert c.get(path % TRANSPOL).status_code == 403, (who, path)
    for path, data in COMPANY_POSTS:
        r = c.post(path % TRANSPOL, data)
        assert r.status_code == 403, (who, path, r.status_code)
    # Jan acts for Trans-Pol (through the agency) and may see its page;
    # Ewa may not.
    assert c.get("/ecustomer/company/%d" % TRANSPOL).status_code == \
        (200 if who == "jan" else 403)
    assert snapshot(stack) == before


def test_someone_elses_application_is_not_found(stack, outsiders):
    for c in outsiders.values():
        r = c.get("/ecustomer/applications/%d" % ANNA_APP)
        assert r.status_code == 404
        assert "Trans-Pol" not in r.text
        assert 'data-id="%d"' % ANNA_APP not in c.get("/ecustomer/applications").text


def test_unknown_company_and_representation_are_404(stack):
    anna = portal_client(stack, ANNA)
    anna.get("/ecustomer/")
    before = snapshot(stack)
    assert anna.get("/ecustomer/company/999999").status_code == 404
    assert anna.get("/ecustomer/company/abc").status_code == 404
    # Agency's representation id 3 belongs to another company: not found here.
    assert anna.post("/ecustomer/company/%d/reps/3/end" % TRANSPOL, {}).status_code == 404
    assert snapshot(stack) == before


def test_signed_out_and_missing_csrf(stack):
    anon = stack.client()
    r = anon.get("/ecustomer/company/%d" % TRANSPOL)
    assert r.status_code in (302, 303) and "/portal/signin" in r.headers["Location"]
    anna = portal_client(stack, ANNA)
    before = snapshot(stack)
    r = anna.post("/ecustomer/company/%d/reps/%d/end" % (TRANSPOL, ANNA_REP), {}, csrf=False)
    assert r.status_code == 403
    assert snapshot(stack) == before


@pytest.mark.parametrize("login", ["grzechotki", "audytor"])
def test_only_registration_officers_reach_the_office(stack, login):
    c = staff_client(stack, login)
    for path in ("/skr/ecustomer/queue", "/skr/ecustomer/applications/100",
                 "/skr/ecustomer/search?q=Trans", "/skr/ecustomer/companies/1"):
        assert c.get(path).status_code == 403, (login, path)
    c.get("/skr/")
    before = snapshot(stack)
    assert c.post("/skr/ecustomer/applications/100/take", {}).status_code == 403
    assert c.post("/skr/ecustomer/applications/100/decide",
                  {"decision": "approve"}).status_code == 403
    assert snapshot(stack) == before


def test_portal_user_does_not_reach_the_office(stack):
    """A portal session is no staff session: the office's pages send the
    browser to the intranet's sign-in (303 with where to come back), and
    their actions answer 401; nothing of the queue shows."""
    anna = portal_client(stack, ANNA)
    r = anna.get("/skr/ecustomer/queue")
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/signin?next=/skr/ecustomer/queue"
    assert "Maria Lewandowska" not in r.text
    before = snapshot(stack)
    r = anna.post("/skr/ecustomer/applications/100/take", {}, csrf=False)
    assert r.status_code == 401
    assert snapshot(stack) == before


def test_officer_cannot_decide_own_application(stack):
    # The officer "rejestracja.poznan" also has a portal account with the staff
    # e-mail, and registers as a person there.
    own = new_account(stack, "Piotr", "Nowak", email="aleksandra.nowicka@skr.demo.zsog.pl")
    app = app_id_of(submit_person(own))
    officer = staff_client(stack, "rejestracja.poznan")
    page = officer.get("/skr/ecustomer/applications/%d" % app)
    assert 'id="own"' in page.text
    before = snapshot(stack)
    assert officer.post("/skr/ecustomer/applications/%d/take" % app, {}).status_code == 403
    assert officer.post("/skr/ecustomer/applications/%d/decide" % app,
                        {"decision": "approve"}).status_code == 403
    assert snapshot(stack) == before
    # Another officer may.
    other = staff_client(stack, "rejestracja2.poznan")
    assert decide(other, app).status_code == 303
    assert stack.scalar("SELECT status FROM application WHERE id = ?", app) == "approved"


def test_second_officer_cannot_decide_what_first_took(stack):
    c = new_account(stack)
    app = app_id_of(submit_person(c))
    first = staff_client(stack, "rejestracja.poznan")
    second = staff_client(stack, "rejestracja2.poznan")
    assert take(first, app).status_code == 303
    before = snapshot(stack)
    r = take(second, app)
    assert r.status_code == 409 and "Another officer" in r.text
    r = decide(second, app, "reject", "nie")
    assert r.status_code == 409
    assert snapshot(stack) == before
    assert stack.sql("SELECT status, assigned_to FROM application WHERE id = ?",
                     app)[0] == ["under_review", "20"]
    # Decided once: a second decision is refused.
    assert decide(first, app).status_code == 303
    assert decide(first, app, "reject", "jednak nie").status_code == 409
    assert stack.scalar("SELECT status FROM application WHERE id = ?", app) == "approved"


def offers(officer, app):
    """What the office's page of app offers the officer: the take form,
    the decision form, the "taken by you" notice, the "your own" alert."""
    page = officer.get("/skr/ecustomer/applications/%d" % app)
    assert page.status_code == 200, page.status_code
    base = 'action="/skr/ecustomer/applications/%d/' % app
    return {"take": base + 'take"' in page.text,
            "decide": base + 'decide"' in page.text,
            "mine": '<p class="notice">' in page.text,
            "own": 'id="own"' in page.text}


NOTHING = {"take": False, "decide": False, "mine": False, "own": False}


def test_office_page_offers_only_what_the_rules_allow(stack):
    """The page offers take and decide by the registry's rules
    (app_may_take, app_may_decide): each offered action succeeds, each
    one not offered is refused."""
    first = staff_client(stack, "rejestracja.poznan")
    second = staff_client(stack, "rejestracja2.poznan")
    app = app_id_of(submit_person(new_account(stack)))
    # Free and open: either officer may take or decide it.
    assert offers(first, app) == dict(NOTHING, take=True, decide=True)
    assert take(first, app).status_code == 303
    # Taken: its officer decides (taking again is not offered), the other
    # one is offered nothing.
    assert offers(first, app) == dict(NOTHING, decide=True, mine=True)
    assert offers(second, app) == NOTHING
    assert decide(first, app).status_code == 303
    # Decided: nothing left to offer to anyone.
    assert offers(first, app) == NOTHING
    assert offers(second, app) == NOTHING
    # One's own (here by the person's e-mail, which is the second
    # officer's): the alert, and nothing to do, even untaken.
    mine = app_id_of(submit_person(new_account(stack),
                                   email="tomasz.wieczorek@skr.demo.zsog.pl"))
    assert offers(second, mine) == dict(NOTHING, own=True)
    assert offers(first, mine) == dict(NOTHING, take=True, decide=True)
    assert take(second, mine).status_code == 403
    assert decide(second, mine).status_code == 403
