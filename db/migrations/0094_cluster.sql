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
