-- grants/fleet.sql: the database account of the fleet program (SKR-Flota
-- under /skr/fleet, docs/fleet.md). Applied after every migration run;
-- @PW_fleet@ is replaced by its generated password and @DB@ by the
-- database name. REVOKE first, so this file is the whole truth about the
-- account. No DELETE on the fleet's tables: a vehicle is written off, never
-- removed, and its history stays.

CREATE USER IF NOT EXISTS 'zsog_fleet'@'localhost' IDENTIFIED BY '@PW_fleet@';
ALTER USER 'zsog_fleet'@'localhost' IDENTIFIED BY '@PW_fleet@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_fleet'@'localhost';
-- Signed-in officers: their session, account, roles and unit (the scope).
GRANT SELECT, UPDATE, DELETE ON @DB@.session TO 'zsog_fleet'@'localhost';
GRANT SELECT (id, login, full_name, email, unit_id, disabled, lang) ON @DB@.staff TO 'zsog_fleet'@'localhost';
GRANT UPDATE (lang) ON @DB@.staff TO 'zsog_fleet'@'localhost';
GRANT SELECT ON @DB@.staff_role TO 'zsog_fleet'@'localhost';
GRANT SELECT ON @DB@.org_unit TO 'zsog_fleet'@'localhost';
-- The fleet's own tables (0087_fleet.sql): vehicles and their status
-- history, documents, drivers, the monthly rollup.
GRANT SELECT, INSERT, UPDATE ON @DB@.fleet_vehicle TO 'zsog_fleet'@'localhost';
GRANT SELECT, INSERT ON @DB@.fleet_vehicle_status TO 'zsog_fleet'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.fleet_document TO 'zsog_fleet'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.fleet_driver TO 'zsog_fleet'@'localhost';
-- The menu's registrations card (domain/access): only the one-stop-shop's
-- officers see it (registry_office_is).
GRANT SELECT (id, unit_id) ON @DB@.registry_office TO 'zsog_fleet'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.fleet_month TO 'zsog_fleet'@'localhost';
-- The reminders sent (0088_fleet_reminders.sql): written by `zsog-admin
-- fleet-remind` through this account; a corrected document's rows are
-- deleted so that its new deadline is reminded of anew (a log of mails, no
-- history of the fleet's own).
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.fleet_reminder TO 'zsog_fleet'@'localhost';
-- Reservations and trip cards (0089_fleet_trips.sql): written by the
-- drivers and managers, cancelled or closed by an UPDATE, never deleted.
GRANT SELECT, INSERT, UPDATE ON @DB@.fleet_reservation TO 'zsog_fleet'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.fleet_trip TO 'zsog_fleet'@'localhost';
GRANT SELECT, INSERT ON @DB@.fleet_trip_passenger TO 'zsog_fleet'@'localhost';
-- Refuellings are entered, never changed (0090_fleet_fuel.sql); a damage
-- report is closed and a repair closed with its last day and cost.
GRANT SELECT, INSERT ON @DB@.fleet_fuel TO 'zsog_fleet'@'localhost';
GRANT SELECT, INSERT, UPDATE (status, closed_at) ON @DB@.fleet_damage TO 'zsog_fleet'@'localhost';
GRANT SELECT, INSERT, UPDATE (to_day, cost_gr) ON @DB@.fleet_repair TO 'zsog_fleet'@'localhost';
-- Reminders to the fleet managers go through the outbox; every change is
-- audited.
GRANT INSERT ON @DB@.outbox TO 'zsog_fleet'@'localhost';
GRANT INSERT ON @DB@.audit_log TO 'zsog_fleet'@'localhost';
-- The dashboard counts open damage reports and the vehicles on a trip now
-- (domain/fleet_dash.c).
GRANT SELECT ON @DB@.fleet_damage TO 'zsog_fleet'@'localhost';
