-- 0094_cluster.sql: the layers (issue 17, docs/architecture.md "The
-- layers", db/cluster-tables.txt).

-- Which server serves a crossing's lanes: the crossing node whose
-- server_id (and auto_increment_offset) is node_id, 11 Grzechotki, 12
-- Koroszczyn in `make cluster`; NULL: the centre. Only that server writes
-- the crossing's node-class rows (events, alerts, decisions, the lane's
-- booking steps), so the two replication directions never meet on a row.
ALTER TABLE crossing
  ADD COLUMN node_id TINYINT UNSIGNED NULL DEFAULT NULL AFTER unit_id;

-- A device's liveness, written by the ingest of the server its crossing's
-- events reach; device itself (registration, secret) is central and
-- read-only at a node. device.last_seen and down_alerted stay for the
-- programs of this release and are no longer written (domain/devices).
CREATE TABLE device_seen (
  device_id    BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  last_seen    DATETIME(3) NOT NULL,
  down_alerted TINYINT(1) NOT NULL DEFAULT 0,
  CONSTRAINT fk_device_seen_device FOREIGN KEY (device_id) REFERENCES device (id)
) ENGINE=InnoDB;
INSERT INTO device_seen (device_id, last_seen, down_alerted)
  SELECT id, last_seen, down_alerted FROM device WHERE last_seen IS NOT NULL;

-- A profile version fires at every crossing: two nodes counting its day
-- wrote one row, and row-based replication would overwrite the centre's
-- count with a node's. The crossing joins the key (existing rows: '').
ALTER TABLE report_profile_day
  ADD COLUMN crossing VARCHAR(8) NOT NULL DEFAULT '' AFTER what,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (profile_version_id, day, live, what, crossing, slot);
-- report_count_one (0093) as it was, but for the crossing of its
-- report_profile_day rows (the decision's, p_dec_crossing).
DROP PROCEDURE IF EXISTS report_count_one;
DELIMITER //
CREATE PROCEDURE report_count_one(
  IN p_crossing VARCHAR(8), IN p_hour DATETIME, IN p_day DATE,
  IN p_month DATE, IN p_weekday TINYINT UNSIGNED, IN p_lhour TINYINT UNSIGNED,
  IN p_lane_kind VARCHAR(16), IN p_dir VARCHAR(8), IN p_kind VARCHAR(16),
  IN p_country CHAR(2), IN p_device BIGINT UNSIGNED, IN p_object INT,
  IN p_foreign INT, IN p_doubtful INT, IN p_alive BIGINT UNSIGNED,
  IN p_dec_crossing VARCHAR(8), IN p_dec_lane_kind VARCHAR(16),
  IN p_dec_day DATE, IN p_colour VARCHAR(8), IN p_random INT,
  IN p_hits VARCHAR(2000))
SQL SECURITY INVOKER
BEGIN
  DECLARE v_slot TINYINT UNSIGNED DEFAULT IFNULL(@zsog_slot, CONNECTION_ID() % 16);
  DECLARE v_rest VARCHAR(2000) DEFAULT COALESCE(p_hits, '');
  DECLARE v_hit VARCHAR(48);
  IF p_colour IS NOT NULL THEN
    INSERT INTO report_decision_day (crossing, day, lane_kind, colour, random, slot, n)
      VALUES (p_dec_crossing, p_dec_day, p_dec_lane_kind, p_colour, p_random, v_slot, 1)
      ON DUPLICATE KEY UPDATE n = n + 1;
    WHILE v_rest <> '' DO
      SET v_hit = SUBSTRING_INDEX(v_rest, ',', 1);
      SET v_rest = SUBSTRING(v_rest, LENGTH(v_hit) + 2);
      INSERT INTO report_profile_day (profile_version_id, day, live, what, crossing, slot, n)
        VALUES (CAST(SUBSTRING_INDEX(v_hit, ':', 1) AS UNSIGNED), p_dec_day,
                CAST(SUBSTRING_INDEX(v_hit, ':', -1) AS UNSIGNED), 'fired', p_dec_crossing, v_slot, 1)
        ON DUPLICATE KEY UPDATE n = n + 1;
    END WHILE;
  END IF;
  IF p_kind <> 'heartbeat' THEN
    INSERT INTO report_traffic_hour (slot, crossing, hour, lane_kind, dir, kind,
      events, objects, foreign_plates, doubtful)
      VALUES (v_slot, p_crossing, p_hour, p_lane_kind, p_dir, p_kind, 1, p_object, p_foreign, p_doubtful)
      ON DUPLICATE KEY UPDATE events = events + 1, objects = objects + p_object,
        foreign_plates = foreign_plates + p_foreign, doubtful = doubtful + p_doubtful;
    INSERT INTO report_traffic_day (slot, crossing, day, lane_kind, dir, kind,
      events, objects, foreign_plates, doubtful)
      VALUES (v_slot, p_crossing, p_day, p_lane_kind, p_dir, p_kind, 1, p_object, p_foreign, p_doubtful)
      ON DUPLICATE KEY UPDATE events = events + 1, objects = objects + p_object,
        foreign_plates = foreign_plates + p_foreign, doubtful = doubtful + p_doubtful;
    INSERT INTO report_traffic_month (slot, crossing, month, lane_kind, dir, kind,
      events, objects, foreign_plates, doubtful)
      VALUES (v_slot, p_crossing, p_month, p_lane_kind, p_dir, p_kind, 1, p_object, p_foreign, p_doubtful)
      ON DUPLICATE KEY UPDATE events = events + 1, objects = objects + p_object,
        foreign_plates = foreign_plates + p_foreign, doubtful = doubtful + p_doubtful;
    IF p_kind = 'plate' THEN
      INSERT INTO report_plate_country_day (slot, crossing, day, country, plates)
        VALUES (v_slot, p_crossing, p_day, p_country, 1)
        ON DUPLICATE KEY UPDATE plates = plates + 1;
    END IF;
    INSERT INTO report_busy_hour (slot, crossing, month, weekday, hour, events, objects)
      VALUES (v_slot, p_crossing, p_month, p_weekday, p_lhour, 1, p_object)
      ON DUPLICATE KEY UPDATE events = events + 1, objects = objects + p_object;
  END IF;
  INSERT INTO report_device_hour (slot, device_id, hour, crossing, events, doubtful, alive)
    VALUES (v_slot, p_device, p_hour, p_crossing, 1, p_doubtful, p_alive)
    ON DUPLICATE KEY UPDATE events = events + 1, doubtful = doubtful + p_doubtful,
      alive = alive | p_alive;
  INSERT INTO report_device_day (slot, device_id, day, crossing, events, doubtful)
    VALUES (v_slot, p_device, p_day, p_crossing, 1, p_doubtful)
    ON DUPLICATE KEY UPDATE events = events + 1, doubtful = doubtful + p_doubtful;
END //
DELIMITER ;

-- A lane's events are stored only by the server that serves the crossing
-- (node_id; NULL: the centre, whose servers all have server_id 1, as has
-- a one-machine stack). Grants cannot see a row's crossing: this trigger
-- refuses at the centre an event of a node-served crossing (and at a node
-- one of another crossing), so the two replication directions never meet
-- on a row. Replicated rows are not refused: a replica applies row events
-- without triggers (slave_run_triggers_for_rbr = NO).
DELIMITER //
CREATE TRIGGER event_served_here BEFORE INSERT ON event FOR EACH ROW
BEGIN
  IF COALESCE((SELECT node_id FROM crossing WHERE code = NEW.crossing), 1) <> @@server_id THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'event of a crossing served by another server (crossing.node_id)';
  END IF;
END //
DELIMITER ;
