-- grants/ecustomer.sql: the database account of the ecustomer program, holding
-- only what it needs. Applied after every migration run; @PW_ecustomer@ is
-- replaced by its generated password and @DB@ by the database name. REVOKE
-- first, so this file is the whole truth about the account.

CREATE USER IF NOT EXISTS 'zsog_ecustomer'@'localhost' IDENTIFIED BY '@PW_ecustomer@';
ALTER USER 'zsog_ecustomer'@'localhost' IDENTIFIED BY '@PW_ecustomer@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_ecustomer'@'localhost';
-- Sessions of both kinds (company pages and the registration office).
GRANT SELECT, UPDATE, DELETE ON @DB@.session TO 'zsog_ecustomer'@'localhost';
GRANT SELECT (id, email, first_name, last_name, country, phone, status, lang) ON @DB@.portal_account TO 'zsog_ecustomer'@'localhost';
-- The language a signed-in person switches to is remembered for their
-- mail (0071_lang.sql): that column only.
GRANT UPDATE (lang) ON @DB@.portal_account TO 'zsog_ecustomer'@'localhost';
GRANT SELECT (id, login, email, full_name, unit_id, disabled, lang) ON @DB@.staff TO 'zsog_ecustomer'@'localhost';
GRANT UPDATE (lang) ON @DB@.staff TO 'zsog_ecustomer'@'localhost';
GRANT SELECT ON @DB@.staff_role TO 'zsog_ecustomer'@'localhost';
GRANT SELECT ON @DB@.org_unit TO 'zsog_ecustomer'@'localhost';
-- e-Customer's own tables.
GRANT SELECT, UPDATE ON @DB@.ecustomer_sequence TO 'zsog_ecustomer'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.person TO 'zsog_ecustomer'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.company TO 'zsog_ecustomer'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.application TO 'zsog_ecustomer'@'localhost';
GRANT SELECT ON @DB@.authorisation TO 'zsog_ecustomer'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.representation TO 'zsog_ecustomer'@'localhost';
GRANT SELECT, INSERT ON @DB@.representation_authz TO 'zsog_ecustomer'@'localhost';
GRANT SELECT, INSERT ON @DB@.change_history TO 'zsog_ecustomer'@'localhost';
-- The one-stop-shop (registry_office.c): read by every office page, set by
-- the Ministry's administrator.
GRANT SELECT, UPDATE ON @DB@.registry_office TO 'zsog_ecustomer'@'localhost';
-- AKC-R (0098): the registration given on approval and ended with the
-- company; a change replaces the activities and places (DELETE, INSERT).
GRANT SELECT, INSERT, UPDATE ON @DB@.excise_registration TO 'zsog_ecustomer'@'localhost';
GRANT SELECT, INSERT, DELETE ON @DB@.excise_activity TO 'zsog_ecustomer'@'localhost';
GRANT SELECT, INSERT, DELETE ON @DB@.excise_place TO 'zsog_ecustomer'@'localhost';
GRANT INSERT ON @DB@.outbox TO 'zsog_ecustomer'@'localhost';
-- The inbox shows a filed mail as it was sent (lib/outbox: outbox_get)
-- and an XML exchange with both messages (domain/messages).
GRANT SELECT (id, created_at, recipient, subject, body) ON @DB@.outbox TO 'zsog_ecustomer'@'localhost';
GRANT SELECT ON @DB@.puesc_message TO 'zsog_ecustomer'@'localhost';
-- The customer's inbox (domain/inbox, 0099): files status and certificate
-- mails, lists, reads and marks items read; the menu's unread count.
GRANT SELECT, INSERT, UPDATE ON @DB@.inbox_item TO 'zsog_ecustomer'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.inbox_count TO 'zsog_ecustomer'@'localhost';
GRANT INSERT ON @DB@.audit_log TO 'zsog_ecustomer'@'localhost';
-- Certificates (ui-cert.c, domain/ca.c): issue, list, revoke; registry.c
-- reads them too.
GRANT SELECT, INSERT, UPDATE ON @DB@.certificate TO 'zsog_ecustomer'@'localhost';
-- How fresh the regional copy the office's search reads is (lib/dbstate,
-- 0095).
GRANT SELECT ON @DB@.cluster_heartbeat TO 'zsog_ecustomer'@'localhost';
