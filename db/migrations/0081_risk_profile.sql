-- 0081_risk_profile.sql: risk profiles (owned by domain/risk, written in
-- risk_profile*.c): a named rule in the language of docs/risk-rules.md with
-- its life cycle draft -> testing -> active -> retired. Every saved version
-- is kept and never changed; a profile becomes active only when an analyst
-- other than the version's writer approves that version (four eyes, in
-- the database too: risk_profile_approve's INSERT ... SELECT). The random
-- selection rate is per crossing and lane kind (risk_rate, 0080), not per
-- profile. Times are UTC.
CREATE TABLE risk_profile (
  id                 BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name               VARCHAR(120) NOT NULL,
  author_id          BIGINT UNSIGNED NOT NULL,
  state              ENUM('draft','testing','active','retired') NOT NULL DEFAULT 'draft',
  -- the newest version (what is edited, tested and approved) and the one
  -- approved (what decides while the profile is active)
  version_id         BIGINT UNSIGNED NULL,
  active_version_id  BIGINT UNSIGNED NULL,
  created_at         DATETIME NOT NULL,
  changed_at         DATETIME NOT NULL,
  UNIQUE KEY uq_risk_profile_name (name),
  KEY ix_risk_profile_state (state),
  CONSTRAINT fk_risk_profile_author FOREIGN KEY (author_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One saved version. Either a weight (added to the object's score) or a
-- fixed decision. Scope: crossings and lane kinds as comma-separated
-- codes, NULL meaning all; valid_from/valid_to inclusive dates (Warsaw),
-- NULL meaning open.
CREATE TABLE risk_profile_version (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  profile_id    BIGINT UNSIGNED NOT NULL,
  no            INT UNSIGNED NOT NULL,
  rule_text     TEXT NOT NULL,
  weight        INT UNSIGNED NULL,
  fixed         ENUM('green','yellow','red') NULL,
  crossings     VARCHAR(255) NULL,
  lane_kinds    VARCHAR(255) NULL,
  valid_from    DATE NULL,
  valid_to      DATE NULL,
  created_by    BIGINT UNSIGNED NOT NULL,
  created_at    DATETIME NOT NULL,
  UNIQUE KEY uq_risk_profile_version (profile_id, no),
  CONSTRAINT fk_risk_profile_version_profile FOREIGN KEY (profile_id) REFERENCES risk_profile (id),
  CONSTRAINT fk_risk_profile_version_staff FOREIGN KEY (created_by) REFERENCES staff (id),
  CONSTRAINT ck_risk_profile_version_outcome CHECK ((weight IS NULL) <> (fixed IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who approved which version (at most once each).
CREATE TABLE risk_approval (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  version_id    BIGINT UNSIGNED NOT NULL,
  approved_by   BIGINT UNSIGNED NOT NULL,
  approved_at   DATETIME NOT NULL,
  UNIQUE KEY uq_risk_approval_version (version_id),
  CONSTRAINT fk_risk_approval_version FOREIGN KEY (version_id) REFERENCES risk_profile_version (id),
  CONSTRAINT fk_risk_approval_staff FOREIGN KEY (approved_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
