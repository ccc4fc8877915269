-- 0060_representation_granter.sql: who granted each representation
-- (issue 11, finding 2; docs/ecustomer.md "Who may grant what"). A grant
-- must lie within what its granter held for the company, so the granter
-- has to be known: `zsog-admin check-representations` judges every
-- representation against its granter's authorisations when it was made.
-- Owned by e-Customer (cgi-bin/ecustomer, core/registry.c).

-- origin 'approval': the administrator's representation the office
-- creates when it approves a company (the root every grant descends
-- from; granted_by NULL). origin 'grant': added on the representatives
-- page by granted_by. The default is 'grant', so a row made any other way
-- without a granter is reported by the check, not trusted.
ALTER TABLE representation
  ADD COLUMN origin ENUM('approval','grant') NOT NULL DEFAULT 'grant' AFTER valid_to,
  ADD COLUMN granted_by BIGINT UNSIGNED NULL AFTER origin,
  ADD KEY ix_rep_granted_by (granted_by),
  ADD CONSTRAINT fk_rep_granted_by FOREIGN KEY (granted_by) REFERENCES person (id);

-- Rows made before this migration recorded only created_by, a display
-- name. The office's representations: the registrant's, starting on the
-- day the office approved the company, made by the deciding officer.
UPDATE representation r
  JOIN application a ON a.kind = 'company' AND a.subject_id = r.company_id
   AND a.status = 'approved'
  JOIN person p ON p.id = r.rep_person_id AND p.account_id = a.submitted_by
  JOIN staff s ON s.id = a.decided_by AND s.full_name = r.created_by
  SET r.origin = 'approval'
  WHERE r.valid_from = DATE(a.decided_at);

-- The others: the one approved person whose account carries that name
-- (the name a portal session shows). No such person, or several: the
-- granter stays unknown and the check lists the row for a person to
-- decide (set granted_by, or end the representation).
UPDATE representation r
  SET r.granted_by = (
    SELECT MIN(p.id) FROM person p JOIN portal_account pa ON pa.id = p.account_id
    WHERE p.status = 'approved'
      AND CONCAT(pa.first_name, ' ', pa.last_name) = r.created_by
    HAVING COUNT(*) = 1)
  WHERE r.origin = 'grant';
