-- 0088_fleet_reminders.sql: the reminders of a vehicle's deadlines mailed
-- to its fleet managers (domain/fleet_remind.c, `zsog-admin fleet-remind`,
-- docs/fleet.md "Reminders"). One row per document and stage, written in
-- the transaction that puts the mails into the outbox: a second run on the
-- same day or the next finds the row and sends nothing again. A renewed
-- document is a new row of fleet_document, so its reminders start anew;
-- editing a document's deadline deletes its rows here for the same reason.

CREATE TABLE fleet_reminder (
  document_id BIGINT UNSIGNED NOT NULL,
  -- Days before the deadline (a number of Fleet.RemindDays), or -1 for
  -- the one reminder once it is overdue.
  stage       SMALLINT NOT NULL,
  due_on      DATE NULL,             -- the deadline reminded of (by date)
  sent_on     DATE NOT NULL,         -- the Warsaw day of the run
  recipients  SMALLINT UNSIGNED NOT NULL,
  PRIMARY KEY (document_id, stage),
  CONSTRAINT fk_fleet_reminder_document FOREIGN KEY (document_id) REFERENCES fleet_document (id)
) ENGINE=InnoDB;
