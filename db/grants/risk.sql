-- grants/risk.sql: the database account of the risk program (the
-- analysts' pages under /skr/risk, the crossing officers' control tasks
-- under /skr/control). Applied after every migration run; @PW_risk@ is
-- replaced by its generated password and @DB@ by the database name.
-- REVOKE first, so this file is the whole truth about the account.

CREATE USER IF NOT EXISTS 'zsog_risk'@'localhost' IDENTIFIED BY '@PW_risk@';
ALTER USER 'zsog_risk'@'localhost' IDENTIFIED BY '@PW_risk@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_risk'@'localhost';
-- The intranet's session, the officer and their unit's subtree (scope).
GRANT SELECT, UPDATE, DELETE ON @DB@.session TO 'zsog_risk'@'localhost';
GRANT SELECT (id, login, full_name, email, unit_id, disabled) ON @DB@.staff TO 'zsog_risk'@'localhost';
GRANT SELECT ON @DB@.staff_role TO 'zsog_risk'@'localhost';
-- The menu's registrations card (domain/access): only the one-stop-shop's
-- officers see it (registry_office_is).
GRANT SELECT (id, unit_id) ON @DB@.registry_office TO 'zsog_risk'@'localhost';
GRANT SELECT ON @DB@.org_unit TO 'zsog_risk'@'localhost';
GRANT INSERT ON @DB@.audit_log TO 'zsog_risk'@'localhost';
-- domain/risk: decisions and their hits are read here, written by the
-- programs that store events and check-ins (ingest, ebt); re-inspection
-- orders are the analysts'.
GRANT SELECT ON @DB@.risk_decision TO 'zsog_risk'@'localhost';
GRANT SELECT ON @DB@.risk_decision_hit TO 'zsog_risk'@'localhost';
GRANT SELECT ON @DB@.risk_rate TO 'zsog_risk'@'localhost';
GRANT SELECT, INSERT ON @DB@.reinspection TO 'zsog_risk'@'localhost';
GRANT UPDATE (status) ON @DB@.reinspection TO 'zsog_risk'@'localhost';
-- An order a crossing fulfilled (0106) is not withdrawn any more.
GRANT SELECT ON @DB@.reinspection_done TO 'zsog_risk'@'localhost';
-- e-Customer (domain/registry: registry_eori): a company's re-inspection
-- order names it by EORI; the sighting matches its id at check-in.
GRANT SELECT (id, eori, name, id_sisc, country, status, publish_eori_data, street, house_no, postcode, town) ON @DB@.company TO 'zsog_risk'@'localhost';
-- domain/risk's profiles (risk_profile*.c): versions and approvals are
-- kept, never changed; the profile row moves through its life cycle.
GRANT SELECT, INSERT, UPDATE ON @DB@.risk_profile TO 'zsog_risk'@'localhost';
GRANT SELECT, INSERT ON @DB@.risk_profile_version TO 'zsog_risk'@'localhost';
GRANT SELECT, INSERT ON @DB@.risk_approval TO 'zsog_risk'@'localhost';
-- The backtest streams the register (domain/devices_backtest.c).
GRANT SELECT (id, device_id, t, crossing, dir, kind, raw, obj_key, country, confidence, doubtful) ON @DB@.event TO 'zsog_risk'@'localhost';
GRANT SELECT (id, lane_kind) ON @DB@.device TO 'zsog_risk'@'localhost';
-- domain/exchange (docs/exchange.md): partners' keys (read to check a
-- signature), received files and their records (append-only: a file's
-- counts are set in its own transaction), the risk information they hold.
GRANT SELECT ON @DB@.exchange_source TO 'zsog_risk'@'localhost';
GRANT SELECT, INSERT ON @DB@.exchange_file TO 'zsog_risk'@'localhost';
GRANT UPDATE (n_info, n_candidates, n_new, n_updated, n_unchanged) ON @DB@.exchange_file TO 'zsog_risk'@'localhost';
GRANT SELECT, INSERT ON @DB@.exchange_record TO 'zsog_risk'@'localhost';
GRANT SELECT, INSERT ON @DB@.risk_info TO 'zsog_risk'@'localhost';
GRANT UPDATE (object_kind, value, value_key, country, category, level, valid_from, valid_to, file_id, updated_at) ON @DB@.risk_info TO 'zsog_risk'@'localhost';
-- domain/watch: an imported candidate is a pending watch-list entry
-- (watch_entry_create); approving it is the ingest program's page.
GRANT INSERT ON @DB@.watch_entry TO 'zsog_risk'@'localhost';
-- The export (domain/devices_export.c, watch_event_alerts.c,
-- risk_export.c, control_export.c, domain/crossings): the objects read,
-- the alerts they raised; their decisions and control tasks are granted
-- above and below, the crossings of the analyst's scope at the end.
GRANT SELECT (id, t, crossing, lane, dir, kind, raw, obj_key, country, confidence, doubtful) ON @DB@.event TO 'zsog_risk'@'localhost';
GRANT SELECT (id, event_id, state, outcome) ON @DB@.alert TO 'zsog_risk'@'localhost';
-- domain/control: the crossing officers' control tasks; steps are
-- appended only (and control_step's triggers refuse UPDATE and DELETE).
GRANT SELECT ON @DB@.control_task TO 'zsog_risk'@'localhost';
GRANT UPDATE (state, outcome, category, closed_at) ON @DB@.control_task TO 'zsog_risk'@'localhost';
GRANT SELECT, INSERT ON @DB@.control_step TO 'zsog_risk'@'localhost';
-- The crossings of the officer's subtree (domain/crossings: scope).
GRANT SELECT ON @DB@.crossing TO 'zsog_risk'@'localhost';
-- A closed task's outcome is fed back to its decision (risk_outcomes.c).
GRANT UPDATE (outcome) ON @DB@.risk_decision TO 'zsog_risk'@'localhost';
-- The reports' rollups (domain/report, 0085): a closed task's outcome is
-- counted in the transaction that closes it, per colour and per profile
-- version that fired.
GRANT SELECT, INSERT, UPDATE ON @DB@.report_control_day TO 'zsog_risk'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_profile_day TO 'zsog_risk'@'localhost';
