-- 50_fleet_vehicles.sql: the demo fleet (issue 16; docs/fleet.md): the
-- `flota` login (Olsztyn chamber) manages twelve vehicles of the Olsztyn
-- office (unit 11) and the Grzechotki branch (12), `flota.lublin` three of
-- the Koroszczyn branch (22). Every VIN carries a correct check digit in its
-- ninth place. Fixed ids and INSERT IGNORE: loading twice changes nothing.
-- The documents, trips, fuel and repairs come in their own files
-- (50_fleet_*.sql).
SET NAMES utf8mb4;

INSERT IGNORE INTO fleet_vehicle (id, unit_id, plate, vin, make, model, kind,
  marked, status, odometer_km, fuel, tank_l, norm_l100, equipment, pool,
  created_at, updated_at) VALUES
 (1, 11, 'NO 1001A', 'WVWZZZAUXJP000101', 'Volkswagen', 'Golf', 'car', 0, 'in_service', 48210, 'petrol', 50, 6.4, 'radio,first_aid,fire_extinguisher', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (2, 11, 'NO 1002A', 'WVWZZZAU3KP000202', 'Volkswagen', 'Passat', 'car', 1, 'in_service', 91200, 'diesel', 66, 5.9, 'radio,anpr,first_aid,fire_extinguisher,warning_lights', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (3, 11, 'NO 1003A', 'VF1RFB00161000303', 'Renault', 'Trafic', 'van', 1, 'in_service', 120450, 'diesel', 80, 8.5, 'radio,first_aid,fire_extinguisher,warning_lights', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (4, 11, 'NO 1004A', 'SJNFAAJ12U2000404', 'Nissan', 'Navara', 'offroad', 0, 'in_repair', 67300, 'diesel', 80, 9.8, 'radio,first_aid,fire_extinguisher', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (5, 11, 'NO 1005A', 'TMBJJ7NE4K0000505', 'Škoda', 'Octavia', 'car', 1, 'in_service', 35800, 'petrol', 50, 6.1, 'radio,speed_camera,first_aid,fire_extinguisher,warning_lights,dashcam', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (6, 11, 'NO 1006A', 'WDB9066311S000606', 'Mercedes-Benz', 'Sprinter', 'van', 0, 'in_service', 150200, 'diesel', 75, 10.5, 'radio,first_aid,fire_extinguisher,gps', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (7, 12, 'NO 1207A', 'TMBJJ7NE3L0000707', 'Škoda', 'Octavia', 'car', 1, 'in_service', 22100, 'petrol', 50, 6.1, 'radio,anpr,first_aid,fire_extinguisher,warning_lights', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (8, 12, 'NO 1208A', 'ZFA31200600000808', 'Fiat', 'Ducato', 'van', 0, 'in_service', 88700, 'diesel', 90, 9.9, 'first_aid,fire_extinguisher', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (9, 12, 'NO 1209A', 'JTEBU3FJX0K000909', 'Toyota', 'Land Cruiser', 'offroad', 1, 'in_service', 104000, 'diesel', 87, 11.2, 'radio,first_aid,fire_extinguisher,warning_lights,gps', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (10, 12, 'NO 1210A', 'WBA8E9G50GN001010', 'BMW', 'R 1250 RT', 'motorcycle', 1, 'in_service', 15400, 'petrol', 25, 4.8, 'radio,first_aid', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (11, 12, 'NO 1211A', 'VF1MA000161001111', 'Renault', 'Megane', 'car', 0, 'out_of_service', 198300, 'petrol', 50, 7.0, 'first_aid,fire_extinguisher', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (12, 12, 'NO 1212A', 'SUDPN000000001212', 'Wiola', 'Przyczepa 750', 'trailer', 0, 'in_service', 0, 'petrol', 0, 0.0, '', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (13, 22, 'LBI 2201', 'WVWZZZ3C6KE001313', 'Volkswagen', 'Transporter', 'van', 1, 'in_service', 76500, 'diesel', 70, 8.9, 'radio,first_aid,fire_extinguisher,warning_lights', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (14, 22, 'LBI 2202', 'TMBJJ7NE2M0001414', 'Škoda', 'Superb', 'car', 0, 'in_service', 41200, 'hybrid', 50, 5.2, 'radio,first_aid,fire_extinguisher', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 (15, 22, 'LBI 2203', 'SJNFAAJ15U2001515', 'Nissan', 'X-Trail', 'offroad', 1, 'in_repair', 99800, 'diesel', 60, 7.8, 'radio,first_aid,fire_extinguisher', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- Each vehicle's status since it came, one row: availability counts from
-- it. The two not in service went so a fortnight ago.
INSERT IGNORE INTO fleet_vehicle_status (id, vehicle_id, since, status) VALUES
 (1, 1, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (2, 2, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (3, 3, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (4, 4, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (5, 5, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (6, 6, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (7, 7, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (8, 8, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (9, 9, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (10, 10, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (11, 11, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (12, 12, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (13, 13, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (14, 14, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (15, 15, UTC_TIMESTAMP() - INTERVAL 400 DAY, 'in_service'),
 (104, 4, UTC_TIMESTAMP() - INTERVAL 14 DAY, 'in_repair'),
 (111, 11, UTC_TIMESTAMP() - INTERVAL 14 DAY, 'out_of_service'),
 (115, 15, UTC_TIMESTAMP() - INTERVAL 14 DAY, 'in_repair');

-- The drivers' permissions the demo needs from the start: `kierowca` (the
-- Olsztyn office) and `grzechotki` (the Grzechotki branch), licences valid
-- for years. fleet-docs keeps the drivers' pages.
INSERT IGNORE INTO fleet_driver (staff_id, unit_id, categories, licence_until,
  permitted, granted_by, granted_at) VALUES
 (12, 11, 'B,BE,C1', CURDATE() + INTERVAL 3 YEAR, 1, 7, UTC_TIMESTAMP()),
 (4, 12, 'A,B', CURDATE() + INTERVAL 5 YEAR, 1, 7, UTC_TIMESTAMP());
