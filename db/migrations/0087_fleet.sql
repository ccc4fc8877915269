-- 0087_fleet.sql: SKR-Flota (issue 16), owned by domain/fleet: the
-- vehicles of the customs crime-combating departments, their status
-- history, documents and deadlines, the drivers' permissions and the
-- monthly rollup the fleet reports read (docs/fleet.md). Money is integer
-- grosze, litres DECIMAL(8,2), dates Warsaw dates, times UTC.

-- A vehicle of a unit. odometer_km is the last known reading and only
-- grows (trips and refuellings raise it); version is the optimistic lock
-- of the edit form (two managers editing: the second is told).
CREATE TABLE fleet_vehicle (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  unit_id     INT UNSIGNED NOT NULL,
  plate       VARCHAR(16) NOT NULL,
  vin         CHAR(17) NOT NULL,
  make        VARCHAR(60) NOT NULL,
  model       VARCHAR(60) NOT NULL,
  kind        ENUM('car','van','offroad','truck','motorcycle','boat','trailer') NOT NULL,
  marked      TINYINT(1) NOT NULL DEFAULT 0,
  status      ENUM('in_service','in_repair','out_of_service','written_off') NOT NULL DEFAULT 'in_service',
  odometer_km INT UNSIGNED NOT NULL DEFAULT 0,
  fuel        ENUM('petrol','diesel','lpg','electric','hybrid') NOT NULL,
  tank_l      SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  norm_l100   DECIMAL(4,1) NOT NULL DEFAULT 0.0,
  equipment   SET('radio','anpr','speed_camera','first_aid','fire_extinguisher','warning_lights','dashcam','gps') NOT NULL DEFAULT '',
  pool        TINYINT(1) NOT NULL DEFAULT 0,
  version     INT UNSIGNED NOT NULL DEFAULT 1,
  created_at  DATETIME NOT NULL,
  updated_at  DATETIME NOT NULL,
  UNIQUE KEY uq_fleet_vehicle_vin (vin),
  UNIQUE KEY uq_fleet_vehicle_plate (plate),
  KEY ix_fleet_vehicle_unit (unit_id, status, kind),
  CONSTRAINT fk_fleet_vehicle_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT ck_fleet_vehicle_norm CHECK (norm_l100 >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every status a vehicle entered and since when (UTC): availability (the
-- share of days in service) is computed from it. The first row is
-- written with the vehicle.
CREATE TABLE fleet_vehicle_status (
  id         BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  vehicle_id BIGINT UNSIGNED NOT NULL,
  since      DATETIME NOT NULL,
  status     ENUM('in_service','in_repair','out_of_service','written_off') NOT NULL,
  by_staff   BIGINT UNSIGNED NULL,
  KEY ix_fleet_vehicle_status (vehicle_id, since),
  CONSTRAINT fk_fleet_vehicle_status_vehicle FOREIGN KEY (vehicle_id) REFERENCES fleet_vehicle (id)
) ENGINE=InnoDB;

-- A vehicle's documents and deadlines: registration, insurance and
-- inspection (valid_until), service (every N km or M months, last done_on
-- / done_km), tyres (season). A trip needs a current inspection and
-- insurance (fleet_trip_blockers).
CREATE TABLE fleet_document (
  id                   BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  vehicle_id           BIGINT UNSIGNED NOT NULL,
  kind                 ENUM('registration','insurance','inspection','service','tyres') NOT NULL,
  number               VARCHAR(60) NOT NULL DEFAULT '',
  valid_until          DATE NULL,
  service_every_km     INT UNSIGNED NULL,
  service_every_months SMALLINT UNSIGNED NULL,
  done_on              DATE NULL,
  done_km              INT UNSIGNED NULL,
  season               ENUM('summer','winter') NULL,
  note                 VARCHAR(500) NOT NULL DEFAULT '',
  created_at           DATETIME NOT NULL,
  KEY ix_fleet_document_vehicle (vehicle_id, kind, valid_until),
  KEY ix_fleet_document_due (valid_until),
  CONSTRAINT fk_fleet_document_vehicle FOREIGN KEY (vehicle_id) REFERENCES fleet_vehicle (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An officer's driving licence and the unit's permission to drive service
-- vehicles (granted by a fleet manager).
CREATE TABLE fleet_driver (
  staff_id      BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  unit_id       INT UNSIGNED NOT NULL,
  categories    SET('AM','A1','A2','A','B','BE','C1','C1E','C','CE','D1','D','T') NOT NULL DEFAULT '',
  licence_until DATE NULL,
  permitted     TINYINT(1) NOT NULL DEFAULT 0,
  granted_by    BIGINT UNSIGNED NULL,
  granted_at    DATETIME NULL,
  KEY ix_fleet_driver_unit (unit_id, permitted),
  CONSTRAINT fk_fleet_driver_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_fleet_driver_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB;

-- The monthly rollup per vehicle (month: its first day, Warsaw), kept in
-- the transaction of the trip, refuelling or repair it counts
-- (domain/fleet_rollup.c): a report over five years reads at most 60 rows
-- per vehicle, never the raw rows.
CREATE TABLE fleet_month (
  vehicle_id     BIGINT UNSIGNED NOT NULL,
  month          DATE NOT NULL,
  km             INT UNSIGNED NOT NULL DEFAULT 0,
  trips          INT UNSIGNED NOT NULL DEFAULT 0,
  litres         DECIMAL(10,2) NOT NULL DEFAULT 0,
  fuel_cost_gr   BIGINT NOT NULL DEFAULT 0,
  repair_cost_gr BIGINT NOT NULL DEFAULT 0,
  repair_days    INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (vehicle_id, month),
  KEY ix_fleet_month_month (month)
) ENGINE=InnoDB;
