-- 41_risk_profiles.sql: the demo risk profiles of issue 14, written by
-- analityk (6) and approved by analityk2 (10), so /skr/risk has active
-- profiles on a fresh `make run`. Fixed ids and INSERT IGNORE: loading
-- twice changes nothing. Rules in docs/risk-rules.md.
SET NAMES utf8mb4;

INSERT IGNORE INTO risk_profile (id, name, author_id, state, version_id, active_version_id, created_at, changed_at) VALUES
 (1, 'Kontener na dwóch przejściach w ciągu 24 h', 6, 'active', 1, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (2, 'Pierwsze pojawienie się tablicy BY w niedzielną noc', 6, 'active', 2, 2, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (3, 'Firma z nieprawidłowością w ostatnich 90 dniach', 6, 'active', 3, 3, UTC_TIMESTAMP(), UTC_TIMESTAMP());

INSERT IGNORE INTO risk_profile_version (id, profile_id, no, rule_text, weight, fixed, crossings, lane_kinds, valid_from, valid_to, created_by, created_at) VALUES
 (1, 1, 1, 'event.object_kind = ''container'' and crossings_within(24) >= 2', 60, NULL, NULL, NULL, NULL, NULL, 6, UTC_TIMESTAMP()),
 (2, 2, 1, 'event.object_kind = ''plate'' and first_sighting and event.plate_country = ''BY''\n  and event.weekday = 7 and (event.hour >= 22 or event.hour < 4)', 40, NULL, NULL, NULL, NULL, NULL, 6, UTC_TIMESTAMP()),
 (3, 3, 1, 'ebt.booked and ebt.company_irregularities(90) > 0', NULL, 'yellow', NULL, 'truck,terminal', NULL, NULL, 6, UTC_TIMESTAMP());

INSERT IGNORE INTO risk_approval (id, version_id, approved_by, approved_at) VALUES
 (1, 1, 10, UTC_TIMESTAMP()),
 (2, 2, 10, UTC_TIMESTAMP()),
 (3, 3, 10, UTC_TIMESTAMP());
