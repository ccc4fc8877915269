-- 53_fleet_fuel.sql: the demo's refuellings, damage and repairs (issue 16,
-- docs/fleet.md "Fuel", "Damage and repairs"): a few months of refuellings
-- of five vehicles, close to their norms, with ONE anomaly (NO 1003A took
-- 95 l into its 80 l tank five days ago); an open damage report of the
-- Navara (NO 1004A) and its repair under way, and the Lublin X-Trail's
-- (LBI 2203) service: both vehicles are in repair in 50_fleet_vehicles.sql.
-- Fixed ids, INSERT IGNORE, dates relative to the load; each refuelling at
-- 10:00 UTC, the same date in Warsaw. The figures of each row are what the
-- live path stores (fleet_fuel.c): since_km, the norm, 20 %, the tank, the
-- readings before and after.
SET NAMES utf8mb4;

INSERT IGNORE INTO fleet_fuel (id, vehicle_id, filled_at, filled_day, litres,
  price_gr, cost_gr, odo_km, station, card_last4, entered_by, anomalies,
  since_km, norm_l100, pct, tank_l, prev_km, next_km) VALUES
 (1, 1, UTC_DATE() - INTERVAL 85 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 85 DAY, 41.20, 649, 26739, 45000, 'Orlen, Olsztyn, ul. Sielska 2', '4821', 12, '', NULL, 6.4, 20, 50, NULL, NULL),
 (2, 1, UTC_DATE() - INTERVAL 70 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 70 DAY, 38.40, 653, 25075, 45600, 'Orlen, Olsztyn, ul. Sielska 2', '4821', 12, '', 600, 6.4, 20, 50, 45000, NULL),
 (3, 1, UTC_DATE() - INTERVAL 55 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 55 DAY, 37.90, 657, 24900, 46200, 'Orlen, Olsztyn, ul. Sielska 2', '4821', 12, '', 600, 6.4, 20, 50, 45600, NULL),
 (4, 1, UTC_DATE() - INTERVAL 40 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 40 DAY, 39.10, 649, 25376, 46800, 'Orlen, Olsztyn, ul. Sielska 2', '4821', 12, '', 600, 6.4, 20, 50, 46200, NULL),
 (5, 1, UTC_DATE() - INTERVAL 25 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 25 DAY, 38.00, 653, 24814, 47400, 'Orlen, Olsztyn, ul. Sielska 2', '4821', 12, '', 600, 6.4, 20, 50, 46800, NULL),
 (6, 1, UTC_DATE() - INTERVAL 10 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 10 DAY, 38.70, 657, 25426, 48000, 'Orlen, Olsztyn, ul. Sielska 2', '4821', 12, '', 600, 6.4, 20, 50, 47400, NULL),
 (7, 2, UTC_DATE() - INTERVAL 60 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 60 DAY, 52.00, 659, 34268, 89000, 'BP, Olsztyn, al. Sikorskiego 37', '7730', 7, '', NULL, 5.9, 20, 66, NULL, NULL),
 (8, 2, UTC_DATE() - INTERVAL 30 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 30 DAY, 58.50, 663, 38786, 90000, 'BP, Olsztyn, al. Sikorskiego 37', '7730', 7, '', 1000, 5.9, 20, 66, 89000, NULL),
 (9, 2, UTC_DATE() - INTERVAL 7 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 7 DAY, 53.40, 667, 35618, 90900, 'BP, Olsztyn, al. Sikorskiego 37', '7730', 7, '', 900, 5.9, 20, 66, 90000, NULL),
 (10, 3, UTC_DATE() - INTERVAL 85 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 85 DAY, 70.00, 659, 46130, 116200, 'Orlen, Olsztyn, ul. Sielska 2', '7730', 7, '', NULL, 8.5, 20, 80, NULL, NULL),
 (11, 3, UTC_DATE() - INTERVAL 65 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 65 DAY, 68.00, 663, 45084, 117000, 'Orlen, Olsztyn, ul. Sielska 2', '7730', 7, '', 800, 8.5, 20, 80, 116200, NULL),
 (12, 3, UTC_DATE() - INTERVAL 45 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 45 DAY, 67.50, 667, 45023, 117800, 'Orlen, Olsztyn, ul. Sielska 2', '7730', 7, '', 800, 8.5, 20, 80, 117000, NULL),
 (13, 3, UTC_DATE() - INTERVAL 30 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 30 DAY, 68.40, 659, 45076, 118600, 'Orlen, Olsztyn, ul. Sielska 2', '7730', 7, '', 800, 8.5, 20, 80, 117800, NULL),
 (14, 3, UTC_DATE() - INTERVAL 18 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 18 DAY, 67.90, 663, 45018, 119400, 'Orlen, Olsztyn, ul. Sielska 2', '7730', 7, '', 800, 8.5, 20, 80, 118600, NULL),
 (15, 3, UTC_DATE() - INTERVAL 5 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 5 DAY, 95.00, 667, 63365, 120400, 'Orlen, Olsztyn, ul. Sielska 2', '7730', 7, 'tank', 1000, 8.5, 20, 80, 119400, NULL),
 (16, 7, UTC_DATE() - INTERVAL 75 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 75 DAY, 35.00, 645, 22575, 19800, 'Orlen, Grzechotki, DK 54', NULL, 4, '', NULL, 6.1, 20, 50, NULL, NULL),
 (17, 7, UTC_DATE() - INTERVAL 50 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 50 DAY, 36.00, 649, 23364, 20400, 'Orlen, Grzechotki, DK 54', NULL, 4, '', 600, 6.1, 20, 50, 19800, NULL),
 (18, 7, UTC_DATE() - INTERVAL 25 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 25 DAY, 37.20, 653, 24292, 21000, 'Orlen, Grzechotki, DK 54', NULL, 4, '', 600, 6.1, 20, 50, 20400, NULL),
 (19, 7, UTC_DATE() - INTERVAL 8 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 8 DAY, 36.50, 645, 23543, 21600, 'Orlen, Grzechotki, DK 54', NULL, 4, '', 600, 6.1, 20, 50, 21000, NULL),
 (20, 13, UTC_DATE() - INTERVAL 70 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 70 DAY, 60.00, 662, 39720, 73500, 'Orlen, Lublin, ul. Zemborzycka 112', '1190', 11, '', NULL, 8.9, 20, 70, NULL, NULL),
 (21, 13, UTC_DATE() - INTERVAL 45 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 45 DAY, 61.60, 666, 41026, 74200, 'Orlen, Lublin, ul. Zemborzycka 112', '1190', 11, '', 700, 8.9, 20, 70, 73500, NULL),
 (22, 13, UTC_DATE() - INTERVAL 20 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 20 DAY, 62.30, 670, 41741, 74900, 'Orlen, Lublin, ul. Zemborzycka 112', '1190', 11, '', 700, 8.9, 20, 70, 74200, NULL),
 (23, 13, UTC_DATE() - INTERVAL 6 DAY + INTERVAL 10 HOUR, UTC_DATE() - INTERVAL 6 DAY, 61.00, 662, 40382, 75600, 'Orlen, Lublin, ul. Zemborzycka 112', '1190', 11, '', 700, 8.9, 20, 70, 74900, NULL);

-- Their month in fleet_month, as the live path adds it (fleet_rollup_fuel):
-- set from the rows, not added, so loading twice changes nothing; only the
-- fuel columns, the trips' and repairs' stay theirs.
INSERT INTO fleet_month (vehicle_id, month, litres, fuel_cost_gr)
SELECT vehicle_id, DATE_FORMAT(filled_day, '%Y-%m-01'), SUM(litres), SUM(cost_gr)
  FROM fleet_fuel GROUP BY vehicle_id, DATE_FORMAT(filled_day, '%Y-%m-01')
ON DUPLICATE KEY UPDATE litres = VALUES(litres), fuel_cost_gr = VALUES(fuel_cost_gr);

INSERT IGNORE INTO fleet_damage (id, vehicle_id, happened_on, place,
  description, reported_by, third_party, third_details, status, created_at) VALUES
 (1, 4, UTC_DATE() - INTERVAL 15 DAY, 'DK 16 między Olsztynem a Barczewem',
  'Zderzenie z sarną nocą: uszkodzony przedni zderzak, reflektor i chłodnica. Pojazd odholowany.',
  12, 0, NULL, 'open', UTC_TIMESTAMP() - INTERVAL 15 DAY);

-- Open repairs: the vehicles are in repair until they are closed.
INSERT IGNORE INTO fleet_repair (id, vehicle_id, damage_id, reason, workshop,
  from_day, to_day, cost_gr, note, opened_by, created_at) VALUES
 (1, 4, 1, 'damage', 'Auto-Serwis Nowak, Olsztyn, ul. Lubelska 40',
  UTC_DATE() - INTERVAL 14 DAY, NULL, NULL, 'Czekamy na chłodnicę.', 7,
  UTC_TIMESTAMP() - INTERVAL 14 DAY),
 (2, 15, NULL, 'service', 'Nissan Serwis, Lublin, ul. Witosa 9',
  UTC_DATE() - INTERVAL 14 DAY, NULL, NULL, NULL, 11,
  UTC_TIMESTAMP() - INTERVAL 14 DAY);
