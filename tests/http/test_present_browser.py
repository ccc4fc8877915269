"""test_present_browser.py: runs the Chromium test tests/browser/present.mjs
(Print under the CSP, the print stylesheet, no horizontal overflow at
390 px in both languages, long tokens on a desktop, button styles) against
this test stack, with a fresh booking, alert (with its lane picture) and
archived XML message. Screenshots go to build/screenshots/present/, never
into the tree: booking, ecustomer-home, application, crossing-day and
alert, each NAME-phone.png (390×844) and NAME-desktop.png (1280×800)."""
import json
import os
import subprocess

import ebt_lib as E
from browser_lib import node_ready, shots_dir
import puesc_lib as P
from test_ingest_images import hit, picture, store

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BROWSER = os.path.join(ROOT, "tests", "browser")
BUILD = os.environ.get("ZSOG_BUILD", os.path.join(ROOT, "build"))


def test_pages_in_chromium(stack):
    node_ready()
    anna = E.portal(stack, E.ANNA)
    day, _ = E.local(plus_days=3)
    booking = E.number_of(E.book(anna, E.KOR, day, 16, packages="3"))
    # An alert whose plate reader wrote its picture into the image store.
    store(stack, "cam/present.jpg", picture("plate-1.jpg"))
    alert, _ = hit(stack, "cam/present.jpg")
    r = P.post(stack, "/puesc/eori", P.envelope(P.eori_body("PL526025027400000")))
    assert r.status_code == 200, r.text[:300]
    message = int(stack.scalar("SELECT MAX(id) FROM puesc_message"))
    # A sign-up with a long address: the audit log's newest line names it.
    c = stack.client()
    long_email = "a.very.long.mailbox.name.of.a.logistics.department@branch-office.example-company.com"
    c.submit("/portal/signup", "/portal/signup", {
        "first_name": "Długi", "last_name": "Adres", "country": "PL", "email": long_email,
        "phone": "+48 601 222 333", "password": "Pierwsze-Haslo-1",
        "password2": "Pierwsze-Haslo-1"})
    guest_day, _ = E.local(plus_days=4)
    data = {"booking": booking, "alert": alert, "message": message,
            "guestDay": guest_day, "guestHour": 18, "guestPlate": E.plate(),
            "guestMrn": E.mrn()}
    shots = shots_dir("present")     # emptied: no stale names left over
    r = subprocess.run(["node", os.path.join(BROWSER, "present.mjs"), stack.base, shots,
                        json.dumps(data)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "all passed" in r.stdout
    for name in ("booking", "ecustomer-home", "application", "crossing-day", "alert"):
        for size in ("phone", "desktop"):
            assert os.path.getsize(os.path.join(shots, "%s-%s.png" % (name, size))) > 0
