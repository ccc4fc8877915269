-- 0108_report_pending.sql: a lone event's rollup rows counted by the
-- ingest's background process instead of in the event's own transaction
-- (issue 14's single events; docs/reports.md "Exact, and when").
--
-- The reports' nine upserts of one event (report_count_one, 0093/0094)
-- were two fifths of mariadbd's work for a single event (docs/
-- performance.md, "Ingestion", 2026-12-03). The event's transaction now
-- stores one row here with what the rollups need of the event and its
-- decision; the ingest tick (domain/report_pending.c, report_drain) reads
-- the committed rows, counts them into the rollups as a batch is counted
-- (aggregated in C, one multi-row upsert per table) and deletes exactly
-- the rows it read, in one transaction. So a row is counted once: it
-- commits or rolls back with its event, and leaves this table only with
-- its counts. Batches keep counting in their own transaction.
--
-- Replication class local (db/cluster-tables.txt): each server counts the
-- events it stored; the rollups it writes replicate as before.
CREATE TABLE report_pending (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  t             BIGINT NOT NULL,          -- the event's time, UTC seconds
  device_id     BIGINT UNSIGNED NOT NULL,
  crossing      VARCHAR(8) NOT NULL,
  lane_kind     VARCHAR(16) NOT NULL,     -- the device's
  dir           VARCHAR(8) NOT NULL,
  kind          VARCHAR(16) NOT NULL,     -- heartbeat counts for the device only
  country       CHAR(2) NOT NULL DEFAULT '',
  object        TINYINT UNSIGNED NOT NULL,
  doubtful      TINYINT UNSIGNED NOT NULL,
  -- Its control decision, when it got one (NULL colour: none).
  dec_crossing  VARCHAR(8) NULL,
  dec_lane_kind VARCHAR(16) NULL,
  dec_at        BIGINT NULL,              -- the decision's time, UTC seconds
  colour        VARCHAR(8) NULL,
  random        TINYINT UNSIGNED NOT NULL DEFAULT 0,
  hits          VARCHAR(1024) NULL        -- "version:live,…"
) ENGINE=InnoDB;

-- Its one caller was the single event's path.
DROP PROCEDURE IF EXISTS report_count_one;
