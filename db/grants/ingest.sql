-- grants/ingest.sql: the database account of the ingest program (lane
-- devices and the officers' alert, watch-list, register and device pages).
-- Applied after every migration run; @PW_ingest@ is replaced by its
-- generated password and @DB@ by the database name. REVOKE first, so this
-- file is the whole truth about the account. It alone reads device secrets.

CREATE USER IF NOT EXISTS 'zsog_ingest'@'localhost' IDENTIFIED BY '@PW_ingest@';
ALTER USER 'zsog_ingest'@'localhost' IDENTIFIED BY '@PW_ingest@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT ON @DB@.device TO 'zsog_ingest'@'localhost';
GRANT UPDATE (disabled, heartbeat_seconds) ON @DB@.device TO 'zsog_ingest'@'localhost';
-- A device's liveness (0094: device is central, read-only at a node).
GRANT SELECT, INSERT, UPDATE ON @DB@.device_seen TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT ON @DB@.event TO 'zsog_ingest'@'localhost';
-- The event table's monthly partitions (domain/devices_partition.c, the
-- program's tick): REORGANIZE the empty p_max into next months (ALTER,
-- CREATE) and DROP PARTITION past the retention (DROP). On event alone.
GRANT ALTER, CREATE, DROP ON @DB@.event TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT ON @DB@.watch_entry TO 'zsog_ingest'@'localhost';
GRANT UPDATE (status, decided_by, decided_at) ON @DB@.watch_entry TO 'zsog_ingest'@'localhost';
GRANT SELECT, UPDATE ON @DB@.watch_state TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT ON @DB@.alert TO 'zsog_ingest'@'localhost';
GRANT UPDATE (state, outcome, assigned_to) ON @DB@.alert TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT ON @DB@.alert_step TO 'zsog_ingest'@'localhost';
GRANT SELECT ON @DB@.org_unit TO 'zsog_ingest'@'localhost';
GRANT SELECT (id, login, full_name, email, unit_id, disabled, lang) ON @DB@.staff TO 'zsog_ingest'@'localhost';
-- The language an officer switches to is remembered, and a unit's
-- officers get their mail in theirs (0071_lang.sql).
GRANT UPDATE (lang) ON @DB@.staff TO 'zsog_ingest'@'localhost';
GRANT SELECT ON @DB@.staff_role TO 'zsog_ingest'@'localhost';
-- The menu's registrations card (domain/access): only the one-stop-shop's
-- officers see it (registry_office_is).
GRANT SELECT (id, unit_id) ON @DB@.registry_office TO 'zsog_ingest'@'localhost';
GRANT SELECT, UPDATE, DELETE ON @DB@.session TO 'zsog_ingest'@'localhost';
GRANT INSERT ON @DB@.audit_log TO 'zsog_ingest'@'localhost';
-- The crossings and the units' hierarchy (domain/crossings.c, units.c):
-- which crossing a device is at, which crossings an officer sees.
GRANT SELECT ON @DB@.crossing TO 'zsog_ingest'@'localhost';
-- eBT (domain/booking*.c): a plate read at a waiting-zone entry checks the
-- truck's booking in (booking_checkin_plate, cgi-bin/ingest/store.c); a new
-- watch-list entry is matched against bookings (booking_active_for_plate).
GRANT SELECT ON @DB@.booking TO 'zsog_ingest'@'localhost';
-- The check-in is the booking's lane row (0101): neither booking nor
-- booking_history (central) is written.
GRANT SELECT, INSERT ON @DB@.booking_lane TO 'zsog_ingest'@'localhost';
-- The watch-list action notify_unit (cgi-bin/ingest/notify.c): a notice
-- on the start page of each officer of the entry's unit, and an e-mail.
GRANT INSERT ON @DB@.staff_notice TO 'zsog_ingest'@'localhost';
GRANT INSERT ON @DB@.outbox TO 'zsog_ingest'@'localhost';
-- The control decision (domain/risk, domain/control): stored in the
-- transaction of the event or the check-in, with the control task a yellow
-- or red one opens; an active re-inspection order is done by the sighting.
GRANT SELECT ON @DB@.risk_rate TO 'zsog_ingest'@'localhost';
GRANT SELECT ON @DB@.reinspection TO 'zsog_ingest'@'localhost';
GRANT UPDATE (status, done_at, decision_id) ON @DB@.reinspection TO 'zsog_ingest'@'localhost';
-- Where the crossing is served, the sighting's own row (a node may not
-- write the central order, 0106); the centre settles the order from them
-- (the tick: status, done_at, decision_id above).
GRANT SELECT, INSERT, UPDATE (decision_id) ON @DB@.reinspection_done TO 'zsog_ingest'@'localhost';
GRANT INSERT ON @DB@.risk_decision TO 'zsog_ingest'@'localhost';
GRANT INSERT ON @DB@.risk_decision_hit TO 'zsog_ingest'@'localhost';
GRANT INSERT ON @DB@.control_task TO 'zsog_ingest'@'localhost';
GRANT INSERT ON @DB@.control_step TO 'zsog_ingest'@'localhost';
-- The active risk profiles the decision evaluates, and the facts their
-- rules read: eBT's (booking_risk.c), past control outcomes (control.c).
GRANT SELECT ON @DB@.risk_profile TO 'zsog_ingest'@'localhost';
GRANT SELECT ON @DB@.risk_profile_version TO 'zsog_ingest'@'localhost';
-- A rule's external.listed and external.category (domain/exchange:
-- exchange_risk_info): partners' risk information and the source's code.
GRANT SELECT (source_id, object_kind, value_key, category, level, valid_from, valid_to, updated_at) ON @DB@.risk_info TO 'zsog_ingest'@'localhost';
GRANT SELECT (id, code) ON @DB@.exchange_source TO 'zsog_ingest'@'localhost';
GRANT SELECT ON @DB@.booking_mrn TO 'zsog_ingest'@'localhost';
GRANT SELECT (id, booking_id, action) ON @DB@.booking_history TO 'zsog_ingest'@'localhost';
GRANT SELECT (company_id, closed_at, outcome) ON @DB@.control_task TO 'zsog_ingest'@'localhost';
-- A rule's ebt.company_age_days (registry_company_age): when the booking's
-- company was registered.
GRANT SELECT (id, approved_at) ON @DB@.company TO 'zsog_ingest'@'localhost';
-- The alert pages show each event's decision (domain/risk_explain.c).
GRANT SELECT ON @DB@.risk_decision TO 'zsog_ingest'@'localhost';
-- The traffic and device rollups of the reports (domain/report_events.c),
-- written in the transaction that stores the events: INSERT … ON
-- DUPLICATE KEY UPDATE needs INSERT and UPDATE; SELECT for its VALUES().
GRANT SELECT, INSERT, UPDATE ON @DB@.report_traffic_hour TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_traffic_day TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_traffic_month TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_plate_country_day TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_busy_hour TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_device_hour TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_device_day TO 'zsog_ingest'@'localhost';
-- The reports' rollups (domain/report, 0085): check-ins, alert steps and
-- decisions are counted in their own transaction. INSERT … ON DUPLICATE
-- KEY UPDATE n = n + … reads n, hence SELECT.
GRANT SELECT, INSERT, UPDATE ON @DB@.report_ebt_day TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_ebt_wait TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_ebt_company_month TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_alert_day TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_alert_time TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_decision_day TO 'zsog_ingest'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_profile_day TO 'zsog_ingest'@'localhost';
-- A single event's rollup rows wait in report_pending (0108) until the
-- ingest tick counts them and deletes the rows it counted.
GRANT SELECT, INSERT, DELETE ON @DB@.report_pending TO 'zsog_ingest'@'localhost';
