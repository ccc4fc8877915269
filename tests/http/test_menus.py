"""test_menus.py: the menus, the intranet dashboard and the links of a
page offer exactly the pages the routes open to the signed-in account
(domain/access.c builds the menus from the routes' own role masks);
test_crawl.py then follows every link as every role."""
import html
import re

import pytest

import ingest_lib
from ecustomer_lib import app_id_of, decide, new_account, submit_person, take
from zsog import portal_client, staff_client, unique

MARIA = "maria.lewandowska@demo.zsog.pl"
EWA = "ewa.zielinska@demo.zsog.pl"
ANNA = "anna.kowalska@demo.zsog.pl"


def menu(page):
    """The hrefs of the menu bar, in order."""
    m = re.search(r'<nav class="menu wrap"[^>]*>(.*?)</nav>', page.text, re.S)
    assert m, "no menu on the page"
    return re.findall(r'<a href="([^"]*)"', m.group(1))


def cards(page):
    """The dashboard's cards: [(id, href or None, text)]."""
    out = []
    for cid, body in re.findall(r'<li class="card" id="card-([a-z]+)">(.*?)</li>', page.text, re.S):
        href = re.search(r'<a href="([^"]*)"', body)
        text = re.search(r"<p>(.*?)</p>", body, re.S)
        out.append((cid, href.group(1) if href else None,
                    html.unescape(text.group(1)) if text else None))
    return out


STAFF_MENUS = {
    # The registration queue is the registration officers' (its route's
    # role): the administrator is not offered it.
    "admin": ["/skr/", "/skr/alerts", "/skr/devices", "/skr/control", "/skr/reports",
              "/skr/puesc/archive",
              "/skr/admin/staff", "/skr/admin/grants", "/skr/audit"],
    # The PUESC archive is national: not offered below the Ministry.
    "admin.olsztyn": ["/skr/", "/skr/alerts", "/skr/devices", "/skr/control",
                      "/skr/reports", "/skr/admin/staff", "/skr/admin/grants", "/skr/audit"],
    # The office side is the one-stop-shop's (Poznań): not offered elsewhere.
    "rejestracja": ["/skr/", "/skr/reports"],
    "rejestracja.poznan": ["/skr/", "/skr/ecustomer/queue", "/skr/reports"],
    "grzechotki": ["/skr/", "/skr/ebt/", "/skr/alerts", "/skr/watchlist",
                   "/skr/register", "/skr/devices", "/skr/control", "/skr/reports"],
    "koroszczyn": ["/skr/", "/skr/ebt/", "/skr/alerts", "/skr/register",
                   "/skr/devices", "/skr/control", "/skr/reports"],
    "analityk": ["/skr/", "/skr/alerts", "/skr/watchlist", "/skr/register", "/skr/risk",
                 "/skr/reports"],
    "flota": ["/skr/"],
    "audytor": ["/skr/", "/skr/reports", "/skr/puesc/archive", "/skr/audit"],
}

STAFF_CARDS = {
    # The one-stop-shop's setting is national: the Ministry's administrator only.
    "admin": ["alerts", "devices", "control", "reports", "puesc", "staff", "grants", "units", "oss",
              "audit", "fleet"],
    "admin.olsztyn": ["alerts", "devices", "control", "reports", "staff", "grants", "units", "audit",
                      "fleet"],
    "rejestracja": ["reports"],
    "rejestracja.poznan": ["registrations", "reports"],
    # A permitted driver (db/seed/50_fleet_vehicles.sql) is offered the fleet.
    "grzechotki": ["crossing", "alerts", "watchlist", "register", "devices", "control",
                   "reports", "fleet"],
    "koroszczyn": ["crossing", "alerts", "register", "devices", "control", "reports"],
    "analityk": ["alerts", "watchlist", "register", "risk", "exchange", "reports"],
    "flota": ["fleet"],
    "audytor": ["reports", "puesc", "audit", "fleet"],
}


@pytest.mark.parametrize("login", sorted(STAFF_MENUS))
def test_staff_menu_and_cards_are_what_the_roles_open(stack, login):
    c = staff_client(stack, login)
    page = c.get("/skr/")
    assert page.status_code == 200
    assert menu(page) == STAFF_MENUS[login]
    assert [cid for cid, _, _ in cards(page)] == STAFF_CARDS[login]
    # Every entry opens, on every page of every program (the menu is drawn
    # by whichever program serves the page).
    for href in set(STAFF_MENUS[login]) | {h for _, h, _ in cards(page) if h}:
        r = c.get(href)
        assert r.status_code == 200, (login, href, r.status_code)
        assert menu(r) == STAFF_MENUS[login], (login, href)


def test_admin_is_not_offered_the_registration_queue_it_may_not_open(stack):
    c = staff_client(stack, "admin")
    page = c.get("/skr/")
    assert 'href="/skr/ecustomer/queue"' not in page.text
    assert c.get("/skr/ecustomer/queue").status_code == 403


def test_watchlist_officer_is_offered_the_register_its_route_admits(stack):
    admin = staff_client(stack, "admin")
    login = unique("t.")
    pw = "Start-Haslo-2026x"
    r = admin.submit("/skr/admin/staff/new", "/skr/admin/staff/new", {
        "login": login, "full_name": "Test " + login,
        "email": login.replace(".", "") + "@skr.test.zsog.pl",
        "password": pw, "unit": "12", "role": ["watchlist"]})
    assert r.status_code == 303, r.text[:500]
    # The watch-list role waits for a second administrator over the unit.
    grant = stack.scalar("SELECT g.id FROM staff_grant g JOIN staff s ON s.id = g.staff_id"
                         " WHERE s.login = ? AND g.status = 'pending'", login)
    second = staff_client(stack, "admin.olsztyn")
    assert second.get("/skr/admin/grants").status_code == 200
    assert second.post("/skr/admin/grants/%s" % grant, {"decision": "approve"}).status_code == 303
    c = staff_client(stack, login, pw)
    page = c.get("/skr/")
    assert menu(page) == ["/skr/", "/skr/alerts", "/skr/watchlist", "/skr/register",
                          "/skr/reports"]  # the alerts report
    assert [cid for cid, _, _ in cards(page)] == ["alerts", "watchlist", "register", "reports"]
    assert c.get("/skr/register").status_code == 200


@pytest.mark.parametrize("lang,text", [
    ("pl", "Pojazdy służbowe Twoich jednostek: ich stan, dokumenty i terminy, rezerwacje,"
           " karty drogowe, paliwo i naprawy."),
    ("en", "Service vehicles of your units: their state, documents and deadlines,"
           " reservations, trip cards, fuel and repairs."),
])
def test_fleet_manager_dashboard_links_the_fleet(stack, lang, text):
    c = staff_client(stack, "flota")
    page = c.get("/skr/?lang=" + lang)
    assert page.status_code == 200
    assert cards(page) == [("fleet", "/skr/fleet", text)]
    assert menu(page) == ["/skr/"]


@pytest.mark.parametrize("email,expected", [
    (ANNA, ["/", "/ecustomer/", "/ecustomer/inbox", "/ebt/", "/portal/account"]),
    # Registration waiting in the queue, and none yet: eBT would refuse;
    # everyone has an inbox (the registration's own mails are in it).
    (MARIA, ["/", "/ecustomer/", "/ecustomer/inbox", "/portal/account"]),
    (EWA, ["/", "/ecustomer/", "/ecustomer/inbox", "/portal/account"]),
])
def test_portal_menu_offers_ebt_only_to_an_approved_person(stack, email, expected):
    c = portal_client(stack, email)
    for path in ("/", "/ecustomer/", "/portal/account"):
        r = c.get(path)
        assert r.status_code == 200
        assert menu(r) == expected, (email, path)
    assert c.get("/ebt/").status_code == (200 if "/ebt/" in expected else 403)


def test_ebt_entry_appears_at_once_when_the_registration_is_approved(stack):
    person = new_account(stack)
    assert "/ebt/" not in menu(person.get("/"))
    app = app_id_of(submit_person(person))
    assert "/ebt/" not in menu(person.get("/portal/account"))
    officer = staff_client(stack, "rejestracja.poznan")
    assert take(officer, app).status_code == 303
    assert decide(officer, app).status_code == 303
    # No program serves an old copy of the answer (the registry's change
    # counter drops it in the portal's workers too).
    for path in ("/", "/ecustomer/", "/portal/account"):
        assert menu(person.get(path)) == ["/", "/ecustomer/", "/ecustomer/inbox", "/ebt/",
                                          "/portal/account"], path
    assert person.get("/ebt/").status_code == 200


def test_anonymous_pages_have_no_menu(client):
    page = client.get("/")
    assert page.status_code == 200
    assert '<nav class="menu' not in page.text


def test_alert_links_its_watch_entry_only_for_roles_the_entry_opens_to(stack):
    seq = ingest_lib.next_seq()
    r = ingest_lib.post(stack.base, "GRZ-ANPR-T1", ingest_lib.doc(ingest_lib.event(
        "GRZ-ANPR-T1", "GRZ", "T1", ingest_lib.plate("WX 1234B"), seq=seq)))
    assert r.status_code == 200, r.text
    alert = int(stack.scalar("SELECT a.id FROM alert a JOIN event e ON e.id = a.event_id"
                             " WHERE e.seq = ?", seq))
    for login, opens in (("admin", False), ("grzechotki", True), ("analityk", True)):
        c = staff_client(stack, login)
        page = c.get("/skr/alerts/%d" % alert)
        assert page.status_code == 200, (login, page.status_code)
        if opens:
            assert '<a href="/skr/watchlist/1">number plate: WX 1234B</a>' in page.text, login
            assert c.get("/skr/watchlist/1").status_code == 200, login
        else:
            # The entry is named, without a link its route would refuse.
            assert 'href="/skr/watchlist/' not in page.text
            assert '<dd id="alert-entry-value">number plate: WX 1234B</dd>' in page.text
            assert c.get("/skr/watchlist/1").status_code == 403
