-- 40_risk.sql: random-selection rates at the demo crossings and one
-- re-inspection order, so `make demo-lanes` traffic produces green, yellow
-- and red decisions and control tasks. Idempotent (keys, INSERT IGNORE).
SET NAMES utf8mb4;

-- Per mille of decisions the random draw chooses, per crossing and lane
-- kind; trucks and the waiting zone more often than cars.
INSERT IGNORE INTO risk_rate (crossing, lane_kind, per_mille, colour) VALUES
 ('GRZ', 'truck', 50, 'yellow'),
 ('GRZ', 'car', 20, 'yellow'),
 ('GRZ', 'waiting_zone', 30, 'red'),
 ('KOR', 'truck', 50, 'yellow'),
 ('KOR', 'rail', 30, 'yellow'),
 ('KOR', 'waiting_zone', 30, 'red');

-- Ordered by analityk (6): the container's next sighting anywhere is red.
INSERT IGNORE INTO reinspection (id, subject, value, match_key, reason,
 valid_from, valid_to, status, created_by, created_at) VALUES
 (1, 'container', 'MSCU6639871', 'MSCU6639871',
  'Demo: seal number differed from the transit declaration last time',
  '2026-01-01', '2027-12-31', 'active', 6, UTC_TIMESTAMP());
