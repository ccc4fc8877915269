-- 0095_cluster_heartbeat.sql: how fresh a copy of the database is (issue
-- 17; docs/architecture.md, "Read routing"). Every second MariaDB's own
-- event scheduler, where it is on (the centre's servers and the
-- one-machine stack: `event_scheduler = ON` in their my.cnf; a crossing
-- node and a regional replica keep it off), writes the time into its
-- server's row; the row reaches a replica by ordinary replication, so the
-- newest row on the replica is the centre's clock as the replica has
-- applied it: "data as of 10:42:05, 3 s behind the centre". One row per
-- origin (host:port): the three Galera nodes each write their own and
-- never conflict at certification. Central class (db/cluster-tables.txt),
-- owner lib/dbstate. UTC, like every time in the database.
CREATE TABLE cluster_heartbeat (
  origin VARCHAR(100) NOT NULL PRIMARY KEY,
  ts DATETIME(6) NOT NULL
) ENGINE=InnoDB;

CREATE EVENT cluster_heartbeat_tick
  ON SCHEDULE EVERY 1 SECOND
  DO INSERT INTO cluster_heartbeat (origin, ts)
     VALUES (CONCAT(@@hostname, ':', @@port), UTC_TIMESTAMP(6))
     ON DUPLICATE KEY UPDATE ts = VALUES(ts);
