-- 0093_report_rollup3.sql: a single event's rollups and its control
-- decision's in one round trip (issue 14, "Speed"; docs/performance.md,
-- "Ingestion"). report_count_event (0083) took the event's seven upserts;
-- the decision's report_decision_day and report_profile_day rows (0085)
-- were two more round trips of the same transaction. report_count_one
-- runs all of them; the buckets, the decision's Warsaw day and its hits
-- come from C (domain/report_events.c, domain/report_control.c), which
-- computes them for the multi-row path too, so both paths count alike.
-- The decision's rows are written first: every transaction locks
-- report_decision_day, report_profile_day, then the traffic rows, in that
-- order (a batch writes its decisions' rows before its events'), so two
-- cannot deadlock on each other. p_colour NULL: the event has no decision.
-- p_hits: the profile versions that fired, "version:live" joined by
-- commas, in key order. INVOKER: the caller's grants on the tables.
DROP PROCEDURE IF EXISTS report_count_event;
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
      INSERT INTO report_profile_day (profile_version_id, day, live, what, slot, n)
        VALUES (CAST(SUBSTRING_INDEX(v_hit, ':', 1) AS UNSIGNED), p_dec_day,
                CAST(SUBSTRING_INDEX(v_hit, ':', -1) AS UNSIGNED), 'fired', v_slot, 1)
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

-- Alerts raised at ingest counted per writer (issue 14, "Speed"): every
-- watch-list hit of a crossing and day added 1 to one report_alert_day row
-- (step 'new'), held locked by its transaction until the durable COMMIT, so
-- concurrent ingest workers raising alerts waited for each other (bench-
-- ingest, 16 workers: 1,199 row-lock waits, 26 s of waiting in a 10 s phase
-- of single events, nearly all on this row; docs/performance.md). `slot`
-- as in the traffic rollups (0083) and report_decision_day (0085): the
-- writer's slot; readers already SUM(n) over it; the bulk
-- fill (db/seed/90_report_rollup2.sql) writes slot 0.
ALTER TABLE report_alert_day
  ADD COLUMN slot TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER outcome,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (crossing, day, kind, priority, step, outcome, slot);
