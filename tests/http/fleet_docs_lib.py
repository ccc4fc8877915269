"""fleet_docs_lib.py: helpers of the fleet documents, reminders and drivers
tests: Warsaw dates, a vehicle of a unit made for a test (the rows a vehicle
form would write: the tests here are about its documents), a fleet manager
made for a test, the documents page's deadline badges."""
import html
import random
import re
import string
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from zsog import unique

VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
DEMO_HASH = None


def today():
    return datetime.now(ZoneInfo("Europe/Warsaw")).date()


def day(n=0):
    """Today in Warsaw plus n days, YYYY-MM-DD."""
    return (today() + timedelta(days=n)).isoformat()


def make_vehicle(stack, unit, odometer=50000, status="in_service"):
    """A vehicle of unit (a European VIN: W then 16 allowed characters);
    returns (id, plate)."""
    plate = "T" + "".join(random.choice(string.ascii_uppercase + string.digits)
                          for _ in range(6))
    vin = "W" + "".join(random.choice(VIN_CHARS) for _ in range(16))
    stack.sql("INSERT INTO fleet_vehicle (unit_id, plate, vin, make, model, kind,"
              " status, odometer_km, fuel, tank_l, norm_l100, created_at, updated_at)"
              " VALUES (?, ?, ?, 'Testmobil', 'Docs', 'car', ?, ?, 'diesel', 50, 6.5,"
              " UTC_TIMESTAMP(), UTC_TIMESTAMP())", unit, plate, vin, status, odometer)
    vid = int(stack.scalar("SELECT id FROM fleet_vehicle WHERE plate = ?", plate))
    return vid, plate


def make_manager(stack, unit, lang="en"):
    """A fleet manager of unit with the demo password; returns (id, login, email)."""
    login = unique("fm")
    email = login + "@skr.demo.zsog.pl"
    stack.sql("INSERT INTO staff (login, email, full_name, pwhash, unit_id, created_at, lang)"
              " SELECT ?, ?, 'Test Manager', pwhash, ?, UTC_TIMESTAMP(), ?"
              " FROM staff WHERE login = 'flota'", login, email, unit, lang)
    sid = int(stack.scalar("SELECT id FROM staff WHERE login = ?", login))
    stack.sql("INSERT INTO staff_role (staff_id, role) VALUES (?, 'fleet')", sid)
    return sid, login, email


def add_doc(c, vid, **fields):
    """Posts the add form of vehicle vid; the answer."""
    r = c.get("/skr/fleet/vehicles/%d/documents/new" % vid)
    assert r.status_code == 200, r.status_code
    return c.post("/skr/fleet/vehicles/%d/documents" % vid, fields)


def doc_row(page_html, doc_id):
    m = re.search(r'<tr data-id="%s"[^>]*>(.*?)</tr>' % doc_id, page_html, re.S)
    assert m, "no row %s" % doc_id
    return m.group(1)


def badge(row_html):
    """The deadline badge of a row: (state, words)."""
    m = re.search(r'<span class="badge[^"]*" data-state="([a-z]+)">(.*?)</span>',
                  row_html, re.S)
    assert m, row_html
    return m.group(1), html.unescape(m.group(2)).strip()


def newest_doc(stack, vid):
    return int(stack.scalar("SELECT MAX(id) FROM fleet_document WHERE vehicle_id = ?", vid))
