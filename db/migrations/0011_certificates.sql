-- 0011_certificates.sql: certificates for signing messages issued by the
-- e-Customer CA (issue 3). Only the certificate is kept: the private key
-- never reaches the server. Times are UTC.

CREATE TABLE certificate (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  -- 16 random bytes, positive, as 32 upper-case hex digits (BN_bn2hex).
  serial_hex      VARCHAR(40) NOT NULL,
  person_id       BIGINT UNSIGNED NOT NULL,
  subject_dn      VARCHAR(512) NOT NULL,
  pem             TEXT NOT NULL,
  not_before      DATETIME NOT NULL,
  not_after       DATETIME NOT NULL,
  created_at      DATETIME NOT NULL,
  revoked_at      DATETIME NULL,
  revoke_reason   ENUM('unspecified','keyCompromise','affiliationChanged',
                       'superseded','cessationOfOperation') NULL,
  revoked_by_kind ENUM('portal','staff') NULL,
  revoked_by_id   BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_certificate_serial (serial_hex),
  KEY ix_certificate_person (person_id, id),
  -- The CRL is every revoked certificate not yet expired.
  KEY ix_certificate_revoked (revoked_at, not_after),
  CONSTRAINT fk_certificate_person FOREIGN KEY (person_id) REFERENCES person (id),
  -- A revocation is whole or absent.
  CONSTRAINT ck_certificate_revoked CHECK (
    (revoked_at IS NULL AND revoke_reason IS NULL AND revoked_by_kind IS NULL)
    OR (revoked_at IS NOT NULL AND revoke_reason IS NOT NULL AND revoked_by_kind IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
