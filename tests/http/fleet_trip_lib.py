"""fleet_trip_lib.py: what the reservation and trip tests share: vehicles,
staff and drivers of their own (arranged as root, each test module with
fresh ones so the shared stack's other rows never count), Warsaw local
times for the forms and their UTC for the database."""
import datetime
import html
import itertools
import re
import zoneinfo

from zsog import DEMO_PASSWORD, staff_client, unique

WAW = zoneinfo.ZoneInfo("Europe/Warsaw")
UTC = datetime.timezone.utc
_vin = itertools.count(1)


def local(dt):
    """A Warsaw datetime as the form's value."""
    return dt.strftime("%Y-%m-%dT%H:%M")


def utc_text(dt):
    """The same moment as the database keeps it (UTC)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def at(days, hour, minute=0):
    """Warsaw time `days` from today at hour:minute."""
    d = datetime.datetime.now(WAW).date() + datetime.timedelta(days=days)
    return datetime.datetime(d.year, d.month, d.day, hour, minute, tzinfo=WAW)


def now_waw(minutes=0):
    t = datetime.datetime.now(WAW).replace(second=0, microsecond=0)
    return t + datetime.timedelta(minutes=minutes)


def vehicle(stack, unit, pool=1, odometer=10000, inspection=365, insurance=365,
            status="in_service"):
    """A vehicle of unit with its inspection and insurance valid for that
    many days from today (negative: lapsed); its id."""
    n = next(_vin)
    tag = unique("")[:6].upper()
    vin = ("TST%s%08d" % (tag, n))[:17].replace("I", "J").replace("O", "P").replace("Q", "R")
    plate = "T %s" % tag
    stack.sql("INSERT INTO fleet_vehicle (unit_id, plate, vin, make, model, kind,"
              " status, odometer_km, fuel, tank_l, norm_l100, pool, created_at, updated_at)"
              " VALUES (?, ?, ?, 'Testowa', 'Marka', 'car', ?, ?, 'diesel', 60, 6.5, ?,"
              " UTC_TIMESTAMP(), UTC_TIMESTAMP())", unit, plate, vin, status, odometer, pool)
    vid = int(stack.scalar("SELECT id FROM fleet_vehicle WHERE vin = ?", vin))
    for kind, days in (("inspection", inspection), ("insurance", insurance)):
        if days is not None:
            stack.sql("INSERT INTO fleet_document (vehicle_id, kind, number, valid_until,"
                      " created_at) VALUES (?, ?, 'T-1', CURDATE() + INTERVAL ? DAY,"
                      " UTC_TIMESTAMP())", vid, kind, days)
    return vid


def person(stack, unit, roles=("crossing",), driver=False, licence=1000):
    """A staff member of unit with the demo password, the roles given and,
    with driver, a permission to drive in unit (licence valid that many
    days); (login, id)."""
    login = unique("ft.")
    stack.sql("INSERT INTO staff (login, email, full_name, pwhash, unit_id, created_at)"
              " SELECT ?, ?, ?, pwhash, ?, UTC_TIMESTAMP() FROM staff WHERE id = 7",
              login, login + "@skr.demo.zsog.pl", "Kierowca " + login[-6:], unit)
    sid = int(stack.scalar("SELECT id FROM staff WHERE login = ?", login))
    for role in roles:
        stack.sql("INSERT INTO staff_role (staff_id, role) VALUES (?, ?)", sid, role)
    if driver:
        drive(stack, sid, unit, licence)
    return login, sid


def drive(stack, sid, unit, licence=1000, permitted=1):
    stack.sql("INSERT INTO fleet_driver (staff_id, unit_id, categories, licence_until,"
              " permitted, granted_by, granted_at) VALUES (?, ?, 'B', CURDATE() + INTERVAL ? DAY,"
              " ?, 7, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE unit_id = VALUES(unit_id),"
              " licence_until = VALUES(licence_until), permitted = VALUES(permitted)",
              sid, unit, licence, permitted)


def signin(stack, login):
    c = staff_client(stack, login, DEMO_PASSWORD)
    return c


def page_error(text):
    """The error page's message (error.cs), or None."""
    m = re.search(r"<h1>\d{3} · (.*?)</h1>", text, re.S)
    return html.unescape(m.group(1)) if m else None
