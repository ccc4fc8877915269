"""test_report_access.py: /skr/reports lists, in words, the reports the
officer's roles open (domain/access.h ACC_REPORT_*); a staff member with
no fitting role gets 403 and no menu entry, a portal user is sent to the
intranet's sign-in, and the page shows nothing of its content to either."""
import pytest

from zsog import DEMO_PASSWORD, portal_client, staff_client

# login -> the reports its roles open, in the list's order
SEES = {
    "grzechotki": ["traffic", "ebt", "alerts", "devices"],  # crossing, watchlist
    "analityk": ["traffic", "ebt", "alerts"],                # risk, watchlist
    "admin": ["traffic", "ebt", "alerts", "devices", "registrations"],
    "audytor": ["traffic", "ebt", "alerts", "devices", "registrations"],
    "rejestracja": ["registrations"],
}


@pytest.mark.parametrize("login", sorted(SEES))
def test_the_list_names_the_reports_of_the_roles(stack, login):
    c = staff_client(stack, login)
    r = c.get("/skr/reports?lang=en")
    assert r.status_code == 200
    ids = [i for i in ("traffic", "ebt", "alerts", "devices", "registrations")
           if 'id="report-%s"' % i in r.text]
    assert ids == SEES[login]
    assert 'href="/skr/reports"' in r.text          # the menu offers it
    assert 'id="card-reports"' in c.get("/skr/").text


def test_the_list_in_both_languages(stack):
    c = staff_client(stack, "audytor")
    r = c.get("/skr/reports?lang=pl")
    assert r.status_code == 200
    assert "<h1>Raporty</h1>" in r.text
    assert "Ruch na przejściach" in r.text
    r = c.get("/skr/reports?lang=en")
    assert "<h1>Reports</h1>" in r.text
    assert "Traffic at the crossings" in r.text


def test_staff_without_a_fitting_role_gets_403(stack):
    c = staff_client(stack, "flota")                # fleet officer only
    r = c.get("/skr/reports")
    assert r.status_code == 403
    assert 'id="reports"' not in r.text
    assert 'href="/skr/reports"' not in c.get("/skr/").text


def test_portal_user_is_sent_to_the_staff_signin(stack):
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    r = anna.get("/skr/reports")
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/signin?next=/skr/reports"
    assert 'id="reports"' not in r.text
