-- 91_report_traffic.sql: the traffic and device rollups (0083) rebuilt from
-- the raw events with INSERT … SELECT … GROUP BY: what the live path
-- (domain/report_events.c, called in the ingest transaction) writes event
-- by event, in one pass over `event`. Loaded by scripts/seed after the demo
-- events, and by the reports benchmark (scripts/bench-reports) after its
-- bulk load; tests/http/test_report_rollup_bulk.py proves it gives exactly
-- the rows the live path gave. Idempotent: each table is emptied first (run
-- it on a quiet database: an event counted meanwhile by the live path would
-- be lost or counted twice).
--
-- One scan of the raw table into per device, UTC hour, direction, kind and
-- country groups; every rollup is summed from those. A UTC hour lies in one
-- Warsaw day, month, weekday and hour (the offset is whole hours and
-- changes on the hour), so the coarser buckets are exact sums of it.

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

-- The groups of a year at two crossings (about a million) are summed in a
-- memory table: on disk the same scan took twice as long (1.5 million
-- events: 112 s against 54 s, on 2 busy cores). A limit, not an allocation.
SET SESSION tmp_table_size = 1073741824, max_heap_table_size = 1073741824;

CREATE TEMPORARY TABLE report_fill_group (
  device_id  BIGINT UNSIGNED NOT NULL,
  crossing   VARCHAR(8) NOT NULL,
  lane_kind  VARCHAR(16) NOT NULL,
  dir        VARCHAR(8) NOT NULL,
  kind       VARCHAR(16) NOT NULL,
  hour       DATETIME NOT NULL,
  country    CHAR(2) CHARACTER SET ascii NOT NULL,
  n          INT UNSIGNED NOT NULL,
  objects    INT UNSIGNED NOT NULL,
  doubtful   INT UNSIGNED NOT NULL,
  alive      BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB
SELECT e.device_id, e.crossing, d.lane_kind, e.dir, e.kind,
       CAST(DATE_FORMAT(e.t, '%Y-%m-%d %H:00:00') AS DATETIME) AS hour,
       IFNULL(e.country, '') AS country, COUNT(*) AS n,
       SUM(e.obj_key IS NOT NULL) AS objects, SUM(e.doubtful <> 0) AS doubtful,
       BIT_OR(1 << MINUTE(e.t)) AS alive
  FROM event e JOIN device d ON d.id = e.device_id
 GROUP BY e.device_id, e.crossing, d.lane_kind, e.dir, e.kind, hour, country;

-- Each UTC hour's Warsaw day, month, weekday (1 Monday .. 7 Sunday) and
-- hour: the offset as report_waw_day() (0085) and lib/tzpl decide it.
CREATE TEMPORARY TABLE report_fill_hour (
  hour   DATETIME NOT NULL PRIMARY KEY,
  day    DATE NOT NULL,
  month  DATE NOT NULL,
  wday   TINYINT UNSIGNED NOT NULL,
  lhour  TINYINT UNSIGNED NOT NULL
) ENGINE=InnoDB
SELECT hour, DATE(l) AS day, DATE(l) - INTERVAL (DAYOFMONTH(l) - 1) DAY AS month,
       WEEKDAY(l) + 1 AS wday, HOUR(l) AS lhour
  FROM (SELECT hour, hour + INTERVAL IF(
          hour >= TIMESTAMP(DATE(CONCAT(YEAR(hour), '-03-31'))
                  - INTERVAL (DAYOFWEEK(CONCAT(YEAR(hour), '-03-31')) - 1) DAY, '01:00:00')
          AND hour < TIMESTAMP(DATE(CONCAT(YEAR(hour), '-10-31'))
                  - INTERVAL (DAYOFWEEK(CONCAT(YEAR(hour), '-10-31')) - 1) DAY, '01:00:00'),
          2, 1) HOUR AS l
          FROM (SELECT DISTINCT hour FROM report_fill_group) h) x;

-- Heartbeats tell that a device lives; they are not traffic.
DELETE FROM report_traffic_hour;
INSERT INTO report_traffic_hour (crossing, hour, lane_kind, dir, kind, events, objects,
  foreign_plates, doubtful)
SELECT crossing, hour, lane_kind, dir, kind, SUM(n), SUM(objects),
       SUM(IF(kind = 'plate' AND country NOT IN ('', 'PL'), n, 0)), SUM(doubtful)
  FROM report_fill_group WHERE kind <> 'heartbeat'
 GROUP BY crossing, hour, lane_kind, dir, kind;

DELETE FROM report_traffic_day;
INSERT INTO report_traffic_day (crossing, day, lane_kind, dir, kind, events, objects,
  foreign_plates, doubtful)
SELECT t.crossing, h.day, t.lane_kind, t.dir, t.kind, SUM(t.events), SUM(t.objects),
       SUM(t.foreign_plates), SUM(t.doubtful)
  FROM report_traffic_hour t JOIN report_fill_hour h ON h.hour = t.hour
 GROUP BY t.crossing, h.day, t.lane_kind, t.dir, t.kind;

DELETE FROM report_traffic_month;
INSERT INTO report_traffic_month (crossing, month, lane_kind, dir, kind, events, objects,
  foreign_plates, doubtful)
SELECT t.crossing, h.month, t.lane_kind, t.dir, t.kind, SUM(t.events), SUM(t.objects),
       SUM(t.foreign_plates), SUM(t.doubtful)
  FROM report_traffic_hour t JOIN report_fill_hour h ON h.hour = t.hour
 GROUP BY t.crossing, h.month, t.lane_kind, t.dir, t.kind;

DELETE FROM report_plate_country_day;
INSERT INTO report_plate_country_day (crossing, day, country, plates)
SELECT g.crossing, h.day, g.country, SUM(g.n)
  FROM report_fill_group g JOIN report_fill_hour h ON h.hour = g.hour
 WHERE g.kind = 'plate'
 GROUP BY g.crossing, h.day, g.country;

DELETE FROM report_busy_hour;
INSERT INTO report_busy_hour (crossing, month, weekday, hour, events, objects)
SELECT t.crossing, h.month, h.wday, h.lhour, SUM(t.events), SUM(t.objects)
  FROM report_traffic_hour t JOIN report_fill_hour h ON h.hour = t.hour
 GROUP BY t.crossing, h.month, h.wday, h.lhour;

-- Devices: every event, heartbeats too; the minutes alive OR-ed together.
DELETE FROM report_device_hour;
INSERT INTO report_device_hour (device_id, hour, crossing, events, doubtful, alive)
SELECT device_id, hour, MIN(crossing), SUM(n), SUM(doubtful), BIT_OR(alive)
  FROM report_fill_group
 GROUP BY device_id, hour;

DELETE FROM report_device_day;
INSERT INTO report_device_day (device_id, day, crossing, events, doubtful)
SELECT d.device_id, h.day, MIN(d.crossing), SUM(d.events), SUM(d.doubtful)
  FROM report_device_hour d JOIN report_fill_hour h ON h.hour = d.hour
 GROUP BY d.device_id, h.day;

DROP TEMPORARY TABLE report_fill_group;
DROP TEMPORARY TABLE report_fill_hour;
