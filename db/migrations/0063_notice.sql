-- 0063_notice.sql: notices on an officer's intranet start page (owned by
-- core/notice.c). Any program writes one in the transaction of its cause,
-- as it writes the outbox; the skr start page reads them. So far one kind:
-- a hit of a watch-list entry whose action is notify_unit, one row for
-- each active officer of the entry's issuing unit. Times are UTC.
CREATE TABLE staff_notice (
  id             BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  staff_id       BIGINT UNSIGNED NOT NULL,
  kind           ENUM('watch_hit') NOT NULL,
  created_at     DATETIME NOT NULL,
  -- watch_hit: the alert, what the entry watches and where it was hit.
  -- crossing_unit (the unit running the crossing) decides at reading time
  -- whether the officer's scope covers the alert, so the page links only
  -- the alerts the officer may open.
  alert_id       BIGINT UNSIGNED NULL,
  entry_id       BIGINT UNSIGNED NULL,
  subject        VARCHAR(16) NULL,
  value          VARCHAR(120) NULL,
  crossing       VARCHAR(8) NULL,
  crossing_unit  INT UNSIGNED NULL,
  KEY ix_staff_notice_staff (staff_id, id),
  CONSTRAINT fk_staff_notice_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
