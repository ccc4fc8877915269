-- grants/report.sql: the database account of the report program (the
-- reports under /skr/reports, docs/reports.md). Applied after every
-- migration run; @PW_report@ is replaced by its generated password and
-- @DB@ by the database name. REVOKE first, so this file is the whole truth
-- about the account. It reads the rollups and never the raw tables.

CREATE USER IF NOT EXISTS 'zsog_report'@'localhost' IDENTIFIED BY '@PW_report@';
ALTER USER 'zsog_report'@'localhost' IDENTIFIED BY '@PW_report@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_report'@'localhost';
-- Signed-in officers: their session, account, roles and unit (the scope).
GRANT SELECT, UPDATE, DELETE ON @DB@.session TO 'zsog_report'@'localhost';
GRANT SELECT (id, login, full_name, email, unit_id, disabled, lang) ON @DB@.staff TO 'zsog_report'@'localhost';
GRANT UPDATE (lang) ON @DB@.staff TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.staff_role TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.org_unit TO 'zsog_report'@'localhost';
-- The crossings in words and which unit runs each (domain/crossings).
GRANT SELECT ON @DB@.crossing TO 'zsog_report'@'localhost';
-- The devices by code and lane for the devices report, never their secret.
GRANT SELECT (id, code, crossing, lane, lane_kind, device_kind, heartbeat_seconds, disabled) ON @DB@.device TO 'zsog_report'@'localhost';
-- The rollups (0083_report_rollup.sql).
GRANT SELECT ON @DB@.report_traffic_hour TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_traffic_day TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_traffic_month TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_plate_country_day TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_busy_hour TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_device_hour TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_device_day TO 'zsog_report'@'localhost';
