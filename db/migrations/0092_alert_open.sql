-- 0092_alert_open.sql: the officers' start page counts the open alerts of
-- its unit's crossings per priority (domain/watch_today.c, issue 15). The
-- alert table keeps every closed alert for years, so without an index the
-- count read all of them; with (state, crossing, priority) it reads the
-- open states' ranges only (a few rows: alerts are closed within hours),
-- from the index alone. Owned by domain/watch. EXPLAIN checked by
-- tests/http/test_dashboard_alerts_index.py.
ALTER TABLE alert ADD KEY ix_alert_open (state, crossing, priority);
