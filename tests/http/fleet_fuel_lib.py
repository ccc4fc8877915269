"""fleet_fuel_lib.py: what the fuel and damage tests share: a vehicle of
their own (so the demo's rows never count in their figures), Warsaw days,
and entering a refuelling through the real form."""
import datetime
import html
import random
import re
import string
import zoneinfo

from zsog import unique

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def warsaw_day(days_ago):
    today = datetime.datetime.now(WARSAW).date()
    return (today - datetime.timedelta(days=days_ago)).isoformat()


def new_vehicle(stack, unit=11, tank=50, norm="8.0", odo=10000):
    """A vehicle inserted as root (fleet-core's form is not the subject
    here); its id."""
    plate = "T" + unique("")[-7:].upper()
    # A WMI outside North America (W: Germany): no check digit required.
    vin = "W" + "".join(random.choice(VIN_CHARS) for _ in range(16))
    stack.sql("INSERT INTO fleet_vehicle (unit_id, plate, vin, make, model,"
              " kind, fuel, tank_l, norm_l100, odometer_km, created_at,"
              " updated_at) VALUES (?, ?, ?, 'Test', 'Car', 'car', 'diesel',"
              " ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
              unit, plate, vin, tank, norm, odo)
    vid = int(stack.scalar("SELECT id FROM fleet_vehicle WHERE plate = ?", plate))
    stack.sql("INSERT INTO fleet_vehicle_status (vehicle_id, since, status)"
              " VALUES (?, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service')", vid)
    return vid


def refuel(client, vehicle, days_ago, odometer, litres, price="6.49",
           time="12:00", station="Orlen, Olsztyn", card="", day=None):
    page = client.get("/skr/fleet/fuel/new?vehicle=%d" % vehicle)
    assert page.status_code == 200, page.text[:300]
    return client.post("/skr/fleet/fuel", {
        "vehicle": str(vehicle), "day": day or warsaw_day(days_ago),
        "time": time, "litres": litres, "price": price,
        "odometer": str(odometer), "station": station, "card": card})


def visible(text):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).strip()


def row_of(page_html, fuel_id):
    m = re.search(r'<tr data-id="%s"[^>]*>(.*?)</tr>' % fuel_id, page_html, re.S)
    assert m, "no row %s" % fuel_id
    return m.group(1)
