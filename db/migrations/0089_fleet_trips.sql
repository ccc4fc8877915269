-- 0089_fleet_trips.sql: reservations of pool vehicles and trip cards
-- (karta drogowa) of SKR-Flota (issue 16, docs/fleet.md). domain/fleet
-- owns them (fleet_reserve.c, fleet_trip.c). Moments are UTC; the pages
-- show and read Warsaw time.
--
-- No two active reservations of a vehicle overlap, and no two trips of a
-- vehicle or of a driver: the writers lock the vehicle row (and, for a
-- trip, the driver row after it) FOR UPDATE, check, then insert, in one
-- transaction, so racing requests are serialised by the database. The
-- checks read "ends after the new start" ranges on the (…, end_utc)
-- indexes below: the history before the new span is never scanned.

CREATE TABLE fleet_reservation (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  vehicle_id   BIGINT UNSIGNED NOT NULL,
  -- The vehicle's unit when reserved: the unit's list reads it directly.
  unit_id      INT UNSIGNED NOT NULL,
  -- Who will drive (a permitted driver of the unit); created_by is the
  -- driver themself or a fleet manager.
  staff_id     BIGINT UNSIGNED NOT NULL,
  created_by   BIGINT UNSIGNED NOT NULL,
  start_utc    DATETIME NOT NULL,
  end_utc      DATETIME NOT NULL,
  purpose      VARCHAR(200) NOT NULL,
  note         VARCHAR(1000) NULL,
  status       ENUM('active','cancelled') NOT NULL DEFAULT 'active',
  cancelled_by BIGINT UNSIGNED NULL,
  cancelled_at DATETIME NULL,
  created_at   DATETIME NOT NULL,
  CONSTRAINT ck_fleet_reservation_span CHECK (end_utc > start_utc),
  KEY ix_fleet_reservation_vehicle (vehicle_id, end_utc),
  KEY ix_fleet_reservation_unit (unit_id, start_utc),
  KEY ix_fleet_reservation_staff (staff_id, start_utc),
  CONSTRAINT fk_fleet_reservation_vehicle FOREIGN KEY (vehicle_id) REFERENCES fleet_vehicle (id),
  CONSTRAINT fk_fleet_reservation_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_fleet_reservation_creator FOREIGN KEY (created_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A trip card. Open while end_utc is NULL: an open trip lasts until it is
-- closed (the overlap checks read NULL as "not yet ended").
-- planned_end_utc is the return the driver announced: the span checked
-- against other people's reservations when the trip is opened.
CREATE TABLE fleet_trip (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  vehicle_id      BIGINT UNSIGNED NOT NULL,
  unit_id         INT UNSIGNED NOT NULL,
  driver_id       BIGINT UNSIGNED NOT NULL,
  opened_by       BIGINT UNSIGNED NOT NULL,
  purpose         ENUM('operation','transfer','training','service') NOT NULL,
  route           VARCHAR(500) NOT NULL,
  start_utc       DATETIME NOT NULL,
  planned_end_utc DATETIME NOT NULL,
  end_utc         DATETIME NULL,
  odo_out         INT UNSIGNED NOT NULL,
  odo_in          INT UNSIGNED NULL,
  status          ENUM('open','closed','checked') NOT NULL DEFAULT 'open',
  closed_at       DATETIME NULL,
  checked_by      BIGINT UNSIGNED NULL,
  checked_at      DATETIME NULL,
  note            VARCHAR(1000) NULL,
  created_at      DATETIME NOT NULL,
  CONSTRAINT ck_fleet_trip_end CHECK (end_utc IS NULL OR end_utc >= start_utc),
  CONSTRAINT ck_fleet_trip_odo CHECK (odo_in IS NULL OR odo_in >= odo_out),
  KEY ix_fleet_trip_vehicle (vehicle_id, end_utc),
  KEY ix_fleet_trip_driver (driver_id, end_utc),
  KEY ix_fleet_trip_unit (unit_id, start_utc),
  KEY ix_fleet_trip_status (status, unit_id),
  CONSTRAINT fk_fleet_trip_vehicle FOREIGN KEY (vehicle_id) REFERENCES fleet_vehicle (id),
  CONSTRAINT fk_fleet_trip_driver FOREIGN KEY (driver_id) REFERENCES staff (id),
  CONSTRAINT fk_fleet_trip_opener FOREIGN KEY (opened_by) REFERENCES staff (id),
  CONSTRAINT fk_fleet_trip_checker FOREIGN KEY (checked_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The passengers of a trip: staff of the vehicle's unit.
CREATE TABLE fleet_trip_passenger (
  trip_id  BIGINT UNSIGNED NOT NULL,
  staff_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (trip_id, staff_id),
  CONSTRAINT fk_fleet_passenger_trip FOREIGN KEY (trip_id) REFERENCES fleet_trip (id),
  CONSTRAINT fk_fleet_passenger_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
