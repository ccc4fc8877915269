-- 0107_event_served_memo.sql: the cluster's guard on event rows (0094,
-- event_served_here) looks the crossing up once per statement and
-- crossing instead of once per row.
--
-- A batch of 100 events is one multi-row INSERT of one device's crossing;
-- the look-up (a subquery, optimised again for each row) was 5 us of
-- mariadbd's CPU per row, a seventh of a batch event's database cost
-- (docs/performance.md, "Ingestion", 2026-12-03). The trigger now notes
-- the crossing it checked and the statement's start, NOW(6), which is the
-- same for every row of one statement and differs between statements of a
-- session; a row of the same crossing in the same statement is then not
-- looked up again. Every statement's first row of each crossing is
-- checked as before, so a lone row, a crossing changed to another server
-- (crossing.node_id), and a statement mixing crossings are refused as
-- before (tests/cluster/test_topology.py). The session variables are the
-- guard's only; a replica applies row events without triggers.
DROP TRIGGER IF EXISTS event_served_here;
DELIMITER //
CREATE TRIGGER event_served_here BEFORE INSERT ON event FOR EACH ROW
BEGIN
  IF NOT (NEW.crossing <=> @zsog_served_crossing AND NOW(6) <=> @zsog_served_at) THEN
    IF COALESCE((SELECT node_id FROM crossing WHERE code = NEW.crossing), 1) <> @@server_id THEN
      SIGNAL SQLSTATE '45000'
        SET MESSAGE_TEXT = 'event of a crossing served by another server (crossing.node_id)';
    END IF;
    SET @zsog_served_crossing = NEW.crossing, @zsog_served_at = NOW(6);
  END IF;
END //
DELIMITER ;
