-- grants/report.sql: the database account of the report program (the
-- reports under /skr/reports). Applied after every migration run;
-- @PW_report@ is replaced by its generated password and @DB@ by the
-- database name. REVOKE first, so this file is the whole truth about the
-- account. It only reads: the rollups are written by the programs whose
-- transactions store what they count.

CREATE USER IF NOT EXISTS 'zsog_report'@'localhost' IDENTIFIED BY '@PW_report@';
ALTER USER 'zsog_report'@'localhost' IDENTIFIED BY '@PW_report@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_report'@'localhost';
-- The intranet's session, the officer and their unit's subtree (scope).
GRANT SELECT, UPDATE, DELETE ON @DB@.session TO 'zsog_report'@'localhost';
GRANT SELECT (id, login, full_name, email, unit_id, disabled, lang) ON @DB@.staff TO 'zsog_report'@'localhost';
-- The language an officer switches to is remembered (0071_lang.sql).
GRANT UPDATE (lang) ON @DB@.staff TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.staff_role TO 'zsog_report'@'localhost';
GRANT SELECT ON @DB@.org_unit TO 'zsog_report'@'localhost';
-- The crossings (domain/crossings.c): their names, which an officer sees.
GRANT SELECT ON @DB@.crossing TO 'zsog_report'@'localhost';
