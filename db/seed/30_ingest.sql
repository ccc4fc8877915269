-- 30_ingest.sql: demo lane devices at Grzechotki and Koroszczyn and a few
-- watch-list entries (three in force, one waiting for approval), so
-- `make demo-lanes` has hits to show. DEVELOPMENT ONLY: every device's
-- secret is SHA-256("zsog-demo-" + code), known to scripts/demo-lanes and
-- the tests. Idempotent (fixed ids, INSERT IGNORE).
SET NAMES utf8mb4;

INSERT IGNORE INTO device (id, code, crossing, lane, lane_kind, device_kind,
 secret, heartbeat_seconds, created_at, created_by) VALUES
 (1, 'GRZ-ANPR-T1', 'GRZ', 'T1', 'truck', 'anpr', '84076c010b67efa17c2bb3004311ff4765b007d4a0f92a5c880d1f9f95cb33dc', 60, UTC_TIMESTAMP(), 4),
 (2, 'GRZ-ANPR-C1', 'GRZ', 'C1', 'car', 'anpr', 'c3d2a95426da00768a28b4157ed8cfb7ce37691bf7809661efdfcca834ca67f7', 60, UTC_TIMESTAMP(), 4),
 (3, 'GRZ-RAD-T1', 'GRZ', 'T1', 'truck', 'radiation', 'a871f5c8ecf983f06ebec731383735291d708722a3c91baee9ae80c290fb46ed', 60, UTC_TIMESTAMP(), 4),
 (4, 'GRZ-ANPR-WZ', 'GRZ', 'WZ', 'waiting_zone', 'anpr', '9ff836576209c86ca9b76a3d3f83407ef542d187717013b42ef513e63391293c', 60, UTC_TIMESTAMP(), 4),
 (5, 'GRZ-DOC-C1', 'GRZ', 'C1', 'car', 'document', 'b49d87af9efce83944551f4307f968b6c483113ea8316a2dd3717c0b89c4458a', 60, UTC_TIMESTAMP(), 4),
 (6, 'KOR-ANPR-T1', 'KOR', 'T1', 'truck', 'anpr', 'bbbf3bac6a863e92f66fdda490b5977cd312cdb4de99b3a15517e64c040d7540', 60, UTC_TIMESTAMP(), 4),
 (7, 'KOR-CONT-T1', 'KOR', 'T1', 'truck', 'container', 'fe5338a526daacbf1009b53a7406289a2dea6d61ee8a120e528493ada681349f', 60, UTC_TIMESTAMP(), 4),
 (8, 'KOR-RAD-T1', 'KOR', 'T1', 'truck', 'radiation', 'ee874a2aeb9defbbec0e5a8d167967b2deaa4b31266bf7338545e302176c44d6', 60, UTC_TIMESTAMP(), 4),
 (9, 'KOR-WAG-R1', 'KOR', 'R1', 'rail', 'wagon', 'cb36af0672dd09c66e499cb2e0cdec82d9d31066496f284fe744bfd7a0551626', 60, UTC_TIMESTAMP(), 4),
 (10, 'KOR-ANPR-WZ', 'KOR', 'WZ', 'waiting_zone', 'anpr', 'a4241b60960123f3c615f01720c9d06053dd8449fa75909a6f3fdfe4cb03a516', 60, UTC_TIMESTAMP(), 4);

-- Written by grzechotki (4), approved by analityk (6): two officers.
INSERT IGNORE INTO watch_entry (id, subject, value, match_key, fold_key,
 country, birth_date, reason, action, priority, valid_from, valid_to, unit_id,
 status, created_by, created_at, decided_by, decided_at) VALUES
 (1, 'plate', 'WX 1234B', 'WX1234B', 'WX12348', NULL, NULL,
  'Demo: suspected cigarette smuggling (intelligence report 17/2026)',
  'stop_inspect', 1, '2026-01-01', '2027-12-31', 12, 'active', 4,
  UTC_TIMESTAMP(), 6, UTC_TIMESTAMP()),
 (2, 'container', 'CSQU3054383', 'CSQU3054383', 'CSQU3054383', NULL, NULL,
  'Demo: declared as furniture, risk profile R-12', 'report', 2,
  '2026-01-01', '2027-12-31', 11, 'active', 6, UTC_TIMESTAMP(), 4,
  UTC_TIMESTAMP()),
 (3, 'person', 'Ivan Petrov', 'IVAN PETROV|1980-05-12', 'IVAN PETROV|1980-05-12',
  NULL, '1980-05-12', 'Demo: European arrest warrant: hand over to the Border Guard',
  'detain', 1, '2026-01-01', '2027-12-31', 11, 'active', 6, UTC_TIMESTAMP(),
  4, UTC_TIMESTAMP()),
 (4, 'plate', 'LU 5555A', 'LU5555A', 'LU5555A', 'PL', NULL,
  'Demo: waiting for a second officer', 'notify_unit', 3, '2026-01-01',
  '2027-12-31', 12, 'pending', 4, UTC_TIMESTAMP(), NULL, NULL);

-- The workers reload their copy of the list when this moves (the only
-- value a second load changes; it means "look again", nothing more).
UPDATE watch_state SET version = version + 1 WHERE id = 1;
