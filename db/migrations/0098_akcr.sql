-- 0098_akcr.sql: AKC-R, the excise register (art. 16 of the Excise Duty
-- Act), applied for in the same e-Customer application as the EORI (issue
-- 18, docs/ecustomer.md "AKC-R"). domain/registry owns these tables.

-- The kinds of application are listed and checked in domain/registry's C
-- code (0096 makes the column a VARCHAR; repeated here, harmless, so this
-- migration stands on its own): 'akcr' is an excise registration or a
-- change of its activities and places.
ALTER TABLE application MODIFY kind VARCHAR(32) NOT NULL;

-- Excise numbers: "PL" + 10 digits of this sequence + a Luhn digit, bumped
-- inside the approving transaction like the ID SISC numbers.
INSERT IGNORE INTO ecustomer_sequence (name, next_val) VALUES ('akcr', 1);

-- A company's excise registration: given once on approval, its number
-- never reassigned (an ended registration keeps its row and number).
-- status: active; ended when the company is deactivated.
CREATE TABLE excise_registration (
  company_id  BIGINT UNSIGNED PRIMARY KEY,
  number      CHAR(13) NOT NULL,
  status      ENUM('active','ended') NOT NULL DEFAULT 'active',
  start_date  DATE NOT NULL,
  approved_at DATETIME NOT NULL,
  ended_at    DATETIME NULL,
  UNIQUE KEY uq_excise_number (number),
  CONSTRAINT fk_excise_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The excise activities registered (codes of registry_akcr_activities in
-- domain/registry_akcr.c, named in words by the language files).
CREATE TABLE excise_activity (
  company_id BIGINT UNSIGNED NOT NULL,
  code       VARCHAR(32) NOT NULL,
  PRIMARY KEY (company_id, code),
  CONSTRAINT fk_excise_activity_reg FOREIGN KEY (company_id) REFERENCES excise_registration (company_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The places where the activities are carried on (in Poland).
CREATE TABLE excise_place (
  id         BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  company_id BIGINT UNSIGNED NOT NULL,
  town       VARCHAR(100) NOT NULL,
  postcode   VARCHAR(6) NOT NULL,
  street     VARCHAR(150) NULL,
  house_no   VARCHAR(20) NOT NULL,
  KEY ix_excise_place_company (company_id, id),
  CONSTRAINT fk_excise_place_reg FOREIGN KEY (company_id) REFERENCES excise_registration (company_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
