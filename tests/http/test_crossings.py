"""test_crossings.py: one crossing table for e-Booking TRUCK and the lane
devices (domain/crossings, migration 0070): the lanes' crossing of its own
(Kuźnica) is a crossing eBT does not book; the branch that runs a crossing
is one fact, so moving it moves the eBT pages and the devices and alerts
together; the lane devices' key points at crossing."""
from ebt_lib import ANNA, GRZ, TRANSPOL, portal, staff

KUZ = 3


def test_one_table_and_the_devices_key(stack):
    assert stack.count("information_schema.tables",
                       "table_schema = DATABASE() AND table_name = 'lane_crossing'") == 0
    assert stack.sql("SELECT code, unit_id, ebt FROM crossing ORDER BY id") == [
        ["GRZ", "12", "1"], ["KOR", "22", "1"], ["KUZ", "32", "0"]]
    assert stack.scalar(
        "SELECT referenced_table_name FROM information_schema.referential_constraints"
        " WHERE constraint_schema = DATABASE() AND constraint_name = 'fk_device_crossing'") == "crossing"


def test_a_crossing_of_the_lanes_alone_is_not_booked(stack):
    anna = portal(stack, ANNA)
    start = anna.get("/ebt/book/start")
    assert start.status_code == 200
    assert 'name="crossing" value="%d"' % GRZ in start.text
    assert 'name="crossing" value="%d"' % KUZ not in start.text
    r = anna.get("/ebt/calendar?company=%d&crossing=%d" % (TRANSPOL, KUZ))
    assert r.status_code == 404
    guest = stack.client().get("/ebt/guest")
    assert guest.status_code == 200
    assert '<option value="%d"' % KUZ not in guest.text
    assert '<option value="%d"' % GRZ in guest.text


def test_the_branch_that_runs_a_crossing_is_one_fact(stack):
    """Grzechotki handed to another branch: its officers lose its eBT page
    and its lane devices at once (before, the lanes kept their own copy of
    the branch)."""
    grz = staff(stack, "grzechotki")
    assert grz.get("/skr/ebt/%d" % GRZ).status_code == 200
    assert 'data-code="GRZ-ANPR-T1"' in grz.get("/skr/devices").text
    try:
        stack.sql("UPDATE crossing SET unit_id = 32 WHERE code = 'GRZ'")
        assert grz.get("/skr/ebt/%d" % GRZ).status_code == 404
        page = grz.get("/skr/devices")
        assert page.status_code == 200 and 'data-code="GRZ-ANPR-T1"' not in page.text
    finally:
        stack.sql("UPDATE crossing SET unit_id = 12 WHERE code = 'GRZ'")
    assert 'data-code="GRZ-ANPR-T1"' in grz.get("/skr/devices").text
