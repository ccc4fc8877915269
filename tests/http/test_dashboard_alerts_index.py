"""test_dashboard_alerts_index.py: the start page's open-alerts count
(domain/watch_today.c) reads the open states' ranges of ix_alert_open
(migration 0092) from the index alone, never the closed alerts a table of
years keeps (issue 15, docs/reports.md "The officers' start page")."""

# The statement of domain/watch_today.c, q_open, with its scope bound.
OPEN = ("SELECT crossing, priority, COUNT(*) AS n FROM alert"
        " WHERE state IN ('new', 'acknowledged', 'inspection')"
        " AND FIND_IN_SET(crossing, 'GRZ,KOR') GROUP BY crossing, priority")


def test_open_alerts_read_the_open_range_of_the_index(stack):
    src = open(stack.root + "/domain/watch_today.c").read()
    assert " ".join(OPEN.replace("'GRZ,KOR'", "?").split()) in " ".join(
        src.replace('"\n\t"', "").replace('"', "").split())
    rows = stack.sql("EXPLAIN " + OPEN)
    # id, select_type, table, type, possible_keys, key, key_len, ref, rows, Extra
    assert len(rows) == 1
    row = rows[0]
    assert row[2] == "alert"
    assert row[3] == "range"
    assert row[5] == "ix_alert_open"
    assert "Using index" in row[9]
