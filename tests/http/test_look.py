"""test_look.py: the portal or intranet look comes from the route, through
the kind of session serving the path (lib/route.c: route_look): every page
and every error under /skr/ is in the intranet's look whichever program
answers it (skr, ebt, ecustomer, ingest, puesc), pages and errors elsewhere
in the portal's. Before, each handler chose: /skr/ebt/, the PUESC archive,
the office's certificate list and the 404s of ebt, ecustomer, ingest and
puesc under /skr/ came out in the portal's look."""
import pytest

from ebt_lib import ANNA, GRZ, KOR
from zsog import portal_client, staff_client

INTRANET = ('<body class="look-intranet">',
            '<a class="brand" href="/skr/"><span class="logo" aria-hidden="true">ZS</span>'
            ' SKR · customs intranet</a>')
PORTAL = ('<body class="look-portal">',
          '<a class="brand" href="/"><span class="logo" aria-hidden="true">ZS</span>'
          ' PUESC · e-services portal</a>')


def assert_look(r, status, look):
    assert r.status_code == status, (r.url, r.status_code, r.text[:300])
    for marker in look:
        assert marker in r.text, (r.url, marker)
    other = PORTAL if look is INTRANET else INTRANET
    assert other[0] not in r.text, r.url


@pytest.fixture(scope="module")
def admin(stack):
    return staff_client(stack, "admin")


@pytest.fixture(scope="module")
def kor(stack):
    return staff_client(stack, "koroszczyn")


@pytest.fixture(scope="module")
def grz(stack):
    return staff_client(stack, "grzechotki")


@pytest.fixture(scope="module")
def registration(stack):
    return staff_client(stack, "rejestracja.poznan")


@pytest.fixture(scope="module")
def anna(stack):
    return portal_client(stack, ANNA)


# ---- skr ----

def test_skr_pages_and_errors(admin):
    assert_look(admin.get("/skr/"), 200, INTRANET)
    assert_look(admin.get("/skr/admin/staff"), 200, INTRANET)
    assert_look(admin.get("/skr/no/such/page"), 404, INTRANET)
    # not an id: the router's 404; an id of nobody: the handler's
    assert_look(admin.get("/skr/admin/staff/abc"), 404, INTRANET)
    assert_look(admin.get("/skr/admin/staff/007"), 404, INTRANET)
    assert_look(admin.get("/skr/admin/staff/999999"), 404, INTRANET)


def test_skr_signed_out(client):
    assert_look(client.get("/skr/signin"), 200, INTRANET)
    assert_look(client.get("/skr/no/such/page"), 404, INTRANET)


# ---- ebt: /skr/ebt/ is the intranet's, /ebt/ the portal's ----

def test_ebt_officer_pages_and_errors(kor):
    assert_look(kor.get("/skr/ebt/"), 200, INTRANET)
    assert_look(kor.get("/skr/ebt/%d" % KOR), 200, INTRANET)
    assert_look(kor.get("/skr/ebt/%d/walkin" % KOR), 200, INTRANET)
    # another branch's crossing (the handler's 404), no id, no page
    assert_look(kor.get("/skr/ebt/%d" % GRZ), 404, INTRANET)
    assert_look(kor.get("/skr/ebt/abc"), 404, INTRANET)
    assert_look(kor.get("/skr/ebt/%d/no/such" % KOR), 404, INTRANET)
    # a method the page does not take
    assert_look(kor.post("/skr/ebt/", {}), 405, INTRANET)


def test_ebt_signed_out_errors_under_skr(client):
    assert_look(client.get("/skr/ebt/1/no/such"), 404, INTRANET)
    # a path that is no UTF-8 is refused before any route, in the look
    # of its prefix still
    assert_look(client.get("/skr/ebt/%ff"), 400, INTRANET)


def test_ebt_portal_pages_and_errors(anna, client):
    assert_look(anna.get("/ebt/"), 200, PORTAL)
    assert_look(anna.get("/ebt/no/such"), 404, PORTAL)
    assert_look(client.get("/ebt/guest"), 200, PORTAL)


# ---- ingest ----

def test_ingest_pages_and_errors(grz):
    assert_look(grz.get("/skr/alerts"), 200, INTRANET)
    assert_look(grz.get("/skr/watchlist"), 200, INTRANET)
    assert_look(grz.get("/skr/alerts/abc"), 404, INTRANET)
    assert_look(grz.get("/skr/alerts/999999999"), 404, INTRANET)
    assert_look(grz.get("/skr/alerts/1/no/such"), 404, INTRANET)


def test_ingest_signed_out_errors(client):
    assert_look(client.get("/skr/alerts/1/no/such"), 404, INTRANET)
    assert_look(client.get("/skr/alerts/%ff"), 400, INTRANET)


# ---- ecustomer: /skr/ecustomer/ is the office's ----

def test_ecustomer_office_pages_and_errors(registration):
    assert_look(registration.get("/skr/ecustomer/queue"), 200, INTRANET)
    assert_look(registration.get("/skr/ecustomer/certificates"), 200, INTRANET)
    assert_look(registration.get("/skr/ecustomer/no/such"), 404, INTRANET)
    assert_look(registration.get("/skr/ecustomer/applications/abc"), 404, INTRANET)
    assert_look(registration.get("/skr/ecustomer/applications/99999999"), 404, INTRANET)


def test_ecustomer_portal_pages_and_errors(anna):
    assert_look(anna.get("/ecustomer/"), 200, PORTAL)
    assert_look(anna.get("/ecustomer/no/such"), 404, PORTAL)
    assert_look(anna.get("/ecustomer/company/abc"), 404, PORTAL)


# ---- puesc ----

def test_puesc_archive_and_errors(admin):
    assert_look(admin.get("/skr/puesc/archive"), 200, INTRANET)
    assert_look(admin.get("/skr/puesc/archive/abc"), 404, INTRANET)
    assert_look(admin.get("/skr/puesc/archive/999999999"), 404, INTRANET)
    assert_look(admin.get("/skr/puesc/no/such"), 404, INTRANET)


# ---- portal ----

def test_portal_pages_and_errors(client):
    assert_look(client.get("/"), 200, PORTAL)
    assert_look(client.get("/portal/signin"), 200, PORTAL)
    assert_look(client.get("/portal/no/such"), 404, PORTAL)


# ---- every program once more, by the brand's link alone ----

BRAND_INTRANET = '<a class="brand" href="/skr/">'
BRAND_PORTAL = '<a class="brand" href="/">'


@pytest.mark.parametrize("login,page", [
    ("grzechotki", "/skr/ebt/"),            # ebt
    ("rejestracja.poznan", "/skr/ecustomer/queue"),  # ecustomer
    ("grzechotki", "/skr/alerts"),          # ingest
    ("admin", "/skr/puesc/archive"),        # puesc
    ("admin", "/skr/admin/staff"),          # skr
])
def test_staff_pages_wear_the_intranet_look(stack, login, page):
    r = staff_client(stack, login).get(page)
    assert r.status_code == 200
    assert BRAND_INTRANET in r.text and BRAND_PORTAL not in r.text


@pytest.mark.parametrize("path", [
    "/skr/ebt/no/such/page", "/skr/ecustomer/no-such-page",
    "/skr/alerts/no/such", "/skr/puesc/no-such", "/skr/no-such-page",
])
def test_404_under_a_staff_prefix_wears_the_intranet_look(stack, path):
    r = staff_client(stack, "admin").get(path)
    assert r.status_code == 404
    assert BRAND_INTRANET in r.text and BRAND_PORTAL not in r.text


@pytest.mark.parametrize("path,status", [
    ("/ebt/", 200), ("/ecustomer/", 200), ("/portal/account", 200),
    ("/ebt/no-such-page", 404), ("/portal/no-such-page", 404),
])
def test_portal_pages_wear_the_portal_look(stack, path, status):
    r = portal_client(stack, "anna.kowalska@demo.zsog.pl").get(path)
    assert r.status_code == status
    assert BRAND_PORTAL in r.text and BRAND_INTRANET not in r.text
