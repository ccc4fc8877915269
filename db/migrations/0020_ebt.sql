-- 0020_ebt.sql: e-Booking TRUCK: the road crossings and their configuration,
-- one row per bookable hour (slot), bookings, their MRNs and history.
--
-- Time: a slot is named by its LOCAL date and hour at the crossing
-- (Europe/Warsaw: what the driver and the officer read on the clock) and
-- also carries start_utc, computed by domain/booking.c, which every
-- comparison with "now" uses (UTC_TIMESTAMP(); MariaDB has no tz tables).
-- Every other time column is UTC, like the rest of the schema.

CREATE TABLE crossing (
  id                  INT UNSIGNED PRIMARY KEY,
  code                VARCHAR(8) NOT NULL,
  name_pl             VARCHAR(200) NOT NULL,
  name_en             VARCHAR(200) NOT NULL,
  to_country          CHAR(2) NOT NULL,
  -- The customs branch that runs it: its officers see and configure it.
  unit_id             INT UNSIGNED NOT NULL,
  horizon_days        SMALLINT UNSIGNED NOT NULL DEFAULT 30,
  change_deadline_min INT UNSIGNED NOT NULL DEFAULT 120,
  arrive_before_min   INT UNSIGNED NOT NULL DEFAULT 120,
  arrive_after_min    INT UNSIGNED NOT NULL DEFAULT 60,
  -- A booking still "booked" this long after its hour ends is a no-show.
  noshow_delay_min    INT UNSIGNED NOT NULL DEFAULT 60,
  lanes               TINYINT UNSIGNED NOT NULL DEFAULT 4,
  -- Slots exist up to this local day; domain/booking.c adds the next ones
  -- when the horizon moves on, and rewrites them when the schedule changes.
  slots_until         DATE NULL,
  UNIQUE KEY uq_crossing_code (code),
  CONSTRAINT fk_crossing_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Opening hours and hourly capacity per ISO day of week (1 Monday .. 7
-- Sunday): open from open_hour to close_hour (exclusive, 24 = midnight).
CREATE TABLE crossing_day (
  crossing_id INT UNSIGNED NOT NULL,
  dow         TINYINT UNSIGNED NOT NULL,
  open_hour   TINYINT UNSIGNED NOT NULL,
  close_hour  TINYINT UNSIGNED NOT NULL,
  capacity    SMALLINT UNSIGNED NOT NULL,
  PRIMARY KEY (crossing_id, dow),
  CONSTRAINT fk_crossing_day_crossing FOREIGN KEY (crossing_id) REFERENCES crossing (id),
  CONSTRAINT ck_crossing_day CHECK (dow BETWEEN 1 AND 7 AND open_hour <= close_hour AND close_hour <= 24)
) ENGINE=InnoDB;

-- A closure: a whole day (0..24) or some hours of it.
CREATE TABLE crossing_closure (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  crossing_id INT UNSIGNED NOT NULL,
  day         DATE NOT NULL,
  from_hour   TINYINT UNSIGNED NOT NULL,
  to_hour     TINYINT UNSIGNED NOT NULL,
  reason      VARCHAR(200) NOT NULL,
  created_at  DATETIME NOT NULL,
  created_by  BIGINT UNSIGNED NULL,
  KEY ix_closure_day (crossing_id, day),
  CONSTRAINT fk_closure_crossing FOREIGN KEY (crossing_id) REFERENCES crossing (id),
  CONSTRAINT ck_closure_hours CHECK (from_hour < to_hour AND to_hour <= 24)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per crossing, local day and hour. The capacity guarantee lives
-- here: a place is taken only by
--   UPDATE slot SET booked = booked + 1 WHERE id = ? AND booked < capacity
-- in the transaction that inserts the booking, so concurrent bookings
-- serialise on the row lock and the last one sees the hour full. booked is
-- UNSIGNED: releasing a place that was never taken fails loudly.
CREATE TABLE slot (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  crossing_id INT UNSIGNED NOT NULL,
  day         DATE NOT NULL,
  hour        TINYINT UNSIGNED NOT NULL,
  start_utc   DATETIME NOT NULL,
  capacity    SMALLINT UNSIGNED NOT NULL,
  booked      SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  closed      TINYINT(1) NOT NULL DEFAULT 0,
  UNIQUE KEY uq_slot (crossing_id, day, hour),
  KEY ix_slot_start (crossing_id, start_utc),
  CONSTRAINT fk_slot_crossing FOREIGN KEY (crossing_id) REFERENCES crossing (id)
) ENGINE=InnoDB;

CREATE TABLE booking (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  -- Random, not a sequence: numbers cannot be guessed one from another.
  number        VARCHAR(16) NOT NULL,
  crossing_id   INT UNSIGNED NOT NULL,
  slot_id       BIGINT UNSIGNED NOT NULL,
  -- Copies of the slot's time, so lists and the no-show sweep need no join.
  day           DATE NOT NULL,
  hour          TINYINT UNSIGNED NOT NULL,
  start_utc     DATETIME NOT NULL,
  company_id    BIGINT UNSIGNED NULL,		-- NULL: a walk-in without one
  -- The company as e-Customer named it when booked (the officer sees it
  -- without reading e-Customer's tables).
  company_name  VARCHAR(300) NULL,
  person_id     BIGINT UNSIGNED NULL,		-- the e-Customer person who booked
  staff_id      BIGINT UNSIGNED NULL,		-- the officer who registered a walk-in
  status        ENUM('booked','arrived','called','served','cancelled','no_show') NOT NULL,
  walk_in       TINYINT(1) NOT NULL DEFAULT 0,
  plate         VARCHAR(12) NOT NULL,		-- normalised: A-Z 0-9 only
  plate_country CHAR(2) NOT NULL,
  trailer_plate VARCHAR(12) NULL,
  driver_name   VARCHAR(100) NOT NULL,
  driver_doc    VARCHAR(40) NOT NULL,
  driver_phone  VARCHAR(20) NOT NULL,
  goods         VARCHAR(500) NOT NULL,
  mass_kg       INT UNSIGNED NOT NULL,
  packages      INT UNSIGNED NOT NULL,
  lane          TINYINT UNSIGNED NULL,
  -- The booking form's one-time token: a resent form finds its booking.
  idem_key      CHAR(32) NULL,
  created_at    DATETIME NOT NULL,
  arrived_at    DATETIME NULL,
  called_at     DATETIME NULL,
  done_at       DATETIME NULL,
  -- One truck, one active booking per crossing: the plate is in the key
  -- only while the booking is active.
  active_plate  VARCHAR(12) AS (IF(status IN ('booked','arrived','called'), plate, NULL)) PERSISTENT,
  -- The same with O read as 0 and I as 1: cameras and people confuse them.
  active_fuzzy  VARCHAR(12) AS (IF(status IN ('booked','arrived','called'),
                  REPLACE(REPLACE(plate, 'O', '0'), 'I', '1'), NULL)) PERSISTENT,
  UNIQUE KEY uq_booking_number (number),
  UNIQUE KEY uq_booking_idem (idem_key),
  UNIQUE KEY uq_booking_active_plate (crossing_id, active_plate),
  KEY ix_booking_fuzzy (crossing_id, active_fuzzy),
  KEY ix_booking_company (company_id, start_utc),
  KEY ix_booking_crossing_day (crossing_id, day, hour, status),
  KEY ix_booking_sweep (status, start_utc),
  KEY ix_booking_plate (crossing_id, plate),
  KEY ix_booking_slot (slot_id, status),
  CONSTRAINT fk_booking_crossing FOREIGN KEY (crossing_id) REFERENCES crossing (id),
  CONSTRAINT fk_booking_slot FOREIGN KEY (slot_id) REFERENCES slot (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE booking_mrn (
  booking_id BIGINT UNSIGNED NOT NULL,
  seq        TINYINT UNSIGNED NOT NULL,
  mrn        CHAR(18) NOT NULL,
  PRIMARY KEY (booking_id, seq),
  KEY ix_booking_mrn (mrn),
  CONSTRAINT fk_booking_mrn_booking FOREIGN KEY (booking_id) REFERENCES booking (id)
) ENGINE=InnoDB;

-- Every change of a booking, with who made it and why.
CREATE TABLE booking_history (
  id         BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  booking_id BIGINT UNSIGNED NOT NULL,
  at         DATETIME NOT NULL,
  actor_kind ENUM('person','staff','system','device') NOT NULL,
  actor_id   BIGINT UNSIGNED NULL,
  action     ENUM('created','changed','cancelled','arrived','called','served','no_show','walk_in') NOT NULL,
  from_start DATETIME NULL,
  to_start   DATETIME NULL,
  reason     VARCHAR(500) NULL,
  KEY ix_booking_history (booking_id, id),
  CONSTRAINT fk_booking_history_booking FOREIGN KEY (booking_id) REFERENCES booking (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The two pilot crossings (reference data, like the org units).
INSERT INTO crossing (id, code, name_pl, name_en, to_country, unit_id) VALUES
 (1, 'GRZ', 'Grzechotki', 'Grzechotki', 'RU', 12),
 (2, 'KOR', 'Kukuryki – Koroszczyn (terminal odpraw TIR)', 'Kukuryki – Koroszczyn (truck terminal)', 'BY', 22);

-- Grzechotki: 06–22, 6 trucks an hour on weekdays, fewer at weekends.
-- Koroszczyn runs round the clock at 10 an hour (8 at weekends).
INSERT INTO crossing_day (crossing_id, dow, open_hour, close_hour, capacity) VALUES
 (1, 1, 6, 22, 6), (1, 2, 6, 22, 6), (1, 3, 6, 22, 6), (1, 4, 6, 22, 6),
 (1, 5, 6, 22, 6), (1, 6, 8, 18, 4), (1, 7, 8, 18, 4),
 (2, 1, 0, 24, 10), (2, 2, 0, 24, 10), (2, 3, 0, 24, 10), (2, 4, 0, 24, 10),
 (2, 5, 0, 24, 10), (2, 6, 0, 24, 8), (2, 7, 0, 24, 8);
