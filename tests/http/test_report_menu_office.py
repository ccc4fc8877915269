"""The menu's "Registrations" entry on a kept report page: each worker of
the report program keeps whether the reader's unit is the one-stop-shop
(domain/access.c, access_registry_office), so a registration officer's
kept page asks the database nothing; a hand-over made through the
ecustomer program (another program) still shows at the next request of
every worker, through EPOCH_REGISTRY."""
from ecustomer_lib import staff_client

POZNAN = 41
OLSZTYN = 11
PAGE = "/skr/reports/registrations"
QUEUE = 'href="/skr/ecustomer/queue"'


def menus(client, n=12):
    """Whether the queue is in the menu, for n requests (every worker of
    the program answers some of them)."""
    out = set()
    for _ in range(n):
        r = client.get(PAGE)
        assert r.status_code == 200
        out.add(QUEUE in r.text)
    return out


def test_hand_over_shows_in_the_kept_menu_at_once(stack):
    poznan = staff_client(stack, "rejestracja.poznan")
    olsztyn = staff_client(stack, "rejestracja")
    admin = staff_client(stack, "admin")
    assert menus(poznan) == {True} and menus(olsztyn) == {False}
    try:
        admin.get("/skr/ecustomer/office")
        assert admin.post("/skr/ecustomer/office", {"unit": str(OLSZTYN)}).status_code == 303
        # Olsztyn's officer first: the workers' copies are of his unit,
        # made before the hand-over (a copy kept past it would show).
        assert menus(olsztyn) == {True} and menus(poznan) == {False}
    finally:
        admin.get("/skr/ecustomer/office")
        assert admin.post("/skr/ecustomer/office", {"unit": str(POZNAN)}).status_code == 303
    assert menus(olsztyn) == {False} and menus(poznan) == {True}
