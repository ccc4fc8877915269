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
