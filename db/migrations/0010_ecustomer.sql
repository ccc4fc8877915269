-- 0010_ecustomer.sql: e-Customer (issue 3): registered persons and
-- companies, the applications the registration office decides, the
-- authorisation catalogue, representation, change history and the
-- sequences behind ID SISC and EORI numbers. Times are UTC.

-- Numbers handed out once and never again: ID SISC per kind ('P' person,
-- 'C' company) and the 14-digit EORI sequence for operators without a
-- Polish NIP. Rows are locked by the approving transaction (UPDATE first),
-- so two officers never draw the same number; a rolled-back approval
-- leaves no gap in use either.
CREATE TABLE ecustomer_sequence (
  name     VARCHAR(16) PRIMARY KEY,
  next_val BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;
INSERT INTO ecustomer_sequence (name, next_val) VALUES
 ('sisc_P', 1), ('sisc_C', 1), ('eori', 1);

CREATE TABLE person (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  account_id    BIGINT UNSIGNED NOT NULL,
  id_sisc       CHAR(14) NULL,
  first_name    VARCHAR(100) NOT NULL,
  last_name     VARCHAR(100) NOT NULL,
  birth_date    DATE NOT NULL,
  country       CHAR(2) NOT NULL,
  pesel         CHAR(11) NULL,
  id_doc_type   ENUM('id_card','passport','residence') NULL,
  id_doc_number VARCHAR(20) NULL,
  voivodship    VARCHAR(32) NULL,
  county        VARCHAR(100) NULL,
  municipality  VARCHAR(100) NULL,
  town          VARCHAR(100) NOT NULL,
  postcode      VARCHAR(12) NOT NULL,
  street        VARCHAR(150) NULL,
  house_no      VARCHAR(20) NOT NULL,
  phone         VARCHAR(20) NOT NULL,
  email         VARCHAR(254) NOT NULL,
  scope         ENUM('basic','extended') NOT NULL,
  status        ENUM('submitted','under_review','approved','rejected') NOT NULL DEFAULT 'submitted',
  created_at    DATETIME NOT NULL,
  approved_at   DATETIME NULL,
  UNIQUE KEY uq_person_account (account_id),
  UNIQUE KEY uq_person_sisc (id_sisc),
  KEY ix_person_pesel (pesel),
  KEY ix_person_email (email),
  KEY ix_person_doc (id_doc_number),
  KEY ix_person_name (last_name, first_name),
  CONSTRAINT fk_person_account FOREIGN KEY (account_id) REFERENCES portal_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE company (
  id                BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  id_sisc           CHAR(14) NULL,
  eori              VARCHAR(17) NULL,
  eori_requested    TINYINT(1) NOT NULL DEFAULT 0,
  name              VARCHAR(300) NOT NULL,
  legal_form        VARCHAR(16) NOT NULL,
  nip               CHAR(10) NULL,
  regon             VARCHAR(14) NULL,
  country           CHAR(2) NOT NULL,
  voivodship        VARCHAR(32) NULL,
  town              VARCHAR(100) NOT NULL,
  postcode          VARCHAR(12) NOT NULL,
  street            VARCHAR(150) NULL,
  house_no          VARCHAR(20) NOT NULL,
  iban              VARCHAR(34) NOT NULL,
  main_activity     VARCHAR(200) NOT NULL,
  contact_email     VARCHAR(254) NOT NULL,
  contact_phone     VARCHAR(20) NOT NULL,
  publish_eori_data TINYINT(1) NOT NULL DEFAULT 0,
  status            ENUM('submitted','under_review','approved','rejected','deactivated') NOT NULL DEFAULT 'submitted',
  created_at        DATETIME NOT NULL,
  approved_at       DATETIME NULL,
  UNIQUE KEY uq_company_sisc (id_sisc),
  -- An EORI is never reassigned: a deactivated company keeps its row.
  UNIQUE KEY uq_company_eori (eori),
  KEY ix_company_nip (nip),
  KEY ix_company_regon (regon),
  KEY ix_company_name (name(100))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE application (
  id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  kind           ENUM('person','company','company_update','company_deactivation') NOT NULL,
  subject_id     BIGINT UNSIGNED NOT NULL,
  -- The portal account that submitted it (its owner on the company side).
  submitted_by   BIGINT UNSIGNED NOT NULL,
  status         ENUM('submitted','under_review','approved','rejected') NOT NULL DEFAULT 'submitted',
  assigned_to    BIGINT UNSIGNED NULL,
  reason         VARCHAR(1000) NULL,
  -- company_update: the new values, as application/x-www-form-urlencoded.
  payload        TEXT NULL,
  office_unit_id INT UNSIGNED NOT NULL,
  created_at     DATETIME NOT NULL,
  decided_at     DATETIME NULL,
  decided_by     BIGINT UNSIGNED NULL,
  KEY ix_application_queue (status, created_at),
  KEY ix_application_owner (submitted_by, id),
  KEY ix_application_subject (kind, subject_id),
  CONSTRAINT fk_application_account FOREIGN KEY (submitted_by) REFERENCES portal_account (id),
  CONSTRAINT fk_application_office FOREIGN KEY (office_unit_id) REFERENCES org_unit (id),
  CONSTRAINT fk_application_assigned FOREIGN KEY (assigned_to) REFERENCES staff (id),
  CONSTRAINT fk_application_decided FOREIGN KEY (decided_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE authorisation (
  code    VARCHAR(32) PRIMARY KEY,
  name_pl VARCHAR(200) NOT NULL,
  name_en VARCHAR(200) NOT NULL,
  sort    INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO authorisation (code, name_pl, name_en, sort) VALUES
 ('ebt_book', 'Rezerwacja usługi granicznej (eBT)', 'Book the export border service (eBT)', 1),
 ('ebt_view', 'Podgląd rezerwacji firmy', 'View the company''s bookings', 2),
 ('company_update', 'Aktualizacja danych firmy', 'Update company data', 3),
 ('reps_manage', 'Zarządzanie reprezentantami', 'Manage representatives', 4),
 ('reps_view', 'Podgląd wszystkich reprezentantów', 'View all representatives', 5),
 ('declare', 'Składanie zgłoszeń', 'Submit declarations', 6),
 ('xml_exchange', 'Wymiana komunikatów XML', 'Exchange XML messages', 7);

-- Who acts for company_id: a person or another company (e.g. a customs
-- agency), never both. Valid from valid_from (inclusive) until valid_to
-- (exclusive: the first day it no longer holds); NULL = open-ended.
CREATE TABLE representation (
  id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  company_id     BIGINT UNSIGNED NOT NULL,
  rep_person_id  BIGINT UNSIGNED NULL,
  rep_company_id BIGINT UNSIGNED NULL,
  valid_from     DATE NOT NULL,
  valid_to       DATE NULL,
  created_by     VARCHAR(200) NOT NULL,
  created_at     DATETIME NOT NULL,
  KEY ix_rep_company (company_id),
  KEY ix_rep_person (rep_person_id),
  KEY ix_rep_agency (rep_company_id),
  CONSTRAINT ck_rep_one CHECK ((rep_person_id IS NULL) <> (rep_company_id IS NULL)),
  CONSTRAINT fk_rep_company FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT fk_rep_person FOREIGN KEY (rep_person_id) REFERENCES person (id),
  CONSTRAINT fk_rep_agency FOREIGN KEY (rep_company_id) REFERENCES company (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE representation_authz (
  representation_id BIGINT UNSIGNED NOT NULL,
  authz_code        VARCHAR(32) NOT NULL,
  PRIMARY KEY (representation_id, authz_code),
  KEY ix_rep_authz_code (authz_code),
  CONSTRAINT fk_rep_authz_rep FOREIGN KEY (representation_id) REFERENCES representation (id),
  CONSTRAINT fk_rep_authz_code FOREIGN KEY (authz_code) REFERENCES authorisation (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change the user is shown: status transitions and data changes.
CREATE TABLE change_history (
  id          BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  entity      ENUM('person','company','application','representation') NOT NULL,
  entity_id   BIGINT UNSIGNED NOT NULL,
  field       VARCHAR(32) NOT NULL,
  old_value   VARCHAR(1000) NULL,
  new_value   VARCHAR(1000) NULL,
  changed_by  VARCHAR(200) NOT NULL,
  changed_at  DATETIME NOT NULL,
  KEY ix_history_entity (entity, entity_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
