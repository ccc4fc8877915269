-- grants/portal.sql: the database account of the portal program, holding only what
-- it needs. Applied after every migration run; @PW_portal@ is replaced by its
-- generated password and @DB@ by the database name. REVOKE first, so this
-- file is the whole truth about the account.

CREATE USER IF NOT EXISTS 'zsog_portal'@'localhost' IDENTIFIED BY '@PW_portal@';
ALTER USER 'zsog_portal'@'localhost' IDENTIFIED BY '@PW_portal@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_portal'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.portal_account TO 'zsog_portal'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.account_token TO 'zsog_portal'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.session TO 'zsog_portal'@'localhost';
GRANT SELECT, INSERT ON @DB@.outbox TO 'zsog_portal'@'localhost';
-- The menu's unread count of the customer's inbox (domain/inbox, 0099).
GRANT SELECT ON @DB@.inbox_count TO 'zsog_portal'@'localhost';
GRANT INSERT ON @DB@.audit_log TO 'zsog_portal'@'localhost';
-- Sign-in backoff (domain/signin.c): rows come and go with failures.
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.signin_backoff TO 'zsog_portal'@'localhost';
-- Sign-up and reset requests per address (cgi-bin/portal/throttle.c).
GRANT SELECT, INSERT, DELETE ON @DB@.mail_request TO 'zsog_portal'@'localhost';
-- The menu offers e-Booking TRUCK only to an account with an approved
-- person (domain/access.c asks domain/registry, as the ebt program does);
-- the signed-in home page (cgi-bin/portal/ui-home.c) tells the person
-- what to do next, asking domain/registry, domain/booking, domain/crossings
-- and domain/ca_store: read-only, the columns of those questions.
GRANT SELECT (id, account_id, status, id_sisc, scope) ON @DB@.person TO 'zsog_portal'@'localhost';
GRANT SELECT (kind, subject_id, created_at) ON @DB@.application TO 'zsog_portal'@'localhost';
GRANT SELECT (id, name, eori, id_sisc, status) ON @DB@.company TO 'zsog_portal'@'localhost';
GRANT SELECT ON @DB@.representation TO 'zsog_portal'@'localhost';
GRANT SELECT ON @DB@.representation_authz TO 'zsog_portal'@'localhost';
GRANT SELECT (id, number, crossing_id, day, hour, start_utc, status, plate, company_name, person_id) ON @DB@.booking TO 'zsog_portal'@'localhost';
GRANT SELECT ON @DB@.crossing TO 'zsog_portal'@'localhost';
GRANT SELECT (id, person_id, serial_hex, not_after, revoked_at) ON @DB@.certificate TO 'zsog_portal'@'localhost';
