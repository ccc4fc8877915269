-- 0062_skr_grants.sql: separation of duties in the staff administration
-- (issue 11, finding 4; owned by skr like staff and staff_role). The roles
-- that open the whole administration, the national audit view or the
-- watch list (administrator, auditor, watch list) are never given by one
-- person: a grant of one of them waits here until a second administrator
-- approves it (docs/architecture.md, "Staff administration"). Other roles
-- are granted at once and are not recorded here. Times are UTC.

CREATE TABLE staff_grant (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  staff_id     BIGINT UNSIGNED NOT NULL,
  role         ENUM('admin','auditor','watchlist') NOT NULL,
  status       ENUM('pending','approved','rejected','withdrawn') NOT NULL DEFAULT 'pending',
  requested_by BIGINT UNSIGNED NOT NULL,
  requested_at DATETIME NOT NULL,
  decided_by   BIGINT UNSIGNED NULL,
  decided_at   DATETIME NULL,
  -- One open request per person and role: NULL once decided.
  pending_role VARCHAR(16) AS (IF(status = 'pending', role, NULL)) PERSISTENT,
  UNIQUE KEY uq_staff_grant_pending (staff_id, pending_role),
  KEY ix_staff_grant_status (status, id),
  CONSTRAINT fk_staff_grant_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_staff_grant_requester FOREIGN KEY (requested_by) REFERENCES staff (id),
  CONSTRAINT fk_staff_grant_decider FOREIGN KEY (decided_by) REFERENCES staff (id),
  -- The programs check these too; the database refuses them whatever a
  -- future page forgets: nobody asks for their own role, and neither the
  -- one who asked nor the one who gets the role decides (a withdrawal is
  -- the asker's own).
  CONSTRAINT ck_staff_grant_not_self CHECK (requested_by <> staff_id),
  CONSTRAINT ck_staff_grant_second CHECK (decided_by IS NULL
    OR (status = 'withdrawn' AND decided_by = requested_by)
    OR (status IN ('approved', 'rejected') AND decided_by <> requested_by
        AND decided_by <> staff_id))
) ENGINE=InnoDB;
