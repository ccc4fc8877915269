-- grants/puesc.sql: the database account of the puesc program (SOAP
-- services, issue 6): its own archive and receipts, what domain/booking.c,
-- domain/registry.c and domain/ca.c read or write for it, and staff sessions
-- for the archive page. REVOKE first, so this file is the whole truth.

CREATE USER IF NOT EXISTS 'zsog_puesc'@'localhost' IDENTIFIED BY '@PW_puesc@';
ALTER USER 'zsog_puesc'@'localhost' IDENTIFIED BY '@PW_puesc@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_puesc'@'localhost';
-- Staff sessions (the archive page under /skr/puesc/).
GRANT SELECT, UPDATE, DELETE ON @DB@.session TO 'zsog_puesc'@'localhost';
GRANT SELECT (id, login, email, full_name, unit_id, disabled, lang) ON @DB@.staff TO 'zsog_puesc'@'localhost';
-- The language an officer switches to is remembered (0071_lang.sql).
GRANT UPDATE (lang) ON @DB@.staff TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.staff_role TO 'zsog_puesc'@'localhost';
-- The menu's registrations card (domain/access): only the one-stop-shop's
-- officers see it (registry_office_is).
GRANT SELECT (id, unit_id) ON @DB@.registry_office TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.org_unit TO 'zsog_puesc'@'localhost';
-- Own tables.
GRANT SELECT, INSERT ON @DB@.puesc_message TO 'zsog_puesc'@'localhost';
GRANT SELECT, INSERT ON @DB@.puesc_receipt TO 'zsog_puesc'@'localhost';
-- registry.c and ca.c: who is who, certificates.
GRANT SELECT ON @DB@.person TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.company TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.application TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.representation TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.representation_authz TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.authorisation TO 'zsog_puesc'@'localhost';
-- GetRegistrationStatus answers a company's AKC-R registration (0098).
GRANT SELECT ON @DB@.excise_registration TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.excise_activity TO 'zsog_puesc'@'localhost';
GRANT SELECT (id, serial_hex, person_id, not_before, not_after, revoked_at) ON @DB@.certificate TO 'zsog_puesc'@'localhost';
-- booking*.c and crossings*.c: the booking rules (slots_until moves as
-- slots are made).
GRANT SELECT, UPDATE (slots_until) ON @DB@.crossing TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.crossing_day TO 'zsog_puesc'@'localhost';
GRANT SELECT ON @DB@.crossing_closure TO 'zsog_puesc'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.slot TO 'zsog_puesc'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.booking TO 'zsog_puesc'@'localhost';
-- A booking's state is its row and its lane row (0101), read only here.
GRANT SELECT ON @DB@.booking_lane TO 'zsog_puesc'@'localhost';
GRANT SELECT, INSERT ON @DB@.booking_mrn TO 'zsog_puesc'@'localhost';
GRANT SELECT, INSERT ON @DB@.booking_history TO 'zsog_puesc'@'localhost';
GRANT INSERT ON @DB@.outbox TO 'zsog_puesc'@'localhost';
-- The customer's inbox (domain/inbox, 0099): every signed exchange is
-- filed with the archive's row.
GRANT INSERT ON @DB@.inbox_item TO 'zsog_puesc'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.inbox_count TO 'zsog_puesc'@'localhost';
GRANT INSERT ON @DB@.audit_log TO 'zsog_puesc'@'localhost';
-- The reports' rollups (domain/report, 0085): bookings made and cancelled
-- through the API are counted in their own transaction.
GRANT SELECT, INSERT, UPDATE ON @DB@.report_ebt_day TO 'zsog_puesc'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_ebt_wait TO 'zsog_puesc'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_ebt_company_month TO 'zsog_puesc'@'localhost';
