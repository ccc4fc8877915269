"""test_fleet_remind.py: `zsog-admin fleet-remind --today DAY` (issue 16)
mails each deadline to every fleet manager whose subtree holds the
vehicle's unit, in their language, Fleet.RemindDays (14, 3, 0) days before
and once overdue; a run on the day before sends nothing, a second run (the
same day or the next) nothing again, and a renewed document starts anew.
On a stack of its own (each run mails every deadline of the database)."""
import os
import re
import subprocess
from datetime import date, timedelta

import pytest

from conftest import private_stack
from fleet_docs_lib import add_doc, day, make_manager, make_vehicle, newest_doc
from zsog import staff_client

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
MONTHS_PL = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
             "sierpnia", "września", "października", "listopada", "grudnia"]


@pytest.fixture(scope="module")
def stack():
    """A stack of its own: a run mails every deadline of the database, and
    the outbox page shows a recipient's newest 100 mails only."""
    with private_stack() as st:
        yield st


def remind(stack, today):
    build = os.environ.get("ZSOG_BUILD", os.path.join(ROOT, "build"))
    out = subprocess.run([os.path.join(build, "zsog-admin"), "fleet-remind",
                          os.path.join(stack.var, "etc", "zsog.hdf"), "--today", today],
                         check=True, capture_output=True, text=True).stdout.strip()
    assert out.startswith("fleet reminders on %s: " % today), out
    return out


def shift(d, n):
    return (date.fromisoformat(d) + timedelta(days=n)).isoformat()


def words(d, lang):
    x = date.fromisoformat(d)
    return "%d %s %d" % (x.day, (MONTHS_EN if lang == "en" else MONTHS_PL)[x.month - 1], x.year)


def about(stack, email, plate):
    return [m for m in stack.mails(email) if plate in m[1]]


@pytest.fixture(scope="module")
def setup(stack):
    """A vehicle of the Grzechotki branch, its managers: flota (chamber,
    reads Polish) and one of the Olsztyn office (reads English); a manager
    of Lublin who must get nothing."""
    stack.sql("UPDATE staff SET lang = 'pl' WHERE login = 'flota'")
    office = make_manager(stack, 11, "en")
    lublin = make_manager(stack, 20, "en")
    vid, plate = make_vehicle(stack, 12)
    flota = staff_client(stack, "flota")
    due = day(40)
    assert add_doc(flota, vid, kind="insurance", number="PZU-R1",
                   valid_until=due).status_code == 303
    managers = [e for (e,) in stack.sql(
        "WITH RECURSIVE up (id, parent_id) AS (SELECT id, parent_id FROM org_unit"
        " WHERE id = 12 UNION ALL SELECT u.id, u.parent_id FROM org_unit u"
        " JOIN up ON u.id = up.parent_id)"
        " SELECT s.email FROM staff s JOIN up ON up.id = s.unit_id"
        " JOIN staff_role r ON r.staff_id = s.id AND r.role = 'fleet'"
        " WHERE s.disabled = 0")]
    assert office[2] in managers and lublin[2] not in managers
    return dict(vid=vid, plate=plate, due=due, flota=flota, office=office[2],
                lublin=lublin[2], managers=managers,
                pawel="pawel.dabrowski@skr.demo.zsog.pl")


def test_nothing_the_day_before_the_first_reminder(stack, setup):
    remind(stack, shift(setup["due"], -15))
    for e in setup["managers"] + [setup["lublin"]]:
        assert about(stack, e, setup["plate"]) == []


def test_fourteen_days_before_one_mail_per_manager_in_their_language(stack, setup):
    out = remind(stack, shift(setup["due"], -14))
    assert re.search(r"\d+ document\(s\), \d+ mail\(s\)", out)
    for e in setup["managers"]:
        assert len(about(stack, e, setup["plate"])) == 1, e
    subject, body = about(stack, setup["office"], setup["plate"])[0]
    assert subject == "Fleet: a vehicle's deadline"
    assert "Registration plate: %s (Testmobil Docs)" % setup["plate"] in body
    assert "Document: third-party insurance PZU-R1" in body
    assert "Due: %s (in 14 days)" % words(setup["due"], "en") in body
    assert "/skr/fleet/vehicles/%d/documents" % setup["vid"] in body
    subject, body = about(stack, setup["pawel"], setup["plate"])[0]
    assert subject == "Flota: termin pojazdu"
    assert "Termin: %s (za 14 dni)" % words(setup["due"], "pl") in body
    assert about(stack, setup["lublin"], setup["plate"]) == []
    assert stack.sql("SELECT stage, due_on, sent_on, recipients FROM fleet_reminder"
                     " WHERE document_id = ?", newest_doc(stack, setup["vid"])) == [
        ["14", setup["due"], shift(setup["due"], -14), str(len(setup["managers"]))]]


def test_a_second_run_the_same_day_or_the_next_sends_nothing(stack, setup):
    remind(stack, shift(setup["due"], -14))
    remind(stack, shift(setup["due"], -13))
    for e in setup["managers"]:
        assert len(about(stack, e, setup["plate"])) == 1, e


def test_three_days_before_and_on_the_day(stack, setup):
    remind(stack, shift(setup["due"], -3))
    remind(stack, shift(setup["due"], -2))
    _, body = about(stack, setup["office"], setup["plate"])[0]
    assert "(in 3 days)" in body
    remind(stack, setup["due"])
    mails = about(stack, setup["office"], setup["plate"])
    assert len(mails) == 3
    assert "(due today)" in mails[0][1]


def test_once_when_overdue(stack, setup):
    remind(stack, shift(setup["due"], 2))
    remind(stack, shift(setup["due"], 3))
    mails = about(stack, setup["office"], setup["plate"])
    assert len(mails) == 4
    assert "a deadline of a vehicle of your units has passed" in mails[0][1]
    assert "(overdue by 2 days)" in mails[0][1]


def test_after_renewal_nothing_for_the_old_one(stack, setup):
    flota = setup["flota"]
    assert add_doc(flota, setup["vid"], kind="insurance", number="PZU-R2",
                   valid_until=shift(setup["due"], 365)).status_code == 303
    remind(stack, shift(setup["due"], 4))
    remind(stack, shift(setup["due"], 30))
    assert len(about(stack, setup["office"], setup["plate"])) == 4
    # The renewed one is reminded of in its own time.
    remind(stack, shift(setup["due"], 365 - 14))
    mails = about(stack, setup["office"], setup["plate"])
    assert len(mails) == 5
    assert "PZU-R2" in mails[0][1]


def test_a_corrected_deadline_is_reminded_of_anew(stack, setup):
    vid, plate = make_vehicle(stack, 12)
    flota = setup["flota"]
    add_doc(flota, vid, kind="inspection", valid_until=day(20))
    doc = newest_doc(stack, vid)
    remind(stack, day(6))
    assert len(about(stack, setup["office"], plate)) == 1
    flota.get("/skr/fleet/documents/%d" % doc)
    assert flota.post("/skr/fleet/documents/%d" % doc,
                      {"valid_until": day(25)}).status_code == 303
    remind(stack, day(11))
    mails = about(stack, setup["office"], plate)
    assert len(mails) == 2
    assert "(in 14 days)" in mails[0][1]


def test_a_service_overdue_by_km_is_reminded_once(stack, setup):
    vid, plate = make_vehicle(stack, 12, odometer=70000)
    add_doc(setup["flota"], vid, kind="service", done_on=day(-10), done_km="50000",
            every_km="15000")
    remind(stack, day(0))
    remind(stack, day(1))
    mails = about(stack, setup["office"], plate)
    assert len(mails) == 1
    assert "Due at the odometer reading: 65000 km (overdue by 5000 km)" in mails[0][1]


def test_a_bad_date_is_refused(stack):
    build = os.environ.get("ZSOG_BUILD", os.path.join(ROOT, "build"))
    p = subprocess.run([os.path.join(build, "zsog-admin"), "fleet-remind",
                        os.path.join(stack.var, "etc", "zsog.hdf"), "--today", "2026-02-30"],
                       capture_output=True, text=True)
    assert p.returncode == 2
    assert "not a date" in p.stderr
