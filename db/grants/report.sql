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
-- The menu's registrations card (domain/access): only the one-stop-shop's
-- officers see it (registry_office_is).
GRANT SELECT (id, unit_id) ON @DB@.registry_office TO 'zsog_report'@'localhost';
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
-- The rollups of eBT, alerts and control decisions (0085_report_rollup2.sql).
GRANT SELECT ON @DB@.report_ebt_day TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_ebt_wait TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_ebt_company_month TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_alert_day TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_alert_time TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_decision_day TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_control_day TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.report_profile_day TO 'zsog_report'@'localhost';
-- The registrations report asks e-Customer and the CA for counts
-- (registry_stats_*, ca_stats_certs): the columns they read, no personal
-- data.
GRANT SELECT (id, kind, subject_id, status, office_unit_id, created_at, decided_at) ON @DB@.application TO 'zsog_report'@'localhost';
GRANT SELECT (id, eori, approved_at, name) ON @DB@.company TO 'zsog_report'@'localhost';
GRANT SELECT (created_at, revoked_at) ON @DB@.certificate TO 'zsog_report'@'localhost';
-- Bookings per company and agency, control decisions per risk profile:
-- the names by id from their owners (registry_company_names_hdf,
-- risk_version_names_hdf), nothing of a profile's rule.
GRANT SELECT (id, profile_id, no) ON @DB@.risk_profile_version TO 'zsog_report'@'localhost';
GRANT SELECT (id, name) ON @DB@.risk_profile TO 'zsog_report'@'localhost';
-- Capacity used per hour: the slots of eBT (domain/booking,
-- booking_capacity_each), no booking's data.
GRANT SELECT (crossing_id, day, hour, capacity, booked, closed) ON @DB@.slot TO 'zsog_report'@'localhost';
-- How fresh the regional copy it reads is (lib/dbstate, 0095).
GRANT SELECT ON @DB@.cluster_heartbeat TO 'zsog_report'@'localhost';
