-- 0090_fleet_fuel.sql: refuellings, damage reports and repairs of the
-- fleet (issue 16, docs/fleet.md "Fuel", "Damage and repairs"). domain/fleet
-- owns every fleet_* table (fleet_fuel.c, fleet_damage.c name these).
-- Money is integer grosze, litres DECIMAL(8,2), moments DATETIME in UTC
-- (shown in Warsaw time), days DATE in Warsaw.

-- A refuelling. price_gr is the price of one litre in grosze as typed (the
-- receipt's), cost_gr = litres × price_gr rounded to the grosz: what the
-- rollup (fleet_month.fuel_cost_gr) adds; filled_day is the Warsaw date of
-- filled_at, the day the rollup counts it on (a bulk fill groups by it: the
-- database has no time zone tables). card_last4: only the last four
-- digits of the fuel card are kept (docs/fleet.md says why).
-- The anomalies found at entry are kept with the figures they were found
-- on (the vehicle's norm and tank may change later; the words on the
-- anomalies page must stay the ones the entry was judged by):
--   norm      since_km > 0 and litres / since_km × 100 above norm_l100 by
--             more than pct percent
--   tank      litres above tank_l × 1.05
--   odometer  odo_km below prev_km (the last reading before: a trip's) or
--             above next_km (the first reading after: a refuelling or trip)
CREATE TABLE fleet_fuel (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  vehicle_id  BIGINT UNSIGNED NOT NULL,
  filled_at   DATETIME NOT NULL,
  filled_day  DATE NOT NULL,
  litres      DECIMAL(8,2) NOT NULL,
  price_gr    INT UNSIGNED NOT NULL,
  cost_gr     BIGINT UNSIGNED NOT NULL,
  odo_km      INT UNSIGNED NOT NULL,
  station     VARCHAR(120) NOT NULL,
  card_last4  CHAR(4) NULL,
  entered_by  BIGINT UNSIGNED NOT NULL,
  anomalies   SET('norm','tank','odometer') NOT NULL DEFAULT '',
  since_km    INT UNSIGNED NULL,
  norm_l100   DECIMAL(4,1) NULL,
  pct         TINYINT UNSIGNED NULL,
  tank_l      SMALLINT UNSIGNED NULL,
  prev_km     INT UNSIGNED NULL,
  next_km     INT UNSIGNED NULL,
  created_at  DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  KEY fleet_fuel_vehicle (vehicle_id, filled_at),
  KEY fleet_fuel_anomaly (anomalies, filled_at),
  CONSTRAINT fk_fleet_fuel_vehicle FOREIGN KEY (vehicle_id) REFERENCES fleet_vehicle (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A damage report: what happened, where, who reported it, a third party
-- (their details in words: name, plate, insurer) and whether it is closed.
CREATE TABLE fleet_damage (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  vehicle_id  BIGINT UNSIGNED NOT NULL,
  happened_on DATE NOT NULL,
  place       VARCHAR(160) NOT NULL,
  description VARCHAR(2000) NOT NULL,
  reported_by BIGINT UNSIGNED NOT NULL,
  third_party TINYINT(1) NOT NULL DEFAULT 0,
  third_details VARCHAR(500) NULL,
  status      ENUM('open','closed') NOT NULL DEFAULT 'open',
  closed_at   DATETIME NULL,
  created_at  DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  KEY fleet_damage_vehicle (vehicle_id, happened_on),
  KEY fleet_damage_status (status, happened_on),
  CONSTRAINT fk_fleet_damage_vehicle FOREIGN KEY (vehicle_id) REFERENCES fleet_vehicle (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A repair: at a workshop, from a Warsaw day to another (both included:
-- the days out of service), for a damage or a service. Open while to_day
-- is NULL: the vehicle is in_repair meanwhile. Closing it sets to_day and
-- cost_gr and adds them to the rollup (fleet_month.repair_cost_gr,
-- repair_days) in the same transaction.
CREATE TABLE fleet_repair (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  vehicle_id  BIGINT UNSIGNED NOT NULL,
  damage_id   BIGINT UNSIGNED NULL,
  reason      ENUM('damage','service') NOT NULL,
  workshop    VARCHAR(160) NOT NULL,
  from_day    DATE NOT NULL,
  to_day      DATE NULL,
  cost_gr     BIGINT UNSIGNED NULL,
  note        VARCHAR(500) NULL,
  opened_by   BIGINT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  KEY fleet_repair_vehicle (vehicle_id, from_day),
  KEY fleet_repair_damage (damage_id),
  KEY fleet_repair_open (vehicle_id, to_day),
  CONSTRAINT fk_fleet_repair_vehicle FOREIGN KEY (vehicle_id) REFERENCES fleet_vehicle (id),
  CONSTRAINT fk_fleet_repair_damage FOREIGN KEY (damage_id) REFERENCES fleet_damage (id),
  CONSTRAINT ck_fleet_repair_days CHECK (to_day IS NULL OR to_day >= from_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
