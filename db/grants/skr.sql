-- grants/skr.sql: the database account of the skr program, holding only what
-- it needs. Applied after every migration run; @PW_skr@ is replaced by its
-- generated password and @DB@ by the database name. REVOKE first, so this
-- file is the whole truth about the account.

CREATE USER IF NOT EXISTS 'zsog_skr'@'localhost' IDENTIFIED BY '@PW_skr@';
ALTER USER 'zsog_skr'@'localhost' IDENTIFIED BY '@PW_skr@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_skr'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.staff TO 'zsog_skr'@'localhost';
GRANT SELECT, INSERT, DELETE ON @DB@.staff_role TO 'zsog_skr'@'localhost';
-- The start page's fleet card (domain/access.c, access_menu_cards; domain/
-- fleet, fleet_may_open): whether the officer is a permitted driver. The
-- only program besides the fleet's own that reads it: the other programs'
-- menu bars carry no cards (access_menu).
GRANT SELECT (staff_id, unit_id, permitted, licence_until) ON @DB@.fleet_driver TO 'zsog_skr'@'localhost';
-- The menu's registrations card (domain/access): only the one-stop-shop's
-- officers see it (registry_office_is).
GRANT SELECT (id, unit_id) ON @DB@.registry_office TO 'zsog_skr'@'localhost';
-- Grants of the administrator, auditor and watch-list roles waiting for a
-- second administrator: decided, never deleted.
GRANT SELECT, INSERT, UPDATE ON @DB@.staff_grant TO 'zsog_skr'@'localhost';
GRANT SELECT ON @DB@.org_unit TO 'zsog_skr'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.session TO 'zsog_skr'@'localhost';
GRANT SELECT (id, email, first_name, last_name, country, status, created_at, confirmed_at) ON @DB@.portal_account TO 'zsog_skr'@'localhost';
GRANT SELECT, INSERT ON @DB@.audit_log TO 'zsog_skr'@'localhost';
GRANT INSERT ON @DB@.outbox TO 'zsog_skr'@'localhost';
-- The start page shows the officer's notices (domain/notice.c).
GRANT SELECT ON @DB@.staff_notice TO 'zsog_skr'@'localhost';
-- ...naming each notice's crossing in words (crossings_names_hdf).
GRANT SELECT (code, name_pl, name_en) ON @DB@.crossing TO 'zsog_skr'@'localhost';
-- Sign-in backoff (domain/signin.c): rows come and go with failures.
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.signin_backoff TO 'zsog_skr'@'localhost';
-- The start page's figures of the officer's unit for today (ui-today.c),
-- each asked of its owner: the crossings of the subtree (domain/crossings),
-- trucks waiting and booked (domain/booking), alerts open (domain/watch),
-- control tasks open (domain/control), devices down (domain/devices),
-- applications waiting (domain/registry).
GRANT SELECT (id, unit_id, ebt) ON @DB@.crossing TO 'zsog_skr'@'localhost';
GRANT SELECT (id, crossing_id, day, hour, status) ON @DB@.booking TO 'zsog_skr'@'localhost';
GRANT SELECT (booking_id, crossing_id, status) ON @DB@.booking_lane TO 'zsog_skr'@'localhost';
GRANT SELECT (crossing, priority, state) ON @DB@.alert TO 'zsog_skr'@'localhost';
GRANT SELECT (crossing, state) ON @DB@.control_task TO 'zsog_skr'@'localhost';
GRANT SELECT (id, crossing, disabled, heartbeat_seconds) ON @DB@.device TO 'zsog_skr'@'localhost';
GRANT SELECT ON @DB@.device_seen TO 'zsog_skr'@'localhost';
GRANT SELECT (status, office_unit_id) ON @DB@.application TO 'zsog_skr'@'localhost';
-- ...and its small charts of the last 7 days (ui-week.c): the reports'
-- rollups (domain/report.h) and the applications' submission times.
GRANT SELECT ON @DB@.report_ebt_day TO 'zsog_skr'@'localhost';
GRANT SELECT ON @DB@.report_alert_day TO 'zsog_skr'@'localhost';
GRANT SELECT ON @DB@.report_decision_day TO 'zsog_skr'@'localhost';
GRANT SELECT (created_at) ON @DB@.application TO 'zsog_skr'@'localhost';
