"""test_fleet_browser.py: the fleet in Chromium (tests/browser/fleet.mjs)
as the demo fleet manager `flota`, in Polish and English, at 1280 and
390 px: the dashboard, a finished trip card of the demo data and the
yearly report per vehicle (its default: the twelve months up to this one)
do not scroll sideways, and show their key figures as the demo data makes
them (db/seed/50_fleet_vehicles.sql, 51_fleet_docs.sql, 52_fleet_trips.sql).
On a stack of its own: the other modules' test rows would count on the
dashboard. Screenshots go to build/screenshots/fleet/ (never the tree)."""
import json
import os

import pytest

from browser_lib import node_ready, run, shots_dir
from conftest import private_stack

LOOKS = ("desktop", "phone")
LANGS = ("pl", "en")


@pytest.fixture(scope="module")
def stack():
    with private_stack() as st:
        yield st


def test_dashboard_trip_card_and_report_fit_and_show_the_demo_figures(stack, tmp_path):
    node_ready()
    # The oldest finished trip of the demo: checked by flota, in the Olsztyn
    # office (unit 11), its km from the odometers.
    trip, plate, make, model, km = stack.sql(
        "SELECT t.id, v.plate, v.make, v.model, t.odo_in - t.odo_out FROM fleet_trip t"
        " JOIN fleet_vehicle v ON v.id = t.vehicle_id WHERE t.status = 'checked'"
        " ORDER BY t.id LIMIT 1")[0]
    # The report's total: every demo trip of the chamber's vehicles (1-12)
    # ended within the last 92 days, so inside the default twelve months.
    total_km = stack.scalar("SELECT SUM(odo_in - odo_out) FROM fleet_trip WHERE vehicle_id"
                            " BETWEEN 1 AND 12 AND end_utc IS NOT NULL")
    # flota's unit: the Olsztyn chamber (10), its subtree by default
    chamber = dict(zip(("pl", "en"), stack.sql("SELECT name_pl, name_en FROM org_unit"
                                               " WHERE id = 10")[0]))
    n = lambda c: "#count-%s strong.n" % c
    pages = [
        {"name": "dashboard", "url": "/skr/fleet",
         "selectors": [n("in_service"), n("in_repair"), n("out_of_service"), n("on_trip"),
                       n("overdue"), "#count-overdue span", "h1", "#count-in_service",
                       "#count-on_trip"]},
        {"name": "trip", "url": "/skr/fleet/trips/%s" % trip,
         "selectors": ["#card-vehicle", "#card-km", "#card-status"]},
        {"name": "report", "url": "/skr/fleet/reports/vehicles",
         "selectors": ["h1", "#total td.num", "#part-km svg"]},
    ]
    pages_file = tmp_path / "pages.json"
    out_file = tmp_path / "out.json"
    pages_file.write_text(json.dumps(pages))
    shots = shots_dir("fleet")
    r = run("fleet.mjs", stack.base, shots, "flota", str(pages_file), str(out_file), timeout=400)
    assert r.returncode == 0, r.stdout + r.stderr
    got = {(o["name"], o["lang"], o["look"]): o for o in json.loads(out_file.read_text())}
    words = {
        "pl": {"overdue": "termin przekroczony", "dash": "Flota · %s i jednostki podległe" % chamber["pl"], "checked": "sprawdzona",
               "report": "Raport floty według pojazdu"},
        "en": {"overdue": "deadline overdue", "dash": "Fleet · %s and the units below it" % chamber["en"], "checked": "checked",
               "report": "Fleet report per vehicle"},
    }
    for lang in LANGS:
        w = words[lang]
        want = {
            # the chamber's twelve vehicles: 10 in service, the Navara in
            # repair, the Megane out of service; the Trafic on the road now;
            # one deadline overdue
            "dashboard": {n("in_service"): "10", n("in_repair"): "1",
                          n("out_of_service"): "1", n("on_trip"): "1", n("overdue"): "1",
                          "#count-overdue span": w["overdue"], "h1": w["dash"]},
            "trip": {"#card-vehicle": "%s · %s %s" % (plate, make, model),
                     "#card-km": "%s km" % km, "#card-status": w["checked"]},
            "report": {"h1": w["report"], "#total td.num": total_km},
        }
        for name, figures in want.items():
            for look in LOOKS:
                o = got[(name, lang, look)]
                where = (name, lang, look)
                assert o["status"] == 200, where
                assert o["sw"] <= o["cw"], (where, o["sw"], o["cw"])
                for sel, text in figures.items():
                    t = o["texts"][sel]
                    assert t and (t["text"], t["shown"]) == (text, True), (where, sel, t)
                    # on screen without scrolling sideways (the report's
                    # table scrolls in its own box on a phone)
                    if not (name == "report" and sel.startswith("#total")):
                        assert t["inside"], (where, sel, t)
                # the count cards show no list bullets (they did at 390 px)
                for sel in ("#count-in_service", "#count-on_trip"):
                    if sel in o["texts"]:
                        assert o["texts"][sel]["marker"] == "none", (where, sel, o["texts"][sel])
                svg = o["texts"].get("#part-km svg")
                if svg is not None:
                    assert svg["shown"] and svg["inside"], (where, svg)
                assert os.path.getsize(os.path.join(shots, "%s-%s-%s.png" % (name, lang, look))) > 0
