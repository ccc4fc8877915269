"""ebt_lib.py: what the e-Booking TRUCK tests share: signed-in clients,
valid MRNs and plates, local crossing time, a booking made through the
wizard's last step."""
import datetime
import random
import re
import uuid
import zoneinfo

from zsog import DEMO_PASSWORD, portal_client as portal, staff_client as staff  # noqa: F401 (used by the ebt tests)

ANNA = "anna.kowalska@demo.zsog.pl"
JAN = "jan.wisniewski@demo.zsog.pl"
EWA = "ewa.zielinska@demo.zsog.pl"
PIOTR = "piotr.zajac@demo.zsog.pl"
TRANSPOL, AGENCY, MAZURY = 1, 2, 100
GRZ, KOR = 1, 2
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

_LETTERS = {c: v for c, v in zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    [10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28,
     29, 30, 31, 32, 34, 35, 36, 37, 38])}


def mrn():
    """A fresh MRN with a correct check character (ISO 6346 weights)."""
    body = "26PL" + "%013d" % random.randrange(10 ** 13)
    s = sum((int(c) if c.isdigit() else _LETTERS[c]) << i for i, c in enumerate(body))
    return body + str(s % 11 % 10)


# A booking's state as every page shows it: its lane row (booking_lane,
# 0101) when there is one, else the booking's own status.
STATE_SQL = ("SELECT COALESCE(l.status, b.status) FROM booking b"
             " LEFT JOIN booking_lane l ON l.booking_id = b.id WHERE b.number = ?")


def state(stack, no):
    return stack.scalar(STATE_SQL, no)


# Every booking's steps as its history page lists them: the company's
# changes (booking_history, central) and the lane's steps (booking_lane: a
# walk-in's arrival is its walk_in line). Columns booking_id, at, action,
# actor_kind, k (the order within one second).
STEPS_SQL = (
    "SELECT booking_id, at, action, actor_kind, 0 AS k, id FROM booking_history"
    " UNION ALL SELECT l.booking_id, l.arrived_at, 'arrived', IF(l.arrived_by IS NULL, 'device', 'staff'),"
    " 1, 0 FROM booking_lane l JOIN booking b ON b.id = l.booking_id"
    " WHERE l.arrived_at IS NOT NULL AND b.walk_in = 0"
    " UNION ALL SELECT booking_id, called_at, 'called', 'staff', 1, 1 FROM booking_lane"
    " WHERE called_at IS NOT NULL"
    " UNION ALL SELECT booking_id, done_at, status, IF(done_by IS NULL, 'system', 'staff'), 1, 2"
    " FROM booking_lane WHERE done_at IS NOT NULL")


def steps(stack, no):
    """A booking's actions in the order its page shows them."""
    return [x[0] for x in stack.sql(
        "SELECT s.action FROM (" + STEPS_SQL + ") s JOIN booking b ON b.id = s.booking_id"
        " WHERE b.number = ? ORDER BY s.at, s.k, s.id", no)]


def plate():
    return "WGM" + uuid.uuid4().hex[:5].upper().replace("O", "P").replace("I", "J")




def local(plus_hours=0, plus_days=0):
    """Local date and hour at the crossing, now + the offsets."""
    t = datetime.datetime.now(WARSAW) + datetime.timedelta(days=plus_days, hours=plus_hours)
    return t.strftime("%Y-%m-%d"), t.hour


def fields(**over):
    f = {"plate": plate(), "plate_country": "PL", "trailer_plate": "",
         "driver_name": "Marek Kierowca", "driver_doc": "ABC123456",
         "driver_phone": "+48 600 700 800", "mrns": mrn(),
         "goods": "Meble drewniane", "mass_kg": "18000", "packages": "24"}
    f.update(over)
    return f


def form_page(c, crossing, day, hour, company=TRANSPOL):
    """Opens the form (for the calendar's slots and the CSRF token)."""
    c.get("/ebt/calendar?company=%d&crossing=%d" % (company, crossing))
    r = c.get("/ebt/book?company=%d&crossing=%d&day=%s&hour=%d" % (company, crossing, day, hour))
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return re.search(r'name="idem" value="([0-9a-f]{32})"', r.text).group(1)


def book(c, crossing, day, hour, company=TRANSPOL, idem=None, **over):
    """Posts the confirmation: returns the response."""
    if idem is None:
        idem = form_page(c, crossing, day, hour, company)
    data = fields(**over)
    data.update({"company": str(company), "crossing": str(crossing), "day": day,
                 "hour": str(hour), "idem": idem, "confirm": "1"})
    return c.post("/ebt/book", data)


def number_of(r):
    m = re.match(r"/ebt/bookings/([A-Z0-9-]+)", r.headers.get("Location", ""))
    assert m, (r.status_code, r.headers.get("Location"), r.text[:400])
    return m.group(1)
