"""test_ecustomer_rep_browser.py: runs tests/browser/represent.mjs against
this test stack: a person asks to represent Trans-Pol as a direct
representative with a power of attorney, Anna accepts, the one-stop-shop
verifies, the representation is in force. Screenshots (desktop and 390 px)
go to the test's temporary directory, never into the tree."""
import random
import string

from browser_lib import node_ready, run
from ecustomer_lib import approved_person, new_account, staff_client
from rep_lib import pdf


def test_request_accept_verify_in_chromium(stack, tmp_path):
    node_ready()
    last = "Agent" + "".join(random.choice(string.ascii_lowercase) for _ in range(6))
    person = approved_person(stack, staff_client(stack, "rejestracja.poznan"),
                             client=new_account(stack, "Beata", last))
    doc = tmp_path / "pelnomocnictwo.pdf"
    doc.write_bytes(pdf())
    shots = tmp_path / "shots"
    shots.mkdir()
    r = run("represent.mjs", stack.base, str(shots), person.email,
            "Pierwsze-Haslo-1", str(doc), timeout=180)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok - the representation is in force" in r.stdout
    assert "ok - she acts for Trans-Pol" in r.stdout
    assert stack.scalar("SELECT state FROM representation WHERE rep_person_id = ?"
                        " AND company_id = 1", person.person_id) == "active"
    for name in ("represent-form", "reps-pending", "office-poa", "represent-in-force"):
        assert (shots / (name + ".png")).stat().st_size > 0
        assert (shots / (name + "-phone.png")).stat().st_size > 0
