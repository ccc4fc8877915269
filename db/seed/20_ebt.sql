-- 20_ebt.sql: e-Booking TRUCK demo data, relative to today (the seed runs
-- at `make run` time): Trans-Pol's bookings over the coming days at both
-- crossings, with Grzechotki's 10:00 tomorrow and Koroszczyn's 08:00 the
-- day after tomorrow full, and three trucks in Koroszczyn's waiting zone
-- now. Fixed ids (9000xx) and INSERT IGNORE: loading twice on one day
-- changes nothing. Slot times are local (Europe/Warsaw); start_utc is
-- computed with the EU summer-time rule like lib/tzpl.c (the hour of the
-- switch itself is never seeded). slot.booked is recounted from the
-- bookings at the end, so it always equals what is stored.
SET NAMES utf8mb4;

-- Local time now at the crossings.
SET @y = YEAR(UTC_TIMESTAMP());
SET @mar = DATE(CONCAT(@y, '-03-31')) - INTERVAL (DAYOFWEEK(CONCAT(@y, '-03-31')) - 1) DAY;
SET @oct = DATE(CONCAT(@y, '-10-31')) - INTERVAL (DAYOFWEEK(CONCAT(@y, '-10-31')) - 1) DAY;
SET @off = IF(UTC_TIMESTAMP() >= TIMESTAMP(@mar, '01:00:00')
              AND UTC_TIMESTAMP() < TIMESTAMP(@oct, '01:00:00'), 2, 1);
SET @now = UTC_TIMESTAMP() + INTERVAL @off HOUR;
SET @today = DATE(@now);
SET @h = HOUR(@now);

-- The demo hours: (crossing, day offset, hour, how many, status).
-- cnt 0 = as many as the hour holds (a full hour).
CREATE TEMPORARY TABLE ebt_demo_hour (
  k INT PRIMARY KEY, crossing_id INT, plus INT, hour INT, cnt INT, status VARCHAR(10)
);
INSERT INTO ebt_demo_hour VALUES
  (1, 1, 1, 10, 0, 'booked'),
  (2, 1, 1, 11, 2, 'booked'),
  (3, 1, 3, 9, 3, 'booked'),
  (4, 2, 0, @h, 3, 'arrived'),
  (5, 2, IF(@h = 23, 1, 0), (@h + 1) % 24, 1, 'booked'),
  (6, 2, 2, 8, 0, 'booked'),
  (7, 2, 5, 14, 4, 'booked');

-- The day and its UTC offset (summer time: last Sunday of March to the
-- last Sunday of October).
CREATE TEMPORARY TABLE ebt_demo_slot AS
SELECT d.k, d.crossing_id, d.day, d.hour, d.status,
       TIMESTAMP(d.day) + INTERVAL d.hour HOUR - INTERVAL
         IF(d.day >= DATE(CONCAT(YEAR(d.day), '-03-31')) - INTERVAL (DAYOFWEEK(CONCAT(YEAR(d.day), '-03-31')) - 1) DAY
            AND d.day < DATE(CONCAT(YEAR(d.day), '-10-31')) - INTERVAL (DAYOFWEEK(CONCAT(YEAR(d.day), '-10-31')) - 1) DAY,
            2, 1) HOUR AS start_utc,
       cd.capacity, IF(d.cnt = 0, cd.capacity, LEAST(d.cnt, cd.capacity)) AS cnt
FROM (SELECT k, crossing_id, @today + INTERVAL plus DAY AS day, hour, cnt, status
      FROM ebt_demo_hour) d
JOIN crossing_day cd ON cd.crossing_id = d.crossing_id AND cd.dow = WEEKDAY(d.day) + 1
WHERE d.hour >= cd.open_hour AND d.hour < cd.close_hour;

INSERT IGNORE INTO slot (crossing_id, day, hour, start_utc, capacity)
SELECT crossing_id, day, hour, start_utc, capacity FROM ebt_demo_slot;

-- Up to 10 bookings an hour: ids 900000 + k * 100 + n.
INSERT IGNORE INTO booking
  (id, number, crossing_id, slot_id, day, hour, start_utc, company_id,
   company_name, person_id, status, plate, plate_country, trailer_plate,
   driver_name, driver_doc, driver_phone, goods, mass_kg, packages,
   created_at)
SELECT 900000 + s.k * 100 + n.n,
       CONCAT(IF(s.crossing_id = 1, 'GRZ', 'KOR'), '-DEMO', s.k, LPAD(n.n, 3, '0')),
       s.crossing_id, sl.id, s.day, s.hour, s.start_utc, 1,
       'Trans-Pol Sp. z o.o.', 1, 'booked',
       CONCAT('NO', s.k, LPAD(n.n, 3, '0'), 'T'), 'PL', CONCAT('NO', s.k, LPAD(n.n, 3, '0'), 'P'),
       ELT(1 + n.n % 4, 'Marek Nowicki', 'Tomasz Wróbel', 'Krzysztof Zieliński', 'Paweł Mazur'),
       CONCAT('ABA', LPAD(s.k * 100 + n.n, 6, '0')), '+48 600 200 300',
       ELT(1 + n.n % 3, 'Meble drewniane', 'Nawozy mineralne', 'Części samochodowe'),
       12000 + n.n * 500, 10 + n.n, UTC_TIMESTAMP()
FROM ebt_demo_slot s
JOIN slot sl ON sl.crossing_id = s.crossing_id AND sl.day = s.day AND sl.hour = s.hour
JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
      UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8
      UNION ALL SELECT 9 UNION ALL SELECT 10) n ON n.n <= s.cnt;

-- The trucks in the waiting zone: their lane rows (booking_lane, 0101).
INSERT IGNORE INTO booking_lane (booking_id, crossing_id, status, arrived_at)
SELECT b.id, b.crossing_id, 'arrived',
       UTC_TIMESTAMP() - INTERVAL (40 - (b.id % 100) * 10) MINUTE
FROM booking b JOIN ebt_demo_slot s ON b.id DIV 100 = 9000 + s.k
WHERE b.id BETWEEN 900000 AND 900999 AND s.status = 'arrived';

INSERT IGNORE INTO booking_mrn (booking_id, seq, mrn)
SELECT id, 1, ELT(1 + id % 3, '26PL69456100099118', '26PL08489042996002', '26PL16558640046519')
FROM booking WHERE id BETWEEN 900000 AND 900999;

INSERT IGNORE INTO booking_history (id, booking_id, at, actor_kind, actor_id, action, to_start)
SELECT id, id, created_at, 'person', 1, 'created', start_utc
FROM booking WHERE id BETWEEN 900000 AND 900999;

-- The places taken are what the bookings say.
UPDATE slot sl JOIN ebt_demo_slot s ON sl.crossing_id = s.crossing_id AND sl.day = s.day AND sl.hour = s.hour
SET sl.booked = (SELECT COUNT(*) FROM booking b WHERE b.slot_id = sl.id
                 AND b.status = 'booked');

DROP TEMPORARY TABLE ebt_demo_slot;
DROP TEMPORARY TABLE ebt_demo_hour;
