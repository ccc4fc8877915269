-- 0099_inbox.sql: the customer's inbox (issue 18, domain/inbox): one row per
-- thing the system told or answered a portal user or a company — a mail of
-- the outbox, an application's state or an office decision, an XML message
-- exchanged through PUESC — written by the owning module in the transaction
-- of its cause (inbox_add), plus one counter row per addressee so the
-- header's unread count is a primary-key read, not a count over years of
-- messages. Times are UTC.

CREATE TABLE inbox_item (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  -- The addressee: 'A' a portal account (the person's own inbox), 'C' a
  -- company (read by whoever may act for it with company_update).
  subject_type    CHAR(1) NOT NULL,
  subject_id      BIGINT UNSIGNED NOT NULL,
  -- notice (a mail), application (an application's state), decision (an
  -- office decision, with its reason), xml (a PUESC exchange); checked in
  -- domain/inbox.c, words in templates/lang/*/inbox.hdf.
  kind            VARCHAR(16) NOT NULL,
  created_at      DATETIME NOT NULL,
  -- 1 until someone who may read the item opens it (one read mark per
  -- item: a company's inbox is shared by its representatives).
  unread          TINYINT UNSIGNED NOT NULL DEFAULT 1,
  read_at         DATETIME NULL,
  read_by         BIGINT UNSIGNED NULL,
  -- The mail's subject as sent (in the addressee's language), or the XML
  -- operation's name.
  title           VARCHAR(255) NOT NULL,
  -- What it points at, in its owner's table: lib/outbox's mail,
  -- domain/messages' exchange, domain/registry's application.
  outbox_id       BIGINT UNSIGNED NULL,
  message_id      BIGINT UNSIGNED NULL,
  application_id  BIGINT UNSIGNED NULL,
  -- Keyset paging newest first (created_at, id) per addressee, and the
  -- same per kind and for the unread ones; InnoDB appends id to each.
  KEY ix_inbox_time (subject_type, subject_id, created_at),
  KEY ix_inbox_kind (subject_type, subject_id, kind, created_at),
  KEY ix_inbox_unread (subject_type, subject_id, unread, created_at),
  CONSTRAINT ck_inbox_subject CHECK (subject_type IN ('A', 'C')),
  CONSTRAINT ck_inbox_unread CHECK (unread IN (0, 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per addressee: how many items, how many unread; changed in the same
-- transaction as the items (inbox_add, inbox_open), so always exact.
CREATE TABLE inbox_count (
  subject_type    CHAR(1) NOT NULL,
  subject_id      BIGINT UNSIGNED NOT NULL,
  total           INT UNSIGNED NOT NULL DEFAULT 0,
  unread          INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (subject_type, subject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
