-- grants/ebt.sql: the database account of the ebt program (e-Booking TRUCK),
-- holding only what it needs. Applied after every migration run; @PW_ebt@ is
-- replaced by its generated password and @DB@ by the database name. REVOKE
-- first, so this file is the whole truth about the account.

CREATE USER IF NOT EXISTS 'zsog_ebt'@'localhost' IDENTIFIED BY '@PW_ebt@';
ALTER USER 'zsog_ebt'@'localhost' IDENTIFIED BY '@PW_ebt@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_ebt'@'localhost';
-- Sessions of both kinds (company pages and the crossing officers').
GRANT SELECT, UPDATE, DELETE ON @DB@.session TO 'zsog_ebt'@'localhost';
GRANT SELECT (id, email, first_name, last_name, country, phone, status, lang) ON @DB@.portal_account TO 'zsog_ebt'@'localhost';
-- The language a signed-in person switches to is remembered for their
-- mail (0071_lang.sql): that column only.
GRANT UPDATE (lang) ON @DB@.portal_account TO 'zsog_ebt'@'localhost';
GRANT SELECT (id, login, email, full_name, unit_id, disabled, lang) ON @DB@.staff TO 'zsog_ebt'@'localhost';
GRANT UPDATE (lang) ON @DB@.staff TO 'zsog_ebt'@'localhost';
GRANT SELECT ON @DB@.staff_role TO 'zsog_ebt'@'localhost';
-- The menu's registrations card (domain/access): only the one-stop-shop's
-- officers see it (registry_office_is).
GRANT SELECT (id, unit_id) ON @DB@.registry_office TO 'zsog_ebt'@'localhost';
-- lib/session.c: whether an officer's unit is the top of the hierarchy.
GRANT SELECT (id, parent_id) ON @DB@.org_unit TO 'zsog_ebt'@'localhost';
-- What domain/registry.c reads to decide who may book for whom: read only.
GRANT SELECT ON @DB@.person TO 'zsog_ebt'@'localhost';
GRANT SELECT ON @DB@.company TO 'zsog_ebt'@'localhost';
GRANT SELECT ON @DB@.representation TO 'zsog_ebt'@'localhost';
GRANT SELECT ON @DB@.representation_authz TO 'zsog_ebt'@'localhost';
GRANT SELECT ON @DB@.certificate TO 'zsog_ebt'@'localhost';
-- The crossings (domain/crossings.c): officers change eBT's settings, the
-- week's hours and add closures; slots_until moves as slots are made. The
-- code, names, branch and eBT flag are reference data (migrations).
GRANT SELECT ON @DB@.crossing TO 'zsog_ebt'@'localhost';
GRANT UPDATE (horizon_days, change_deadline_min, arrive_before_min, arrive_after_min, noshow_delay_min, lanes, slots_until) ON @DB@.crossing TO 'zsog_ebt'@'localhost';
GRANT SELECT, UPDATE (open_hour, close_hour, capacity) ON @DB@.crossing_day TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT ON @DB@.crossing_closure TO 'zsog_ebt'@'localhost';
-- e-Booking TRUCK's own tables (domain/booking*.c).
GRANT SELECT, INSERT, UPDATE ON @DB@.slot TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.booking TO 'zsog_ebt'@'localhost';
-- The lane side (0101): check-in, call, service, no-show.
GRANT SELECT, INSERT, UPDATE ON @DB@.booking_lane TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT ON @DB@.booking_mrn TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT ON @DB@.booking_history TO 'zsog_ebt'@'localhost';
-- Bookings without an account: requests wait for their code (attempts and
-- the booking made are updated; nothing is deleted).
GRANT SELECT, INSERT, UPDATE ON @DB@.ebt_guest_request TO 'zsog_ebt'@'localhost';
GRANT INSERT ON @DB@.outbox TO 'zsog_ebt'@'localhost';
-- The customer's inbox (domain/inbox, 0099): booking mails are filed in
-- the booker's inbox; the menu's unread count reads the counters.
GRANT INSERT ON @DB@.inbox_item TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.inbox_count TO 'zsog_ebt'@'localhost';
GRANT INSERT ON @DB@.audit_log TO 'zsog_ebt'@'localhost';
-- The control decision (domain/risk, domain/control): stored in the
-- transaction of the event or the check-in, with the control task a yellow
-- or red one opens; an active re-inspection order is done by the sighting.
GRANT SELECT ON @DB@.risk_rate TO 'zsog_ebt'@'localhost';
GRANT SELECT ON @DB@.reinspection TO 'zsog_ebt'@'localhost';
GRANT UPDATE (status, done_at, decision_id) ON @DB@.reinspection TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT, UPDATE (decision_id) ON @DB@.reinspection_done TO 'zsog_ebt'@'localhost';
GRANT INSERT ON @DB@.risk_decision TO 'zsog_ebt'@'localhost';
GRANT INSERT ON @DB@.risk_decision_hit TO 'zsog_ebt'@'localhost';
GRANT INSERT ON @DB@.control_task TO 'zsog_ebt'@'localhost';
GRANT INSERT ON @DB@.control_step TO 'zsog_ebt'@'localhost';
-- The active risk profiles the check-in's decision evaluates, and the
-- facts their rules read: the register (devices_facts.c), past control
-- outcomes (control.c).
GRANT SELECT ON @DB@.risk_profile TO 'zsog_ebt'@'localhost';
GRANT SELECT ON @DB@.risk_profile_version TO 'zsog_ebt'@'localhost';
-- A rule's external.listed and external.category (domain/exchange:
-- exchange_risk_info): partners' risk information and the source's code.
GRANT SELECT (source_id, object_kind, value_key, category, level, valid_from, valid_to, updated_at) ON @DB@.risk_info TO 'zsog_ebt'@'localhost';
GRANT SELECT (id, code) ON @DB@.exchange_source TO 'zsog_ebt'@'localhost';
GRANT SELECT (id, obj_key, kind, t, crossing) ON @DB@.event TO 'zsog_ebt'@'localhost';
GRANT SELECT (company_id, closed_at, outcome) ON @DB@.control_task TO 'zsog_ebt'@'localhost';
-- A rule's watch.near_match (watch_near.c): the active watch list as the
-- ingest matcher reads it.
GRANT SELECT (id, subject, value, match_key, fold_key, country, priority, valid_from, valid_to, action, unit_id, status) ON @DB@.watch_entry TO 'zsog_ebt'@'localhost';
-- The waiting zone shows each check-in's decision (domain/risk_explain.c).
GRANT SELECT ON @DB@.risk_decision TO 'zsog_ebt'@'localhost';
-- The reports' rollups (domain/report, 0085): each booking change and each
-- check-in's decision is counted in its own transaction. INSERT … ON
-- DUPLICATE KEY UPDATE n = n + … reads n, hence SELECT.
GRANT SELECT, INSERT, UPDATE ON @DB@.report_ebt_day TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_ebt_wait TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_ebt_company_month TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_decision_day TO 'zsog_ebt'@'localhost';
GRANT SELECT, INSERT, UPDATE ON @DB@.report_profile_day TO 'zsog_ebt'@'localhost';
