-- 0001_accounts.sql: portal and staff accounts, sessions, the organisational
-- hierarchy, the e-mail outbox and the audit log.
-- Times are UTC (every connection sets time_zone = '+00:00').

CREATE TABLE portal_account (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  email         VARCHAR(254) NOT NULL,
  first_name    VARCHAR(100) NOT NULL,
  last_name     VARCHAR(100) NOT NULL,
  country       CHAR(2) NOT NULL,
  phone         VARCHAR(20) NOT NULL,
  pwhash        VARCHAR(128) NOT NULL,
  status        ENUM('unconfirmed','active','disabled') NOT NULL DEFAULT 'unconfirmed',
  failed_logins INT UNSIGNED NOT NULL DEFAULT 0,
  locked_until  DATETIME NULL,
  created_at    DATETIME NOT NULL,
  confirmed_at  DATETIME NULL,
  UNIQUE KEY uq_portal_account_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Single-use tokens sent by e-mail: only their SHA-256 is kept.
CREATE TABLE account_token (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  account_id  BIGINT UNSIGNED NOT NULL,
  purpose     ENUM('confirm','reset') NOT NULL,
  token_hash  BINARY(32) NOT NULL,
  created_at  DATETIME NOT NULL,
  expires_at  DATETIME NOT NULL,
  used_at     DATETIME NULL,
  UNIQUE KEY uq_account_token_hash (token_hash),
  KEY ix_account_token_account (account_id, purpose),
  CONSTRAINT fk_account_token_account FOREIGN KEY (account_id)
    REFERENCES portal_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE org_unit (
  id        INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  parent_id INT UNSIGNED NULL,
  kind      ENUM('ministry','chamber','office','branch') NOT NULL,
  code      VARCHAR(16) NOT NULL,
  name_pl   VARCHAR(200) NOT NULL,
  name_en   VARCHAR(200) NOT NULL,
  UNIQUE KEY uq_org_unit_code (code),
  CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  login         VARCHAR(64) NOT NULL,
  email         VARCHAR(254) NOT NULL,
  full_name     VARCHAR(200) NOT NULL,
  pwhash        VARCHAR(128) NOT NULL,
  unit_id       INT UNSIGNED NOT NULL,
  disabled      TINYINT(1) NOT NULL DEFAULT 0,
  failed_logins INT UNSIGNED NOT NULL DEFAULT 0,
  locked_until  DATETIME NULL,
  created_at    DATETIME NOT NULL,
  created_by    BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_staff_login (login),
  CONSTRAINT fk_staff_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_role (
  staff_id BIGINT UNSIGNED NOT NULL,
  role     ENUM('admin','registration','crossing','risk','fleet','auditor','watchlist') NOT NULL,
  PRIMARY KEY (staff_id, role),
  CONSTRAINT fk_staff_role_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB;

CREATE TABLE session (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  token_hash  BINARY(32) NOT NULL,
  kind        ENUM('portal','staff') NOT NULL,
  account_id  BIGINT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL,
  last_seen   DATETIME NOT NULL,
  expires_at  DATETIME NOT NULL,
  UNIQUE KEY uq_session_token (token_hash),
  KEY ix_session_account (kind, account_id)
) ENGINE=InnoDB;

CREATE TABLE outbox (
  id         BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  created_at DATETIME NOT NULL,
  recipient  VARCHAR(254) NOT NULL,
  subject    VARCHAR(300) NOT NULL,
  body       MEDIUMTEXT NOT NULL,
  lang       CHAR(2) NOT NULL,
  sent_at    DATETIME NULL,
  KEY ix_outbox_unsent (sent_at, id),
  KEY ix_outbox_recipient (recipient, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME(6) NOT NULL,
  actor_kind  ENUM('anonymous','portal','staff','system','device') NOT NULL,
  actor_id    BIGINT UNSIGNED NOT NULL,
  actor_name  VARCHAR(200) NOT NULL,
  action      VARCHAR(64) NOT NULL,
  object      VARCHAR(128) NOT NULL,
  detail      TEXT NULL,
  request_id  VARCHAR(32) NOT NULL,
  client_ip   VARCHAR(45) NULL,
  KEY ix_audit_at (at),
  KEY ix_audit_object (object, id),
  KEY ix_audit_action (action, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only whatever the grants say: even root's mistakes are refused.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

-- The organisational hierarchy down to the branches that hold the two
-- pilot crossings.
INSERT INTO org_unit (id, parent_id, kind, code, name_pl, name_en) VALUES
 (1, NULL, 'ministry', 'MF', 'Ministerstwo Finansów', 'Ministry of Finance'),
 (10, 1, 'chamber', 'IAS-OLS', 'Izba Administracji Skarbowej w Olsztynie', 'Tax Administration Chamber in Olsztyn'),
 (11, 10, 'office', 'UCS-OLS', 'Warmińsko-Mazurski Urząd Celno-Skarbowy w Olsztynie', 'Warmia-Masuria Customs and Tax Office in Olsztyn'),
 (12, 11, 'branch', 'OC-GRZ', 'Oddział Celny w Grzechotkach', 'Customs Branch in Grzechotki'),
 (20, 1, 'chamber', 'IAS-LUB', 'Izba Administracji Skarbowej w Lublinie', 'Tax Administration Chamber in Lublin'),
 (21, 20, 'office', 'UCS-BPD', 'Lubelski Urząd Celno-Skarbowy w Białej Podlaskiej', 'Lublin Customs and Tax Office in Biała Podlaska'),
 (22, 21, 'branch', 'OCD-KOR', 'Oddział Celny Drogowy w Koroszczynie', 'Road Customs Branch in Koroszczyn'),
 (30, 1, 'chamber', 'IAS-BIA', 'Izba Administracji Skarbowej w Białymstoku', 'Tax Administration Chamber in Białystok'),
 (31, 30, 'office', 'UCS-BIA', 'Podlaski Urząd Celno-Skarbowy w Białymstoku', 'Podlasie Customs and Tax Office in Białystok'),
 (32, 31, 'branch', 'OC-KUZ', 'Oddział Celny w Kuźnicy', 'Customs Branch in Kuźnica');
