-- 0084_event_partitions.sql: the raw event table partitioned by month of
-- its time t (UTC months), so old months go by dropping whole partitions
-- (docs/ingest.md, "Partitions and retention"), never by a DELETE. The
-- reports read the rollups (0083), which stay.
--
-- Every unique key of a partitioned table must hold the partition column:
-- the primary key becomes (id, t) (id alone still finds a row, through the
-- key's first column in each partition) and re-sending stays safe through
-- (device_id, seq, t): a device sends an event again with its own time, as
-- the protocol says (docs/ingest.md); the same seq with another time is
-- another event.
--
-- Partitions: p_old for anything before the first month, one pYYYYMM per
-- month from the oldest event's month (or last month; ten years back at
-- most) to three months ahead,
-- and p_max (MAXVALUE), kept empty by the ingest program's tick, which adds
-- next months' partitions ahead and drops those past Ingest.RetentionMonths
-- (domain/devices_partition.c). The table is copied once, here.

SET SESSION group_concat_max_len = 65536;
SET @now = UTC_DATE();
SET @first = DATE_FORMAT(GREATEST(LEAST(IFNULL((SELECT MIN(t) FROM event), @now),
                                        @now - INTERVAL 1 MONTH),
                                  @now - INTERVAL 120 MONTH), '%Y-%m-01');
SELECT GROUP_CONCAT(CONCAT('PARTITION p', DATE_FORMAT(m, '%Y%m'),
                           ' VALUES LESS THAN (''', m + INTERVAL 1 MONTH, ''')')
                    ORDER BY m SEPARATOR ', ')
  INTO @parts
  FROM (WITH RECURSIVE months (m) AS (
          SELECT CAST(@first AS DATE)
          UNION ALL
          SELECT m + INTERVAL 1 MONTH FROM months
           WHERE m < DATE_FORMAT(@now + INTERVAL 3 MONTH, '%Y-%m-01'))
        SELECT m FROM months) x;

SET @ddl = CONCAT(
  'ALTER TABLE event',
  ' DROP PRIMARY KEY, ADD PRIMARY KEY (id, t),',
  ' DROP KEY uq_event_device_seq, ADD UNIQUE KEY uq_event_device_seq (device_id, seq, t)',
  ' PARTITION BY RANGE COLUMNS (t) (PARTITION p_old VALUES LESS THAN (''', @first, '''), ',
  @parts, ', PARTITION p_max VALUES LESS THAN (MAXVALUE))');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;
