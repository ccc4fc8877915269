-- 10_ecustomer.sql: e-Customer demo data. Anna (account 1) and Jan
-- (account 2) are approved persons with the extended scope, Ewa (3) is not
-- registered. Trans-Pol (haulier, Anna its administrator) is represented
-- by the customs agency Agencja Celna Graniczna, whose administrator is
-- Piotr Zając (account 100) and whose employee is Jan: so Jan acts for
-- Trans-Pol with what both links share (ebt_book, ebt_view, xml_exchange).
-- The office's queue holds a person (Maria Lewandowska, account 101) and a
-- company (Spedycja Mazury, from Piotr). Password of the new accounts:
-- Demo-Haslo-2026. Fixed ids and INSERT IGNORE: loading twice changes
-- nothing. ID SISC numbers follow docs/ecustomer.md; the sequences are
-- moved past them (GREATEST, so a second load changes nothing).
SET NAMES utf8mb4;

INSERT IGNORE INTO portal_account
  (id, email, first_name, last_name, country, phone, pwhash, status,
   created_at, confirmed_at)
VALUES
  (100, 'piotr.zajac@demo.zsog.pl', 'Piotr', 'Zając', 'PL', '+48 600 100 300',
   '$argon2id$v=19$m=65536,t=2,p=1$T8FKwmDZxhP+XeiZh5788g$EWZBjfMFqg3Ws5xeU1Vn3tc/5oneT2subH32eluUB2M',
   'active', '2026-01-07 09:00:00', '2026-01-07 09:05:00'),
  (101, 'maria.lewandowska@demo.zsog.pl', 'Maria', 'Lewandowska', 'PL', '+48 600 100 301',
   '$argon2id$v=19$m=65536,t=2,p=1$T8FKwmDZxhP+XeiZh5788g$EWZBjfMFqg3Ws5xeU1Vn3tc/5oneT2subH32eluUB2M',
   'active', '2026-01-08 09:00:00', '2026-01-08 09:05:00');

INSERT IGNORE INTO person
  (id, account_id, id_sisc, first_name, last_name, birth_date, country, pesel,
   voivodship, county, municipality, town, postcode, street, house_no, phone,
   email, scope, status, created_at, approved_at)
VALUES
  (1, 1, 'PLP00000000018', 'Anna', 'Kowalska', '1985-03-14', 'PL', '85031402863',
   'warminsko_mazurskie', 'Olsztyn', 'Olsztyn', 'Olsztyn', '10-001', 'Kościuszki', '12',
   '+48 600 100 201', 'anna.kowalska@demo.zsog.pl', 'extended', 'approved',
   '2026-01-05 09:00:00', '2026-01-06 10:00:00'),
  (2, 2, 'PLP00000000026', 'Jan', 'Wiśniewski', '1979-11-02', 'PL', '79110205177',
   'warminsko_mazurskie', 'braniewski', 'Braniewo', 'Braniewo', '14-500', 'Gdańska', '3',
   '+48 600 100 202', 'jan.wisniewski@demo.zsog.pl', 'extended', 'approved',
   '2026-01-05 09:30:00', '2026-01-06 10:30:00'),
  (100, 100, 'PLP00000000034', 'Piotr', 'Zając', '1975-06-21', 'PL', '75062101352',
   'warminsko_mazurskie', 'braniewski', 'Braniewo', 'Braniewo', '14-500', 'Królewiecka', '8',
   '+48 600 100 300', 'piotr.zajac@demo.zsog.pl', 'basic', 'approved',
   '2026-01-07 10:00:00', '2026-01-08 08:00:00'),
  (101, 101, NULL, 'Maria', 'Lewandowska', '1990-09-09', 'PL', '90090902487',
   'warminsko_mazurskie', 'Olsztyn', 'Olsztyn', 'Olsztyn', '10-437', 'Partyzantów', '20',
   '+48 600 100 301', 'maria.lewandowska@demo.zsog.pl', 'basic', 'submitted',
   '2026-01-08 10:00:00', NULL);

INSERT IGNORE INTO company
  (id, id_sisc, eori, eori_requested, name, legal_form, nip, regon, country,
   voivodship, town, postcode, street, house_no, iban, main_activity,
   contact_email, contact_phone, publish_eori_data, status, created_at,
   approved_at)
VALUES
  (1, 'PLC00000000018', 'PL526025027400000', 1, 'Trans-Pol Sp. z o.o.', 'sp_zoo',
   '5260250274', '510001230', 'PL', 'warminsko_mazurskie', 'Olsztyn', '10-001',
   'Towarowa', '7', 'PL50109010140000000012345678', 'Transport drogowy towarów (49.41.Z)',
   'biuro@trans-pol.demo.zsog.pl', '+48 89 500 10 10', 1, 'approved',
   '2026-01-06 11:00:00', '2026-01-07 09:00:00'),
  (2, 'PLC00000000026', 'PL739300124600000', 1, 'Agencja Celna Graniczna Sp. z o.o.', 'sp_zoo',
   '7393001246', '280004564', 'PL', 'warminsko_mazurskie', 'Braniewo', '14-500',
   'Graniczna', '1', 'PL19102010260000000087654321', 'Agencje celne (52.29.B)',
   'biuro@agencja-graniczna.demo.zsog.pl', '+48 55 600 20 20', 1, 'approved',
   '2026-01-08 11:00:00', '2026-01-09 09:00:00'),
  (100, NULL, NULL, 1, 'Spedycja Mazury Sp. z o.o.', 'sp_zoo',
   '7393001252', '012345675', 'PL', 'warminsko_mazurskie', 'Elbląg', '82-300',
   'Portowa', '5', 'PL48114020040000000011112222', 'Spedycja (52.29.C)',
   'biuro@spedycja-mazury.demo.zsog.pl', '+48 55 700 30 30', 0, 'submitted',
   '2026-01-10 11:00:00', NULL);

INSERT IGNORE INTO application
  (id, kind, subject_id, submitted_by, status, assigned_to, reason,
   office_unit_id, created_at, decided_at, decided_by)
VALUES
  (1, 'person', 1, 1, 'approved', 2, NULL, 11, '2026-01-05 09:00:00', '2026-01-06 10:00:00', 2),
  (2, 'person', 2, 2, 'approved', 2, NULL, 11, '2026-01-05 09:30:00', '2026-01-06 10:30:00', 2),
  (3, 'company', 1, 1, 'approved', 2, NULL, 11, '2026-01-06 11:00:00', '2026-01-07 09:00:00', 2),
  (4, 'person', 100, 100, 'approved', 2, NULL, 11, '2026-01-07 10:00:00', '2026-01-08 08:00:00', 2),
  (5, 'company', 2, 100, 'approved', 2, NULL, 11, '2026-01-08 11:00:00', '2026-01-09 09:00:00', 2),
  (100, 'person', 101, 101, 'submitted', NULL, NULL, 11, '2026-01-08 10:00:00', NULL, NULL),
  (101, 'company', 100, 100, 'submitted', NULL, NULL, 11, '2026-01-10 11:00:00', NULL, NULL);

-- The administrators' representations come from the office's approvals;
-- Piotr granted Jan's, Anna the agency's (docs/ecustomer.md).
INSERT IGNORE INTO representation
  (id, company_id, rep_person_id, rep_company_id, valid_from, valid_to,
   origin, granted_by, created_by, created_at)
VALUES
  (1, 1, 1, NULL, '2026-01-07', NULL, 'approval', NULL, 'Piotr Nowak', '2026-01-07 09:00:00'),
  (2, 2, 100, NULL, '2026-01-09', NULL, 'approval', NULL, 'Piotr Nowak', '2026-01-09 09:00:00'),
  (3, 2, 2, NULL, '2026-01-10', NULL, 'grant', 100, 'Piotr Zając', '2026-01-10 08:00:00'),
  (4, 1, NULL, 2, '2026-01-10', NULL, 'grant', 1, 'Anna Kowalska', '2026-01-10 09:00:00');

-- The administrators hold every authorisation; the employee and the agency
-- only what they were given.
INSERT IGNORE INTO representation_authz (representation_id, authz_code)
  SELECT 1, code FROM authorisation;
INSERT IGNORE INTO representation_authz (representation_id, authz_code)
  SELECT 2, code FROM authorisation;
INSERT IGNORE INTO representation_authz (representation_id, authz_code) VALUES
  (3, 'ebt_book'), (3, 'ebt_view'), (3, 'xml_exchange'),
  (4, 'ebt_book'), (4, 'ebt_view'), (4, 'declare'), (4, 'xml_exchange');

INSERT IGNORE INTO change_history
  (id, entity, entity_id, field, old_value, new_value, changed_by, changed_at)
VALUES
  (1, 'company', 1, 'status', 'under_review', 'approved', 'Piotr Nowak', '2026-01-07 09:00:00'),
  (2, 'company', 1, 'eori', NULL, 'PL526025027400000', 'Piotr Nowak', '2026-01-07 09:00:00'),
  (3, 'company', 2, 'status', 'under_review', 'approved', 'Piotr Nowak', '2026-01-09 09:00:00'),
  (4, 'company', 2, 'eori', NULL, 'PL739300124600000', 'Piotr Nowak', '2026-01-09 09:00:00'),
  (5, 'company', 1, 'representation', NULL, 'Agencja Celna Graniczna Sp. z o.o.: ebt_book, ebt_view, declare, xml_exchange (2026-01-10 – …)', 'Anna Kowalska', '2026-01-10 09:00:00');

UPDATE ecustomer_sequence SET next_val = GREATEST(next_val, 4) WHERE name = 'sisc_P';
UPDATE ecustomer_sequence SET next_val = GREATEST(next_val, 3) WHERE name = 'sisc_C';
