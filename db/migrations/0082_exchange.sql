-- 0082_exchange.sql: exchange of risk information with external services
-- (issue 14, docs/exchange.md). Partners (police, border guard, EU
-- partners) send XML files of risk information and watch-list candidates,
-- signed per source (HMAC) or dropped in the inbox directory. Every file
-- is logged with its outcome; every record keeps its provenance (source,
-- file, time); risk information is kept per (source, reference), so the
-- same record sent again updates the row instead of doubling it.
-- domain/exchange is the only code that names these tables.

-- A partner allowed to send files: its HMAC key, and in whose name its
-- watch-list candidates are proposed (a staff account of its own, so the
-- four eyes of the watch list hold: any watch-list officer can be the
-- second pair, nobody approves their own proposal).
CREATE TABLE exchange_source (
  id        INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code      VARCHAR(40) NOT NULL,
  name_pl   VARCHAR(200) NOT NULL,
  name_en   VARCHAR(200) NOT NULL,
  secret    CHAR(64) NOT NULL,
  unit_id   INT UNSIGNED NOT NULL,
  staff_id  BIGINT UNSIGNED NOT NULL,
  disabled  TINYINT(1) NOT NULL DEFAULT 0,
  UNIQUE KEY uq_exchange_source_code (code),
  CONSTRAINT fk_exchange_source_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT fk_exchange_source_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One received file and what became of it. A refused file is kept too
-- (with its error, no records), so analysts see what partners sent; a
-- file refused before its source was known has none. The same source's
-- file id is imported at most once (uq_exchange_file_done); a refused one
-- may be sent again, corrected.
CREATE TABLE exchange_file (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  source_id     INT UNSIGNED NULL,
  file_ref      VARCHAR(80) NULL,
  created       DATETIME NULL,
  received_at   DATETIME(3) NOT NULL,
  channel       ENUM('post','inbox') NOT NULL,
  name          VARCHAR(255) NULL,
  sha256        CHAR(64) NOT NULL,
  bytes         INT UNSIGNED NOT NULL,
  status        ENUM('imported','rejected') NOT NULL,
  error         VARCHAR(32) NULL,
  detail        VARCHAR(400) NULL,
  n_info        INT UNSIGNED NOT NULL DEFAULT 0,
  n_candidates  INT UNSIGNED NOT NULL DEFAULT 0,
  n_new         INT UNSIGNED NOT NULL DEFAULT 0,
  n_updated     INT UNSIGNED NOT NULL DEFAULT 0,
  n_unchanged   INT UNSIGNED NOT NULL DEFAULT 0,
  done_ref      VARCHAR(80) AS (IF(status = 'imported', file_ref, NULL)) PERSISTENT,
  UNIQUE KEY uq_exchange_file_done (source_id, done_ref),
  KEY ix_exchange_file_received (received_at, id),
  CONSTRAINT fk_exchange_file_source FOREIGN KEY (source_id) REFERENCES exchange_source (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each record of an imported file as it arrived, and what it did: a new
-- or updated risk_info row, one unchanged, or a watch-list proposal (its
-- entry in watch_entry, written through domain/watch). Append-only.
CREATE TABLE exchange_record (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  file_id         BIGINT UNSIGNED NOT NULL,
  source_id       INT UNSIGNED NOT NULL,
  kind            ENUM('info','candidate') NOT NULL,
  ref             VARCHAR(80) NOT NULL,
  object_kind     ENUM('plate','container','company','document') NOT NULL,
  value           VARCHAR(120) NOT NULL,
  value_key       VARCHAR(140) NOT NULL,
  country         CHAR(2) NULL,
  category        VARCHAR(16) NULL,
  level           TINYINT UNSIGNED NOT NULL,
  action          VARCHAR(16) NULL,
  reason          TEXT NULL,
  valid_from      DATE NOT NULL,
  valid_to        DATE NOT NULL,
  outcome         ENUM('new','updated','unchanged') NOT NULL,
  risk_info_id    BIGINT UNSIGNED NULL,
  watch_entry_id  BIGINT UNSIGNED NULL,
  KEY ix_exchange_record_file (file_id, id),
  KEY ix_exchange_record_ref (source_id, kind, ref),
  CONSTRAINT fk_exchange_record_file FOREIGN KEY (file_id) REFERENCES exchange_file (id),
  CONSTRAINT fk_exchange_record_source FOREIGN KEY (source_id) REFERENCES exchange_source (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What partners know about an object now, one row per source and
-- reference (the latest file wins), read by the rules' external.listed and
-- external.category (exchange_risk_info) by object kind and normalised
-- value.
CREATE TABLE risk_info (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  source_id    INT UNSIGNED NOT NULL,
  ref          VARCHAR(80) NOT NULL,
  object_kind  ENUM('plate','container','company','document') NOT NULL,
  value        VARCHAR(120) NOT NULL,
  value_key    VARCHAR(140) NOT NULL,
  country      CHAR(2) NULL,
  category     ENUM('smuggling','drugs','weapons','excise','fraud','stolen','sanctions','other') NOT NULL,
  level        TINYINT UNSIGNED NOT NULL,
  valid_from   DATE NOT NULL,
  valid_to     DATE NOT NULL,
  file_id      BIGINT UNSIGNED NOT NULL,
  created_at   DATETIME(3) NOT NULL,
  updated_at   DATETIME(3) NOT NULL,
  UNIQUE KEY uq_risk_info_ref (source_id, ref),
  KEY ix_risk_info_object (object_kind, value_key, valid_to),
  CONSTRAINT fk_risk_info_source FOREIGN KEY (source_id) REFERENCES exchange_source (id),
  CONSTRAINT fk_risk_info_file FOREIGN KEY (file_id) REFERENCES exchange_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
