-- 0083_report_rollup.sql: the traffic and device rollups of the reports
-- (issue 15, docs/reports.md). Counts kept exact in the transaction that
-- stores the events (domain/report_events.c, called from the ingest store
-- path): INSERT … ON DUPLICATE KEY UPDATE n = n + VALUES(n), a batch's rows
-- aggregated in C first. A report reads the coarsest table that answers it,
-- so its cost grows with the period and the resolution, never with the raw
-- event table. domain/report owns every report_* table.
--
-- slot: the rows of one bucket are split by the writer's connection
-- (CONNECTION_ID() % 16, each ingest worker one connection), so workers
-- storing events of one crossing at once do not queue on one hot row
-- until each other's durable COMMIT; a reader sums over slot (docs/reports.md).
-- A bulk fill writes slot 0.
--
-- Buckets: `hour` is the UTC hour (DST-safe: a report by hour converts to
-- Warsaw when it shows it), `day` the Warsaw date of the event time, `month`
-- the first day of the Warsaw month. The event time is the device's t (what
-- happened at the lane), never the arrival: a batch sent late counts where
-- it happened.

-- Traffic: every event but heartbeats, per crossing, lane kind (the
-- device's), direction and event kind. objects: events that identified an
-- object (plate, container, wagon or document read: obj_key present);
-- foreign: plate reads with a country other than PL; doubtful: reads kept
-- but flagged (failed check digit).
CREATE TABLE report_traffic_hour (
  crossing   VARCHAR(8) NOT NULL,
  hour       DATETIME NOT NULL,
  lane_kind  ENUM('car','truck','bus','pedestrian','rail','terminal','waiting_zone') NOT NULL,
  dir        ENUM('entry','exit') NOT NULL,
  kind       ENUM('plate','container','wagon','weight','radiation','document','lane') NOT NULL,
  events     INT UNSIGNED NOT NULL,
  objects    INT UNSIGNED NOT NULL,
  foreign_plates INT UNSIGNED NOT NULL,
  doubtful   INT UNSIGNED NOT NULL,
  slot       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (crossing, hour, lane_kind, dir, kind, slot)
) ENGINE=InnoDB;

CREATE TABLE report_traffic_day (
  crossing   VARCHAR(8) NOT NULL,
  day        DATE NOT NULL,
  lane_kind  ENUM('car','truck','bus','pedestrian','rail','terminal','waiting_zone') NOT NULL,
  dir        ENUM('entry','exit') NOT NULL,
  kind       ENUM('plate','container','wagon','weight','radiation','document','lane') NOT NULL,
  events     INT UNSIGNED NOT NULL,
  objects    INT UNSIGNED NOT NULL,
  foreign_plates INT UNSIGNED NOT NULL,
  doubtful   INT UNSIGNED NOT NULL,
  slot       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (crossing, day, lane_kind, dir, kind, slot)
) ENGINE=InnoDB;

CREATE TABLE report_traffic_month (
  crossing   VARCHAR(8) NOT NULL,
  month      DATE NOT NULL,
  lane_kind  ENUM('car','truck','bus','pedestrian','rail','terminal','waiting_zone') NOT NULL,
  dir        ENUM('entry','exit') NOT NULL,
  kind       ENUM('plate','container','wagon','weight','radiation','document','lane') NOT NULL,
  events     INT UNSIGNED NOT NULL,
  objects    INT UNSIGNED NOT NULL,
  foreign_plates INT UNSIGNED NOT NULL,
  doubtful   INT UNSIGNED NOT NULL,
  slot       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (crossing, month, lane_kind, dir, kind, slot)
) ENGINE=InnoDB;

-- Plate reads per country (the plate's, '' when the reader gave none) per
-- crossing and Warsaw day: the share of foreign plates by country.
CREATE TABLE report_plate_country_day (
  crossing   VARCHAR(8) NOT NULL,
  day        DATE NOT NULL,
  country    CHAR(2) CHARACTER SET ascii NOT NULL,
  plates     INT UNSIGNED NOT NULL,
  slot       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (crossing, day, country, slot)
) ENGINE=InnoDB;

-- The busiest hours: traffic events (as report_traffic_*) and identified
-- objects per crossing, Warsaw month, weekday (1 Monday .. 7 Sunday) and
-- Warsaw hour of the day (0..23): the weekday × hour heat map.
CREATE TABLE report_busy_hour (
  crossing   VARCHAR(8) NOT NULL,
  month      DATE NOT NULL,
  weekday    TINYINT UNSIGNED NOT NULL,
  hour       TINYINT UNSIGNED NOT NULL,
  events     INT UNSIGNED NOT NULL,
  objects    INT UNSIGNED NOT NULL,
  slot       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (crossing, month, weekday, hour, slot),
  CONSTRAINT ck_report_busy_hour CHECK (weekday BETWEEN 1 AND 7 AND hour < 24)
) ENGINE=InnoDB;

-- Per device and UTC hour: every event it sent (heartbeats too), doubtful
-- reads, and `alive`, a bit per minute of the hour (bit m = minute m) in
-- which it gave a sign of life (any event, a heartbeat included, by its
-- time t). OR-ed in, so the minutes are exact whatever the order events
-- arrive in; availability is BIT_COUNT(alive) over the minutes of the
-- period, and a silent period is a run of clear bits longer than the
-- device's heartbeat allowance (read by domain/report, docs/reports.md).
CREATE TABLE report_device_hour (
  device_id  BIGINT UNSIGNED NOT NULL,
  hour       DATETIME NOT NULL,
  crossing   VARCHAR(8) NOT NULL,
  events     INT UNSIGNED NOT NULL,
  doubtful   INT UNSIGNED NOT NULL,
  alive      BIGINT UNSIGNED NOT NULL,
  slot       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (device_id, hour, slot),
  KEY ix_report_device_hour_crossing (crossing, hour)
) ENGINE=InnoDB;

-- Per device and Warsaw day: events (heartbeats too) and doubtful reads,
-- for reports over months (the minutes alive come from the hour rows: a
-- day is 23 to 25 of them per device).
CREATE TABLE report_device_day (
  device_id  BIGINT UNSIGNED NOT NULL,
  day        DATE NOT NULL,
  crossing   VARCHAR(8) NOT NULL,
  events     INT UNSIGNED NOT NULL,
  doubtful   INT UNSIGNED NOT NULL,
  slot       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (device_id, day, slot),
  KEY ix_report_device_day_crossing (crossing, day)
) ENGINE=InnoDB;

-- One event's rows in one round trip: a single event (the common request
-- of a lane device) would otherwise take seven upserts, seven round trips
-- in its transaction. The buckets and counts come from C
-- (domain/report_events.c), which computes them for the multi-row path
-- too, so both paths count alike; this only runs the statements. INVOKER:
-- it runs with the caller's grants on the tables.
DELIMITER //
CREATE PROCEDURE report_count_event(
  IN p_crossing VARCHAR(8), IN p_hour DATETIME, IN p_day DATE,
  IN p_month DATE, IN p_weekday TINYINT UNSIGNED, IN p_lhour TINYINT UNSIGNED,
  IN p_lane_kind VARCHAR(16), IN p_dir VARCHAR(8), IN p_kind VARCHAR(16),
  IN p_country CHAR(2), IN p_device BIGINT UNSIGNED, IN p_object INT,
  IN p_foreign INT, IN p_doubtful INT, IN p_alive BIGINT UNSIGNED)
SQL SECURITY INVOKER
BEGIN
  DECLARE v_slot TINYINT UNSIGNED DEFAULT CONNECTION_ID() % 16;
  IF p_kind <> 'heartbeat' THEN
    INSERT INTO report_traffic_hour (slot, crossing, hour, lane_kind, dir, kind,
      events, objects, foreign_plates, doubtful)
      VALUES (v_slot, p_crossing, p_hour, p_lane_kind, p_dir, p_kind, 1, p_object, p_foreign, p_doubtful)
      ON DUPLICATE KEY UPDATE events = events + 1, objects = objects + p_object,
        foreign_plates = foreign_plates + p_foreign, doubtful = doubtful + p_doubtful;
    INSERT INTO report_traffic_day (slot, crossing, day, lane_kind, dir, kind,
      events, objects, foreign_plates, doubtful)
      VALUES (v_slot, p_crossing, p_day, p_lane_kind, p_dir, p_kind, 1, p_object, p_foreign, p_doubtful)
      ON DUPLICATE KEY UPDATE events = events + 1, objects = objects + p_object,
        foreign_plates = foreign_plates + p_foreign, doubtful = doubtful + p_doubtful;
    INSERT INTO report_traffic_month (slot, crossing, month, lane_kind, dir, kind,
      events, objects, foreign_plates, doubtful)
      VALUES (v_slot, p_crossing, p_month, p_lane_kind, p_dir, p_kind, 1, p_object, p_foreign, p_doubtful)
      ON DUPLICATE KEY UPDATE events = events + 1, objects = objects + p_object,
        foreign_plates = foreign_plates + p_foreign, doubtful = doubtful + p_doubtful;
    IF p_kind = 'plate' THEN
      INSERT INTO report_plate_country_day (slot, crossing, day, country, plates)
        VALUES (v_slot, p_crossing, p_day, p_country, 1)
        ON DUPLICATE KEY UPDATE plates = plates + 1;
    END IF;
    INSERT INTO report_busy_hour (slot, crossing, month, weekday, hour, events, objects)
      VALUES (v_slot, p_crossing, p_month, p_weekday, p_lhour, 1, p_object)
      ON DUPLICATE KEY UPDATE events = events + 1, objects = objects + p_object;
  END IF;
  INSERT INTO report_device_hour (slot, device_id, hour, crossing, events, doubtful, alive)
    VALUES (v_slot, p_device, p_hour, p_crossing, 1, p_doubtful, p_alive)
    ON DUPLICATE KEY UPDATE events = events + 1, doubtful = doubtful + p_doubtful,
      alive = alive | p_alive;
  INSERT INTO report_device_day (slot, device_id, day, crossing, events, doubtful)
    VALUES (v_slot, p_device, p_day, p_crossing, 1, p_doubtful)
    ON DUPLICATE KEY UPDATE events = events + 1, doubtful = doubtful + p_doubtful;
END //
DELIMITER ;
