"""test_risk_access.py: the risk program's analyst pages open to risk
analysts only: a crossing officer or an administrator gets 403, a portal
user (whose session is no staff session under /skr/) is sent to the
intranet's sign-in, and the page shows nothing of its content to either."""
import pytest

from zsog import DEMO_PASSWORD, portal_client, staff_client

ANALYST_PAGES = ["/skr/risk"]


@pytest.mark.parametrize("path", ANALYST_PAGES)
def test_analyst_sees_the_start(stack, path):
    r = staff_client(stack, "analityk").get(path)
    assert r.status_code == 200
    assert 'id="decision-counts"' in r.text
    assert 'href="/skr/risk"' in r.text     # the menu offers it


@pytest.mark.parametrize("login", ["grzechotki", "koroszczyn", "admin", "audytor"])
@pytest.mark.parametrize("path", ANALYST_PAGES)
def test_other_officers_get_403(stack, login, path):
    c = staff_client(stack, login)
    r = c.get(path)
    assert r.status_code == 403
    assert 'id="decision-counts"' not in r.text
    assert 'href="/skr/risk"' not in c.get("/skr/").text


@pytest.mark.parametrize("path", ANALYST_PAGES)
def test_portal_user_is_sent_to_the_staff_signin(stack, path):
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl", DEMO_PASSWORD)
    r = anna.get(path)
    assert r.status_code == 303
    assert r.headers["Location"] == "/skr/signin?next=" + path
    assert 'id="decision-counts"' not in r.text
