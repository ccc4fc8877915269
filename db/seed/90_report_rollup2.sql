-- 90_report_rollup2.sql: the rollups of eBT, alerts and control decisions
-- (0085_report_rollup2.sql) rebuilt from the raw rows with INSERT … SELECT
-- … GROUP BY: what the live path (domain/report_*.c, called by the owning
-- modules) writes row by row, in one pass. Loaded last by scripts/seed, so
-- the demo's seeded bookings, alerts and decisions have figures; the bench
-- loads it after its bulk data, and tests/http/test_report_rollup2.py
-- proves that on any data it gives exactly the rows the live path gave.
-- The decision rollups' `slot` (spread of a hot row) is 0 here: compare
-- sums over it. Idempotent: each table is emptied first (run it on a quiet database: a
-- change counted meanwhile by the live path would be lost).

-- A lone event waits in report_pending until the ingest tick counts it
-- (0108): this fill would count it from the raw rows and the tick again.
-- Run it once the table is empty (a second after the lanes go quiet).
DELIMITER //
BEGIN NOT ATOMIC
  IF EXISTS (SELECT 1 FROM report_pending) THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
      'lone events still wait in report_pending for the ingest tick: run the fill once it is empty';
  END IF;
END //
DELIMITER ;

-- The company's changes are booking_history's lines, the lane's steps its
-- lane row's times (booking_lane, 0101; a walk-in's arrival is its walk_in
-- line).
DELETE FROM report_ebt_day;
INSERT INTO report_ebt_day (crossing_id, day, action, n)
SELECT crossing_id, d, action, COUNT(*) FROM (
  SELECT b.crossing_id, report_waw_day(h.at) AS d, h.action
    FROM booking_history h JOIN booking b ON b.id = h.booking_id
  UNION ALL
  SELECT b.crossing_id, report_waw_day(l.arrived_at), 'arrived'
    FROM booking_lane l JOIN booking b ON b.id = l.booking_id
   WHERE l.arrived_at IS NOT NULL AND b.walk_in = 0
  UNION ALL
  SELECT crossing_id, report_waw_day(called_at), 'called'
    FROM booking_lane WHERE called_at IS NOT NULL
  UNION ALL
  SELECT crossing_id, report_waw_day(done_at), status
    FROM booking_lane WHERE done_at IS NOT NULL) x
 GROUP BY crossing_id, d, action;

DELETE FROM report_ebt_wait;
INSERT INTO report_ebt_wait (crossing_id, day, bucket, n)
SELECT crossing_id, report_waw_day(called_at) AS d,
       report_bucket(TIMESTAMPDIFF(SECOND, arrived_at, called_at)) AS k,
       COUNT(*)
  FROM booking_lane WHERE called_at IS NOT NULL
 GROUP BY crossing_id, d, k;

-- The agency as domain/registry.c's registry_agency_of() answers it on the
-- day of the booking (UTC, as representation validity is kept): none when
-- the person represents the company directly, else the lowest agency id.
DELETE FROM report_ebt_company_month;
INSERT INTO report_ebt_company_month (month, crossing_id, company_id, agency_id, n)
SELECT m, crossing_id, company, agency, COUNT(*) FROM (
  SELECT report_waw_day(h.at) - INTERVAL (DAYOFMONTH(report_waw_day(h.at)) - 1) DAY AS m,
         b.crossing_id, IFNULL(b.company_id, 0) AS company,
         IF(h.actor_kind <> 'person' OR b.company_id IS NULL, 0,
            IF(EXISTS (SELECT 1 FROM representation r
                         JOIN representation_authz a ON a.representation_id = r.id
                        WHERE r.company_id = b.company_id AND r.rep_person_id = h.actor_id
                          AND a.authz_code = 'ebt_book'
                          AND r.valid_from <= DATE(h.at)
                          AND (r.valid_to IS NULL OR r.valid_to > DATE(h.at))), 0,
               IFNULL((SELECT MIN(r1.rep_company_id) FROM representation r1
                         JOIN representation_authz a1 ON a1.representation_id = r1.id
                         JOIN representation r2 ON r2.company_id = r1.rep_company_id
                         JOIN representation_authz a2 ON a2.representation_id = r2.id
                        WHERE r1.company_id = b.company_id AND r2.rep_person_id = h.actor_id
                          AND a1.authz_code = 'ebt_book' AND a2.authz_code = 'ebt_book'
                          AND r1.valid_from <= DATE(h.at)
                          AND (r1.valid_to IS NULL OR r1.valid_to > DATE(h.at))
                          AND r2.valid_from <= DATE(h.at)
                          AND (r2.valid_to IS NULL OR r2.valid_to > DATE(h.at))), 0)))
           AS agency
    FROM booking_history h JOIN booking b ON b.id = h.booking_id
   WHERE h.action = 'created') c
 GROUP BY m, crossing_id, company, agency;

DELETE FROM report_alert_day;
INSERT INTO report_alert_day (crossing, day, kind, priority, step, outcome, n)
SELECT a.crossing, report_waw_day(s.at) AS d, a.kind, a.priority, s.step,
       IF(s.step = 'closed', IFNULL(s.outcome, ''), '') AS o, COUNT(*)
  FROM alert_step s JOIN alert a ON a.id = s.alert_id
 GROUP BY a.crossing, d, a.kind, a.priority, s.step, o;

DELETE FROM report_alert_time;
INSERT INTO report_alert_time (crossing, day, step, priority, bucket, n)
SELECT a.crossing, report_waw_day(s.at) AS d, s.step, a.priority,
       report_bucket(TIMESTAMPDIFF(SECOND, a.created_at, s.at)) AS k, COUNT(*)
  FROM alert_step s JOIN alert a ON a.id = s.alert_id
 WHERE s.step IN ('acknowledged', 'closed')
 GROUP BY a.crossing, d, s.step, a.priority, k;

DELETE FROM report_decision_day;
INSERT INTO report_decision_day (crossing, day, lane_kind, colour, random, slot, n)
SELECT d.crossing, report_waw_day(d.created_at) AS dd, IFNULL(d.lane_kind, '') AS lk,
       d.colour, d.random, 0, COUNT(*)
  FROM risk_decision d
 GROUP BY d.crossing, dd, lk, d.colour, d.random;

-- A task's outcome is counted when risk_decision.outcome is fed back from
-- its closing (domain/risk_outcomes.c), on the day of control_task.closed_at.
DELETE FROM report_control_day;
INSERT INTO report_control_day (crossing, day, colour, random, outcome, n)
SELECT d.crossing, report_waw_day(t.closed_at) AS dd, d.colour, d.random, d.outcome, COUNT(*)
  FROM risk_decision d JOIN control_task t ON t.decision_id = d.id
 WHERE d.outcome IS NOT NULL AND t.closed_at IS NOT NULL
 GROUP BY d.crossing, dd, d.colour, d.random, d.outcome;

DELETE FROM report_profile_day;
INSERT INTO report_profile_day (profile_version_id, day, live, what, crossing, slot, n)
SELECT h.profile_version_id, report_waw_day(d.created_at) AS dd, h.live, 'fired', d.crossing, 0, COUNT(*)
  FROM risk_decision_hit h JOIN risk_decision d ON d.id = h.decision_id
 GROUP BY h.profile_version_id, dd, h.live, d.crossing;
INSERT INTO report_profile_day (profile_version_id, day, live, what, crossing, slot, n)
SELECT h.profile_version_id, report_waw_day(t.closed_at) AS dd, h.live, d.outcome, d.crossing, 0, COUNT(*)
  FROM risk_decision_hit h JOIN risk_decision d ON d.id = h.decision_id
  JOIN control_task t ON t.decision_id = d.id
 WHERE d.outcome IS NOT NULL AND t.closed_at IS NOT NULL
 GROUP BY h.profile_version_id, dd, h.live, d.outcome, d.crossing;
