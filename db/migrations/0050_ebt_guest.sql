-- 0050_ebt_guest.sql: a one-off eBT booking without a portal account
-- (issue 4, optional; docs/ebt.md "Booking without an account"). The
-- visitor's request waits here until the code sent to their e-mail and
-- phone is typed back; then the booking is made like any other, with the
-- e-mail beside it instead of a company and a person. Times are UTC.

-- The guest's address: company_id and person_id stay NULL.
ALTER TABLE booking
  ADD COLUMN guest_email VARCHAR(254) NULL AFTER person_id;

CREATE TABLE ebt_guest_request (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  -- SHA-256 (hex) of the random token in the confirmation page's address:
  -- the token itself is never stored.
  token_hash    CHAR(64) NOT NULL,
  email         VARCHAR(254) NOT NULL,
  phone         VARCHAR(20) NOT NULL,
  -- The booking fields as validated by the form; MRNs separated by spaces.
  crossing_id   INT UNSIGNED NOT NULL,
  day           DATE NOT NULL,
  hour          TINYINT UNSIGNED NOT NULL,
  plate         VARCHAR(12) NOT NULL,
  plate_country CHAR(2) NOT NULL,
  trailer_plate VARCHAR(12) NULL,
  driver_name   VARCHAR(100) NOT NULL,
  driver_doc    VARCHAR(40) NOT NULL,
  driver_phone  VARCHAR(20) NOT NULL,
  mrns          VARCHAR(250) NOT NULL,
  goods         VARCHAR(500) NOT NULL,
  mass_kg       INT UNSIGNED NOT NULL,
  packages      INT UNSIGNED NOT NULL,
  -- SHA-256 (hex) of the 6-digit code; the 15 minutes and the 5 tries are
  -- what protect so short a code, not the hash.
  code_hash     CHAR(64) NOT NULL,
  attempts      TINYINT UNSIGNED NOT NULL DEFAULT 0,
  expires_at    DATETIME NOT NULL,
  created_at    DATETIME NOT NULL,
  -- Set in the booking's own transaction: a resent confirmation finds it.
  booking_id    BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_guest_token (token_hash),
  -- The daily limit counts an e-mail's requests since UTC midnight.
  KEY ix_guest_email (email, created_at),
  CONSTRAINT fk_guest_crossing FOREIGN KEY (crossing_id) REFERENCES crossing (id),
  CONSTRAINT fk_guest_booking FOREIGN KEY (booking_id) REFERENCES booking (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
