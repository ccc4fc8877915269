-- 52_fleet_trips.sql: the demo trips and reservations (issue 16;
-- docs/fleet.md): three months of weekday trips of the Olsztyn chamber's
-- vehicles (50_fleet_vehicles.sql) by its two drivers, `kierowca` (staff
-- 12) in the Olsztyn office and `grzechotki` (4) at the Grzechotki branch,
-- one trip of `kierowca` on the road now, and reservations next week.
-- Times relative to the load; fixed ids and INSERT IGNORE: loading twice
-- changes nothing. The odometers count back from each vehicle's reading
-- today, so the last trip ends on it; those of the last week are closed,
-- the older ones checked by `flota`.
SET NAMES utf8mb4;

INSERT IGNORE INTO fleet_trip (id, vehicle_id, unit_id, driver_id, opened_by,
  purpose, route, start_utc, planned_end_utc, end_utc, odo_out, odo_in,
  status, closed_at, checked_by, checked_at, created_at)
WITH RECURSIVE d (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM d WHERE n < 92),
-- One trip a weekday for each driver, the vehicle taking turns.
t AS (
  SELECT n, drv,
    IF(drv = 12, ELT(n % 5 + 1, 1, 2, 3, 5, 6), ELT(n % 4 + 1, 7, 8, 9, 10)) AS vid,
    IF(drv = 12, 11, 12) AS unit,
    TIMESTAMP(UTC_DATE() - INTERVAL n DAY, '06:00:00') + INTERVAL (drv % 3) * 20 MINUTE AS s,
    120 + (n % 5) * 60 AS mins,
    25 + (n * 37 + drv * 11) % 160 AS km
  FROM d JOIN (SELECT 12 AS drv UNION ALL SELECT 4) x
  WHERE WEEKDAY(UTC_DATE() - INTERVAL n DAY) < 5),
o AS (
  SELECT t.*, v.odometer_km - COALESCE(SUM(km) OVER (PARTITION BY vid ORDER BY n
    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS odo_in
  FROM t JOIN fleet_vehicle v ON v.id = t.vid)
SELECT 1000 + n * 2 + (drv = 4), vid, unit, drv, drv,
  ELT(n % 4 + 1, 'operation', 'transfer', 'training', 'service'),
  IF(drv = 12, ELT(n % 4 + 1, 'Olsztyn – Bezledy – Olsztyn', 'Olsztyn – Gołdap – Olsztyn',
                   'Olsztyn – ośrodek szkolenia Mrągowo – Olsztyn', 'Olsztyn – ASO ul. Lubelska – Olsztyn'),
     ELT(n % 4 + 1, 'Grzechotki – Braniewo – Grzechotki', 'Grzechotki – Olsztyn – Grzechotki',
                   'Grzechotki – strzelnica Elbląg – Grzechotki', 'Grzechotki – serwis Elbląg – Grzechotki')),
  s, s + INTERVAL mins + 60 MINUTE, s + INTERVAL mins MINUTE, odo_in - km, odo_in,
  IF(n <= 7, 'closed', 'checked'), s + INTERVAL mins MINUTE,
  IF(n <= 7, NULL, 7), IF(n <= 7, NULL, s + INTERVAL 1 DAY), s
FROM o;

-- On the road now: `kierowca` in the Trafic since two hours ago.
INSERT IGNORE INTO fleet_trip (id, vehicle_id, unit_id, driver_id, opened_by,
  purpose, route, start_utc, planned_end_utc, odo_out, status, created_at)
SELECT 999, id, unit_id, 12, 12, 'operation', 'Olsztyn – Bezledy – Olsztyn',
  UTC_TIMESTAMP() - INTERVAL 2 HOUR, UTC_TIMESTAMP() + INTERVAL 4 HOUR,
  odometer_km, 'open', UTC_TIMESTAMP() - INTERVAL 2 HOUR
FROM fleet_vehicle WHERE id = 3;

-- An analyst rides along on the office's operations.
INSERT IGNORE INTO fleet_trip_passenger (trip_id, staff_id)
SELECT id, 6 FROM fleet_trip WHERE driver_id = 12 AND purpose = 'operation' AND id >= 999;

-- Next week's reservations (one cancelled), and one of `grzechotki`.
INSERT IGNORE INTO fleet_reservation (id, vehicle_id, unit_id, staff_id,
  created_by, start_utc, end_utc, purpose, note, status, cancelled_by,
  cancelled_at, created_at) VALUES
 (1, 1, 11, 12, 12, TIMESTAMP(UTC_DATE() + INTERVAL 7 DAY, '06:00:00'), TIMESTAMP(UTC_DATE() + INTERVAL 7 DAY, '14:00:00'), 'Kontrola drogowa z ITD, Bezledy', NULL, 'active', NULL, NULL, UTC_TIMESTAMP()),
 (2, 5, 11, 12, 7, TIMESTAMP(UTC_DATE() + INTERVAL 8 DAY, '05:30:00'), TIMESTAMP(UTC_DATE() + INTERVAL 9 DAY, '16:00:00'), 'Konwój do Białej Podlaskiej', 'Nocleg w Białej Podlaskiej', 'active', NULL, NULL, UTC_TIMESTAMP()),
 (3, 3, 11, 12, 12, TIMESTAMP(UTC_DATE() + INTERVAL 10 DAY, '07:00:00'), TIMESTAMP(UTC_DATE() + INTERVAL 10 DAY, '11:00:00'), 'Szkolenie w Mrągowie', NULL, 'cancelled', 12, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (4, 7, 12, 4, 4, TIMESTAMP(UTC_DATE() + INTERVAL 7 DAY, '07:00:00'), TIMESTAMP(UTC_DATE() + INTERVAL 7 DAY, '15:00:00'), 'Patrol granicy, Grzechotki', NULL, 'active', NULL, NULL, UTC_TIMESTAMP());

-- The rollup of every ended trip, as the live path counts it (km and trips
-- on the Warsaw day of the return): set, not added, so loading twice
-- changes nothing; litres and costs are the fuel's and repairs'.
INSERT INTO fleet_month (vehicle_id, month, km, trips)
SELECT vehicle_id, DATE_FORMAT(report_waw_day(end_utc), '%Y-%m-01'),
  SUM(odo_in - odo_out), COUNT(*)
FROM fleet_trip WHERE end_utc IS NOT NULL GROUP BY 1, 2
ON DUPLICATE KEY UPDATE km = VALUES(km), trips = VALUES(trips);
