"""test_risk_weeks.py: a profile's page shows its live selections per
Warsaw week (Monday to Sunday) with controls, irregularities and hit rate,
newest week first, as a server-rendered table; shadow hits (testing) and
other profiles' hits do not count."""
import datetime
import re
from zoneinfo import ZoneInfo

from test_present import visible
from test_risk_decide import active_profile
from zsog import staff_client, unique

WAW = ZoneInfo("Europe/Warsaw")


def utc(local_dt):
    return local_dt.replace(tzinfo=WAW).astimezone(datetime.timezone.utc) \
        .strftime("%Y-%m-%d %H:%M:%S")


def decision(stack, vid, at, outcome=None, live=1):
    stack.sql("INSERT INTO risk_decision (crossing, lane_kind, object_kind, object_key,"
              " colour, score, random, outcome, created_at)"
              " VALUES ('GRZ', 'car', 'plate', ?, 'red', 0, 0, ?, ?)",
              unique("WK").upper()[:10], outcome, at)
    did = stack.scalar("SELECT MAX(id) FROM risk_decision")
    stack.sql("INSERT INTO risk_decision_hit (decision_id, profile_version_id, live, used)"
              " VALUES (?, ?, ?, 'event.plate_country=IS')", did, vid, live)


def test_profile_page_shows_hit_rate_per_week(stack):
    pid, vid = active_profile(stack, unique("weeks-"), "event.plate_country = 'IS'",
                              fixed="red", crossings="GRZ")
    _, other = active_profile(stack, unique("weeks-o-"), "event.plate_country = 'IS'",
                              fixed="red", crossings="GRZ")
    try:
        today = datetime.datetime.now(WAW).date()
        monday = today - datetime.timedelta(days=today.weekday())
        last = monday - datetime.timedelta(days=7)
        start = datetime.datetime.combine(monday, datetime.time(0, 30))
        # 00:30 on this Monday in Warsaw is still Sunday in UTC: this week.
        decision(stack, vid, utc(start), "irregularity")
        decision(stack, vid, utc(start), "no_irregularity")
        decision(stack, vid, utc(start))
        decision(stack, vid, utc(start), "seizure", live=0)    # a shadow hit
        decision(stack, other, utc(start), "seizure")           # another profile
        # 23:30 on the Sunday before, Warsaw: last week.
        decision(stack, vid, utc(start - datetime.timedelta(hours=1)), "seizure")
        page = staff_client(stack, "analityk").get("/skr/risk/profiles/%d" % pid)
        assert page.status_code == 200
        table = re.search(r'<table id="weeks">.*?</table>', page.text, re.S).group(0)
        rows = [[visible(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
                for tr in re.findall(r"<tr data-week[^>]*>(.*?)</tr>", table, re.S)]
        assert rows == [[monday.isoformat(), "3", "2", "1", "50.0 %"],
                        [last.isoformat(), "1", "1", "1", "100.0 %"]]
        assert "Week from (Monday)" in table
    finally:
        stack.sql("UPDATE risk_profile SET state = 'retired' WHERE id IN (?, ?)", pid,
                  stack.scalar("SELECT profile_id FROM risk_profile_version WHERE id = ?",
                               other))
