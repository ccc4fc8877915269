-- 0085_report_rollup2.sql: the reports' rollups of eBT, alerts and control
-- decisions (issue 15, docs/reports.md). domain/report owns them; the
-- modules that own the raw rows call its writers in the transaction that
-- stores the row counted (a booking_history line, an alert_step, a
-- risk_decision, a closed control task), so a rollup always equals a
-- COUNT over the raw rows. db/rollup/report_rollup2.sql rebuilds them from
-- the raw tables (demo, bench, and the tests' proof of exactness).
--
-- Grains: `day` is the Warsaw date of the moment counted (report_waw_day
-- below, lib/tzpl.c in C), `month` the first day of its Warsaw month.
-- Histograms (waits, alert times) hold whole minutes in buckets named by
-- their lower bound: one minute up to 2 h (0..119), five minutes up to
-- 24 h (120, 125, .. 1435), then 1440 = "longer".

-- The Warsaw date of a UTC time: CEST from the last Sunday of March to the
-- last Sunday of October, both switches at 01:00 UTC (as lib/tzpl.c). For
-- the bulk fills; the live path computes the same date in C.
CREATE FUNCTION report_waw_day(t DATETIME(3)) RETURNS DATE DETERMINISTIC
  RETURN DATE(t + INTERVAL IF(
    t >= TIMESTAMP(DATE(CONCAT(YEAR(t), '-03-31'))
          - INTERVAL (DAYOFWEEK(CONCAT(YEAR(t), '-03-31')) - 1) DAY, '01:00:00')
    AND t < TIMESTAMP(DATE(CONCAT(YEAR(t), '-10-31'))
          - INTERVAL (DAYOFWEEK(CONCAT(YEAR(t), '-10-31')) - 1) DAY, '01:00:00'),
    2, 1) HOUR);

-- The histogram bucket of a duration in seconds (negative or unknown reads
-- as 0, as in C).
CREATE FUNCTION report_bucket(secs BIGINT) RETURNS SMALLINT UNSIGNED DETERMINISTIC
  RETURN CASE
    WHEN secs IS NULL OR secs < 0 THEN 0
    WHEN secs < 7200 THEN secs DIV 60
    WHEN secs < 86400 THEN (secs DIV 300) * 5
    ELSE 1440 END;

-- eBT: each booking change (booking_history.action) per crossing and the
-- Warsaw day it was made: created = bookings made, arrived = arrivals at
-- the waiting zone (walk_in = walk-ins, who arrive as they are registered),
-- called, served, cancelled, no_show, changed (moved to another hour).
CREATE TABLE report_ebt_day (
  crossing_id INT UNSIGNED NOT NULL,
  day         DATE NOT NULL,
  action      ENUM('created','changed','cancelled','arrived','called','served','no_show','walk_in') NOT NULL,
  n           INT UNSIGNED NOT NULL,
  PRIMARY KEY (crossing_id, day, action)
) ENGINE=InnoDB;

-- eBT: arrival in the waiting zone -> call to a lane, by the Warsaw day of
-- the call (p50/p90 per day or period).
CREATE TABLE report_ebt_wait (
  crossing_id INT UNSIGNED NOT NULL,
  day         DATE NOT NULL,
  bucket      SMALLINT UNSIGNED NOT NULL,
  n           INT UNSIGNED NOT NULL,
  PRIMARY KEY (crossing_id, day, bucket)
) ENGINE=InnoDB;

-- eBT: bookings made per company per Warsaw month (the top N), and through
-- which agency (agency_id: the representing company the booking person
-- works for; 0 = the company's own people). company_id 0: no company (a
-- guest's booking). Names come from e-Customer (domain/registry).
CREATE TABLE report_ebt_company_month (
  month       DATE NOT NULL,
  crossing_id INT UNSIGNED NOT NULL,
  company_id  BIGINT UNSIGNED NOT NULL,
  agency_id   BIGINT UNSIGNED NOT NULL,
  n           INT UNSIGNED NOT NULL,
  PRIMARY KEY (month, crossing_id, company_id, agency_id)
) ENGINE=InnoDB;

-- Alerts: each step (alert_step) by crossing, Warsaw day of the step, the
-- alert's kind and priority; the outcome on `closed` steps ('' otherwise).
-- step 'new' counts the alerts raised.
CREATE TABLE report_alert_day (
  crossing VARCHAR(8) NOT NULL,
  day      DATE NOT NULL,
  kind     ENUM('watch','radiation','device_down') NOT NULL,
  priority TINYINT UNSIGNED NOT NULL,
  step     ENUM('new','acknowledged','inspection','closed') NOT NULL,
  outcome  ENUM('','no_irregularity','irregularity','seizure','handed_over') NOT NULL,
  n        INT UNSIGNED NOT NULL,
  PRIMARY KEY (crossing, day, kind, priority, step, outcome)
) ENGINE=InnoDB;

-- Alerts: time from the alert to its acknowledgement and to its closing,
-- by the Warsaw day of that step.
CREATE TABLE report_alert_time (
  crossing VARCHAR(8) NOT NULL,
  day      DATE NOT NULL,
  step     ENUM('acknowledged','closed') NOT NULL,
  priority TINYINT UNSIGNED NOT NULL,
  bucket   SMALLINT UNSIGNED NOT NULL,
  n        INT UNSIGNED NOT NULL,
  PRIMARY KEY (crossing, day, step, priority, bucket)
) ENGINE=InnoDB;

-- Control decisions by crossing, Warsaw day, lane kind ('' for none),
-- colour and whether the random draw chose it. Every identified event is
-- decided in the ingest's transaction, so one row (a crossing's green
-- cars today) would be written by every worker at once and hold each
-- until the other's COMMIT: `slot` (the writer's CONNECTION_ID() % 16,
-- as 0083 does) spreads it over rows the readers sum. The bulk fill
-- writes slot 0.
CREATE TABLE report_decision_day (
  crossing  VARCHAR(8) NOT NULL,
  day       DATE NOT NULL,
  lane_kind ENUM('','car','truck','bus','pedestrian','rail','terminal','waiting_zone') NOT NULL,
  colour    ENUM('green','yellow','red') NOT NULL,
  random    TINYINT(1) NOT NULL,
  slot      TINYINT UNSIGNED NOT NULL,
  n         INT UNSIGNED NOT NULL,
  PRIMARY KEY (crossing, day, lane_kind, colour, random, slot)
) ENGINE=InnoDB;

-- Control outcomes: the decisions whose task was closed, by the Warsaw day
-- of the closing, colour, random and outcome.
CREATE TABLE report_control_day (
  crossing VARCHAR(8) NOT NULL,
  day      DATE NOT NULL,
  colour   ENUM('yellow','red') NOT NULL,
  random   TINYINT(1) NOT NULL,
  outcome  ENUM('no_irregularity','irregularity','seizure','handed_over') NOT NULL,
  n        INT UNSIGNED NOT NULL,
  PRIMARY KEY (crossing, day, colour, random, outcome)
) ENGINE=InnoDB;

-- Per profile version: `fired` counts its hits by the Warsaw day of the
-- decision (live = 0: a profile in testing); the outcomes count the
-- decisions it fired on whose task was closed, by the day of the closing.
-- `slot` as in report_decision_day (a busy profile fires in every worker).
CREATE TABLE report_profile_day (
  profile_version_id BIGINT UNSIGNED NOT NULL,
  day                DATE NOT NULL,
  live               TINYINT(1) NOT NULL,
  what               ENUM('fired','no_irregularity','irregularity','seizure','handed_over') NOT NULL,
  slot               TINYINT UNSIGNED NOT NULL,
  n                  INT UNSIGNED NOT NULL,
  PRIMARY KEY (profile_version_id, day, live, what, slot)
) ENGINE=InnoDB;

-- The registrations report reads e-Customer's and the CA's small tables
-- directly (domain/registry_report.c, domain/ca_stats.c): a period's rows
-- by these keys, never a whole table.
ALTER TABLE application
  ADD KEY ix_application_created (created_at),
  ADD KEY ix_application_decided (decided_at);
ALTER TABLE company ADD KEY ix_company_approved (approved_at);
ALTER TABLE certificate ADD KEY ix_certificate_created (created_at);
