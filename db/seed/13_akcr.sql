-- 13_akcr.sql: AKC-R demo data (issue 18, docs/ecustomer.md "AKC-R").
-- Trans-Pol (company 1) is in the excise register as an intermediary
-- trader and registered consignee at two places, number PL00000000018 (the
-- first of the akcr sequence: "PL", 10 digits, Luhn digit). The agency
-- (company 2, Piotr Zając its administrator) asks for excise registration:
-- application 130 waits in the office's queue. Fixed ids (history
-- 1300..) and INSERT IGNORE: loading twice changes nothing; the sequence
-- moves past the number (GREATEST).
SET NAMES utf8mb4;

INSERT IGNORE INTO excise_registration
  (company_id, number, status, start_date, approved_at)
VALUES
  (1, 'PL00000000018', 'active', '2026-02-01', '2026-01-20 09:00:00');
INSERT IGNORE INTO excise_activity (company_id, code) VALUES
  (1, 'intermediary'), (1, 'registered_consignee');
INSERT IGNORE INTO excise_place
  (id, company_id, town, postcode, street, house_no)
VALUES
  (1, 1, 'Olsztyn', '10-001', 'Towarowa', '7'),
  (2, 1, 'Olsztyn', '10-437', 'Składowa', '3');
UPDATE ecustomer_sequence SET next_val = GREATEST(next_val, 2) WHERE name = 'akcr';

INSERT IGNORE INTO application
  (id, kind, subject_id, submitted_by, status, payload, office_unit_id,
   created_at)
VALUES
  (130, 'akcr', 2, 100, 'submitted',
   'akcr_start=2027-01-04&activity=importer&activity=intermediary&p1_town=Braniewo&p1_postcode=14-500&p1_street=Graniczna&p1_house_no=1',
   41, '2026-01-12 10:00:00');

INSERT IGNORE INTO change_history
  (id, entity, entity_id, field, old_value, new_value, changed_by, changed_at)
VALUES
  (1300, 'company', 1, 'akcr_number', NULL, 'PL00000000018', 'Piotr Nowak', '2026-01-20 09:00:00'),
  (1301, 'company', 1, 'akcr_status', NULL, 'active', 'Piotr Nowak', '2026-01-20 09:00:00'),
  (1302, 'company', 1, 'akcr_start', NULL, '2026-02-01', 'Piotr Nowak', '2026-01-20 09:00:00'),
  (1303, 'company', 1, 'akcr_activity', NULL, 'intermediary', 'Piotr Nowak', '2026-01-20 09:00:00'),
  (1304, 'company', 1, 'akcr_activity', NULL, 'registered_consignee', 'Piotr Nowak', '2026-01-20 09:00:00'),
  (1305, 'company', 1, 'akcr_place', NULL, 'Towarowa 7, 10-001 Olsztyn', 'Piotr Nowak', '2026-01-20 09:00:00'),
  (1306, 'company', 1, 'akcr_place', NULL, 'Składowa 3, 10-437 Olsztyn', 'Piotr Nowak', '2026-01-20 09:00:00'),
  (1307, 'application', 130, 'status', NULL, 'submitted', 'Piotr Zając', '2026-01-12 10:00:00');
