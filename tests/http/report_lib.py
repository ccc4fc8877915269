"""report_lib.py: the traffic and device rollups (docs/reports.md) computed
again in Python from the raw event table, to compare with what the ingest
path wrote in the events' own transactions."""
from collections import defaultdict
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import ingest_lib as L

WAW = ZoneInfo("Europe/Warsaw")
TRAFFIC = ("report_traffic_hour", "report_traffic_day", "report_traffic_month")
TABLES = TRAFFIC + ("report_plate_country_day", "report_busy_hour",
                    "report_device_hour", "report_device_day")
RAW = ("SELECT e.device_id, e.crossing, d.lane_kind, e.dir, e.kind,"
       " DATE_FORMAT(e.t, '%Y-%m-%d %H:%i:%s'), IFNULL(e.country, ''),"
       " e.obj_key IS NOT NULL, e.doubtful"
       " FROM event e JOIN device d ON d.id = e.device_id WHERE ")


def expected(stack, where="1", *params):
    """{table: {key: [counts]}} from the raw events matching where."""
    out = {t: defaultdict(lambda: [0, 0, 0, 0]) for t in TABLES}
    for dev, crossing, lane_kind, dr, kind, t, country, obj, doubtful in \
            stack.sql(RAW + where, *params):
        utc = datetime.strptime(t, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
        loc = utc.astimezone(WAW)
        hour = utc.strftime("%Y-%m-%d %H:00:00")
        day = loc.strftime("%Y-%m-%d")
        obj, doubtful = int(obj), int(doubtful)
        r = out["report_device_hour"][(dev, hour)]
        r[0] += 1
        r[1] += doubtful
        r[2] |= 1 << utc.minute
        r = out["report_device_day"][(dev, day)]
        r[0] += 1
        r[1] += doubtful
        if kind == "heartbeat":
            continue
        foreign = int(kind == "plate" and country not in ("", "PL"))
        for table, bucket in zip(TRAFFIC, (hour, day, loc.strftime("%Y-%m-01"))):
            r = out[table][(crossing, bucket, lane_kind, dr, kind)]
            for i, v in enumerate((1, obj, foreign, doubtful)):
                r[i] += v
        if kind == "plate":
            out["report_plate_country_day"][(crossing, day, country)][0] += 1
        r = out["report_busy_hour"][(crossing, loc.strftime("%Y-%m-01"),
                                     str(loc.isoweekday()), str(loc.hour))]
        r[0] += 1
        r[1] += obj
    return {t: {k: v[:NCOUNTS[t]] for k, v in rows.items()} for t, rows in out.items()}


NCOUNTS = {"report_traffic_hour": 4, "report_traffic_day": 4,
           "report_traffic_month": 4, "report_plate_country_day": 1,
           "report_busy_hour": 2, "report_device_hour": 3,
           "report_device_day": 2}
COLUMNS = {
    "report_traffic_hour": ("crossing, DATE_FORMAT(hour, '%Y-%m-%d %H:%i:%s'), lane_kind, dir, kind",
                            "events, objects, foreign_plates, doubtful"),
    "report_traffic_day": ("crossing, day, lane_kind, dir, kind",
                           "events, objects, foreign_plates, doubtful"),
    "report_traffic_month": ("crossing, month, lane_kind, dir, kind",
                             "events, objects, foreign_plates, doubtful"),
    "report_plate_country_day": ("crossing, day, country", "plates"),
    "report_busy_hour": ("crossing, month, weekday, hour", "events, objects"),
    "report_device_hour": ("device_id, DATE_FORMAT(hour, '%Y-%m-%d %H:%i:%s')",
                           "events, doubtful, alive"),
    "report_device_day": ("device_id, day", "events, doubtful"),
}


def actual(stack, table, where="1", *params):
    """{key: [counts]} of one rollup table's rows matching where, once the
    lone events posted so far are counted (report_pending drained)."""
    stack.counted()
    keys, counts = COLUMNS[table]
    nk = len(split_cols(keys))
    sums = ", ".join("BIT_OR(%s)" % c if c == "alive" else "SUM(%s)" % c
                     for c in split_cols(counts))
    # A bucket's rows are split by the writer's slot (0083): summed here.
    rows = stack.sql("SELECT %s, %s FROM %s WHERE %s GROUP BY %s"
                     % (keys, sums, table, where, keys), *params)
    return {tuple(r[:nk]): [int(v) for v in r[nk:]] for r in rows}


def split_cols(cols):
    """The columns of a select list, commas inside parentheses kept."""
    out, depth, cur = [], 0, ""
    for ch in cols:
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
            continue
        depth += (ch == "(") - (ch == ")")
        cur += ch
    out.append(cur.strip())
    return out


def minus(after, before):
    """Counts added between two snapshots of an additive table; rows that
    did not move are left out."""
    out = {}
    for k, v in after.items():
        d = [a - b for a, b in zip(v, before.get(k, [0] * len(v)))]
        if any(d):
            out[k] = d
    return out


def assert_all_exact(stack):
    """Every rollup row equals the COUNT over the raw events, both ways
    (on a stack where only the ingest path wrote events)."""
    exp = expected(stack)
    for table in TABLES:
        got = actual(stack, table)
        assert got == exp[table], (table, diff(got, exp[table]))


def diff(got, exp):
    keys = set(got) | set(exp)
    return sorted((k, got.get(k), exp.get(k)) for k in keys if got.get(k) != exp.get(k))[:10]


def random_events(rng, code, crossing, lane, now, n):
    """n random events of one device within the last six days: plates of
    several countries (some without), containers (some with a wrong check
    digit: doubtful), weights, heartbeats, both directions."""
    out = []
    for _ in range(n):
        t = now - rng.uniform(0, 6 * 86400)
        iso = datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:23] + "Z"
        dr = rng.choice(("entry", "exit"))
        k = rng.random()
        if k < 0.45:
            country = rng.choice(("PL", "PL", "DE", "LT", "UA", None))
            body = ('<plate%s confidence="0.900">R%s %05d</plate>'
                    % (' country="%s"' % country if country else "", rng.choice("ABC"),
                       rng.randrange(100000)))
        elif k < 0.65:
            body = '<container>%s</container>' % rng.choice(
                ("CSQU3054383", "MSKU1234565", "CSQU3054384", "TGHU0000000"))
        elif k < 0.8:
            body = '<weight kg="%d"/>' % rng.randrange(1000, 40000)
        else:
            body = '<heartbeat/>'
        out.append(L.event(code, crossing, lane, body, t=iso, direction=dr))
    return out
