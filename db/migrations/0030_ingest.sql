-- 0030_ingest.sql: lane devices and their events (the register is read from
-- them), the watch list with two-person approval, alerts and the
-- suspect-object procedure. Times are UTC.

-- The crossings whose lanes send events, each served by one customs branch
-- (the officers who see its alerts are that branch and the units above it).
CREATE TABLE lane_crossing (
  code     VARCHAR(8) NOT NULL PRIMARY KEY,
  unit_id  INT UNSIGNED NOT NULL,
  name_pl  VARCHAR(200) NOT NULL,
  name_en  VARCHAR(200) NOT NULL,
  CONSTRAINT fk_lane_crossing_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO lane_crossing (code, unit_id, name_pl, name_en) VALUES
 ('GRZ', 12, 'Grzechotki – Mamonowo II', 'Grzechotki – Mamonovo II'),
 ('KOR', 22, 'Kukuryki – Koroszczyn', 'Kukuryki – Koroszczyn'),
 ('KUZ', 32, 'Kuźnica – Bruzgi', 'Kuźnica – Bruzgi');

-- A device is registered for one crossing and lane. Its secret keys the
-- HMAC of every request (docs/ingest.md); the server must read it to check
-- a signature, so it is stored as is and only the ingest account reads it.
CREATE TABLE device (
  id                BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code              VARCHAR(40) NOT NULL,
  crossing          VARCHAR(8) NOT NULL,
  lane              VARCHAR(16) NOT NULL,
  lane_kind         ENUM('car','truck','bus','pedestrian','rail','terminal','waiting_zone') NOT NULL,
  device_kind       ENUM('anpr','container','wagon','scale','radiation','document','barrier') NOT NULL,
  secret            CHAR(64) CHARACTER SET ascii NOT NULL,
  heartbeat_seconds INT UNSIGNED NOT NULL DEFAULT 60,
  last_seen         DATETIME(3) NULL,
  down_alerted      TINYINT(1) NOT NULL DEFAULT 0,
  disabled          TINYINT(1) NOT NULL DEFAULT 0,
  created_at        DATETIME NOT NULL,
  created_by        BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_device_code (code),
  KEY ix_device_crossing (crossing, lane),
  CONSTRAINT fk_device_crossing FOREIGN KEY (crossing) REFERENCES lane_crossing (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per event a device sent; (device_id, seq) makes re-sending safe.
-- obj_key is the normalised identifier (plate, container, wagon, document
-- number), obj_fold the same with O->0, I->1, B->8 for reader confusions;
-- the register is these rows grouped by (kind, obj_key).
CREATE TABLE event (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  device_id    BIGINT UNSIGNED NOT NULL,
  seq          VARCHAR(36) CHARACTER SET ascii NOT NULL,
  t            DATETIME(3) NOT NULL,
  received_at  DATETIME(3) NOT NULL,
  crossing     VARCHAR(8) NOT NULL,
  lane         VARCHAR(16) NOT NULL,
  dir          ENUM('entry','exit') NOT NULL,
  kind         ENUM('plate','container','wagon','weight','radiation','document','lane','heartbeat') NOT NULL,
  raw          VARCHAR(64) NULL,
  obj_key      VARCHAR(64) NULL,
  obj_fold     VARCHAR(64) NULL,
  country      CHAR(2) NULL,
  confidence   DECIMAL(4,3) NULL,
  image        VARCHAR(255) NULL,
  vin          VARCHAR(17) NULL,
  num_value    DECIMAL(14,3) NULL,
  alarm        TINYINT(1) NULL,
  doc_type     VARCHAR(16) NULL,
  person_name  VARCHAR(120) NULL,
  birth_date   DATE NULL,
  person_key   VARCHAR(140) NULL,
  state        VARCHAR(16) NULL,
  doubtful     TINYINT(1) NOT NULL DEFAULT 0,
  UNIQUE KEY uq_event_device_seq (device_id, seq),
  KEY ix_event_obj (obj_key, t),
  KEY ix_event_fold (obj_fold, t),
  KEY ix_event_vin (vin, t),
  KEY ix_event_person (person_key, t),
  KEY ix_event_crossing (crossing, t)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Watch-list entries ("zastrzeżenia"). An entry takes effect only when a
-- second officer approves it; status pending -> active | rejected, and
-- active -> withdrawn. match_key / fold_key as in event.
CREATE TABLE watch_entry (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  subject      ENUM('plate','vin','container','wagon','document','person') NOT NULL,
  value        VARCHAR(120) NOT NULL,
  match_key    VARCHAR(140) NOT NULL,
  fold_key     VARCHAR(140) NOT NULL,
  country      CHAR(2) NULL,
  birth_date   DATE NULL,
  reason       TEXT NOT NULL,
  action       ENUM('stop_inspect','report','detain','notify_unit') NOT NULL,
  priority     TINYINT UNSIGNED NOT NULL,
  valid_from   DATE NOT NULL,
  valid_to     DATE NOT NULL,
  unit_id      INT UNSIGNED NOT NULL,
  status       ENUM('pending','active','rejected','withdrawn') NOT NULL DEFAULT 'pending',
  created_by   BIGINT UNSIGNED NOT NULL,
  created_at   DATETIME NOT NULL,
  decided_by   BIGINT UNSIGNED NULL,
  decided_at   DATETIME NULL,
  KEY ix_watch_status (status, id),
  KEY ix_watch_fold (fold_key),
  CONSTRAINT fk_watch_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT fk_watch_creator FOREIGN KEY (created_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Bumped in the transaction of every watch-list change, so each ingest
-- worker reloads its in-memory copy of the active entries only then.
CREATE TABLE watch_state (
  id      TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  version BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;
INSERT INTO watch_state (id, version) VALUES (1, 1);

-- An alert: a watch-list match (event + entry), a radiation alarm (event),
-- or a silent device (device). state is the current step of the
-- suspect-object procedure; alert_step is its append-only history.
CREATE TABLE alert (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  kind         ENUM('watch','radiation','device_down') NOT NULL,
  event_id     BIGINT UNSIGNED NULL,
  entry_id     BIGINT UNSIGNED NULL,
  device_id    BIGINT UNSIGNED NULL,
  crossing     VARCHAR(8) NOT NULL,
  lane         VARCHAR(16) NOT NULL,
  priority     TINYINT UNSIGNED NOT NULL,
  confidence   ENUM('exact','normalised','confusion') NULL,
  state        ENUM('new','acknowledged','inspection','closed') NOT NULL DEFAULT 'new',
  outcome      ENUM('no_irregularity','irregularity','seizure','handed_over') NULL,
  assigned_to  BIGINT UNSIGNED NULL,
  created_at   DATETIME(3) NOT NULL,
  UNIQUE KEY uq_alert_event_entry (event_id, entry_id),
  KEY ix_alert_crossing (crossing, id),
  KEY ix_alert_entry (entry_id),
  CONSTRAINT ck_alert_closed_outcome CHECK (state <> 'closed' OR outcome IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_step (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  alert_id     BIGINT UNSIGNED NOT NULL,
  step         ENUM('new','acknowledged','inspection','closed') NOT NULL,
  at           DATETIME(3) NOT NULL,
  staff_id     BIGINT UNSIGNED NULL,
  assigned_to  BIGINT UNSIGNED NULL,
  lane         VARCHAR(16) NULL,
  outcome      ENUM('no_irregularity','irregularity','seizure','handed_over') NULL,
  notes        TEXT NULL,
  KEY ix_alert_step_alert (alert_id, id),
  CONSTRAINT ck_alert_step_outcome CHECK (step <> 'closed' OR outcome IS NOT NULL),
  CONSTRAINT fk_alert_step_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER alert_step_no_update BEFORE UPDATE ON alert_step FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'alert_step is append-only';
CREATE TRIGGER alert_step_no_delete BEFORE DELETE ON alert_step FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'alert_step is append-only';
