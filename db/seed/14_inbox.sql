-- 14_inbox.sql: the customer's inbox (issue 18, migration 0099) of the
-- demo: Anna Kowalska's own (account 1) and Trans-Pol's (company 1, read by
-- whoever may update its data: Anna; not Jan, who has no company_update).
-- What the registrations of 10_ecustomer.sql told them, as the programs
-- file it now (inbox_mail). The counters are recomputed from the items, so
-- loading twice changes nothing and they stay exact. Idempotent.
SET NAMES utf8mb4;

INSERT IGNORE INTO inbox_item
  (id, subject_type, subject_id, kind, created_at, unread, read_at, read_by,
   title, application_id)
VALUES
  (1, 'A', 1, 'application', '2026-01-05 09:00:05', 0, '2026-01-05 09:10:00', 1,
   '@ecustomer.mail.subject|e-Klient: status Twojego wniosku', 1),
  (2, 'A', 1, 'decision', '2026-01-06 10:00:05', 0, '2026-01-06 12:00:00', 1,
   '@ecustomer.mail.subject|e-Klient: status Twojego wniosku', 1),
  (3, 'A', 1, 'application', '2026-01-06 11:00:05', 0, '2026-01-06 11:30:00', 1,
   '@ecustomer.mail.subject|e-Klient: status Twojego wniosku', 3),
  (4, 'A', 1, 'decision', '2026-01-07 09:00:05', 1, NULL, NULL,
   '@ecustomer.mail.subject|e-Klient: status Twojego wniosku', 3),
  (5, 'C', 1, 'notice', '2026-01-10 08:00:00', 1, NULL, NULL,
   '@ecustomer.rep_mail.subject|e-Klient: przedstawicielstwo', NULL);

INSERT INTO inbox_count (subject_type, subject_id, total, unread)
  SELECT subject_type, subject_id, COUNT(*), SUM(unread) FROM inbox_item
  WHERE (subject_type = 'A' AND subject_id = 1) OR (subject_type = 'C' AND subject_id = 1)
  GROUP BY subject_type, subject_id
  ON DUPLICATE KEY UPDATE total = VALUES(total), unread = VALUES(unread);
