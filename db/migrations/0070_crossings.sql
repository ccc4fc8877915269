-- 0070_crossings.sql: one crossing table for e-Booking TRUCK and the lane
-- devices (issue 12). Until now eBT had `crossing` (0020) and the lanes
-- `lane_crossing` (0030), each with its own branch and names, joined on
-- code. lane_crossing's rows move into crossing (a crossing known to both
-- keeps eBT's row and settings with the lanes' names, the crossing's full
-- ones: eBT had shortened them; the same code must name the same branch in
-- both, or this stops), lane devices point at crossing's code, and
-- lane_crossing goes. domain/crossings is the only code that names it.

-- Stops here (duplicate key) if a code names two different branches.
CREATE TEMPORARY TABLE crossing_merge_check (
  code    VARCHAR(8) NOT NULL PRIMARY KEY,
  unit_id INT UNSIGNED NOT NULL
);
INSERT INTO crossing_merge_check (code, unit_id)
SELECT code, unit_id FROM crossing
UNION
SELECT code, unit_id FROM lane_crossing;
DROP TEMPORARY TABLE crossing_merge_check;

-- Which crossings take eBT bookings: those eBT had. A crossing of the lanes
-- alone keeps eBT's defaults, unused, and no destination country.
ALTER TABLE crossing
  ADD COLUMN ebt TINYINT(1) NOT NULL DEFAULT 1 AFTER unit_id,
  MODIFY to_country CHAR(2) NULL;

UPDATE crossing c JOIN lane_crossing l ON l.code = c.code
SET c.name_pl = l.name_pl, c.name_en = l.name_en;

INSERT INTO crossing (id, code, name_pl, name_en, to_country, unit_id, ebt)
SELECT m.top + ROW_NUMBER() OVER (ORDER BY l.code), l.code, l.name_pl,
       l.name_en, NULL, l.unit_id, 0
FROM lane_crossing l
CROSS JOIN (SELECT COALESCE(MAX(id), 0) AS top FROM crossing) m
WHERE l.code NOT IN (SELECT code FROM crossing);

-- The reference data's crossing of the lanes alone (0030): Kuźnica – Bruzgi
-- leads to Belarus.
UPDATE crossing SET to_country = 'BY' WHERE code = 'KUZ' AND to_country IS NULL;

-- Devices name their crossing by code (in their events too): the key now
-- points at crossing's unique code. event and alert keep the code without
-- a key, as before: an event's crossing is its device's (cgi-bin/ingest).
ALTER TABLE device DROP FOREIGN KEY fk_device_crossing;
ALTER TABLE device ADD CONSTRAINT fk_device_crossing
  FOREIGN KEY (crossing) REFERENCES crossing (code);

DROP TABLE lane_crossing;
