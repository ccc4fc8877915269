-- 0083_report_rollup.sql: the traffic and device rollups of the reports
-- (issue 15, docs/reports.md). Counts kept exact in the transaction that
-- stores the events (domain/report_events.c, called from the ingest store
-- path): INSERT … ON DUPLICATE KEY UPDATE n = n + VALUES(n), a batch's rows
-- aggregated in C first. A report reads the coarsest table that answers it,
-- so its cost grows with the period and the resolution, never with the raw
-- event table. domain/report owns every report_* table.
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
  PRIMARY KEY (crossing, hour, lane_kind, dir, kind)
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
  PRIMARY KEY (crossing, day, lane_kind, dir, kind)
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
  PRIMARY KEY (crossing, month, lane_kind, dir, kind)
) ENGINE=InnoDB;

-- Plate reads per country (the plate's, '' when the reader gave none) per
-- crossing and Warsaw day: the share of foreign plates by country.
CREATE TABLE report_plate_country_day (
  crossing   VARCHAR(8) NOT NULL,
  day        DATE NOT NULL,
  country    CHAR(2) CHARACTER SET ascii NOT NULL,
  plates     INT UNSIGNED NOT NULL,
  PRIMARY KEY (crossing, day, country)
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
  PRIMARY KEY (crossing, month, weekday, hour),
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
  PRIMARY KEY (device_id, hour),
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
  PRIMARY KEY (device_id, day),
  KEY ix_report_device_day_crossing (crossing, day)
) ENGINE=InnoDB;
