-- 0106_reinspection_done.sql: a re-inspection order fulfilled at a crossing
-- gets its own row (issue 17; docs/architecture.md "The layers of the
-- cluster", docs/risk.md). An order (reinspection) is central: an analyst
-- makes and withdraws it at the centre. Its sighting is decided where the
-- crossing is served, often a crossing node, which may not write a central
-- row (its grants refuse it, and a row written by both directions would
-- be overwritten by whichever image replication applies last). So the
-- decision writes reinspection_done (node class, replicated up, one row per
-- order and crossing); the centre alone turns the order "done" when it
-- sees a row (the ingest tick, and at once for a crossing it serves
-- itself), and that goes down to every node.
CREATE TABLE reinspection_done (
  reinspection_id BIGINT UNSIGNED NOT NULL,
  crossing        VARCHAR(8) NOT NULL,
  -- Set in the same transaction, once the decision row has its id.
  decision_id     BIGINT UNSIGNED NULL,
  done_at         DATETIME(3) NOT NULL,
  PRIMARY KEY (reinspection_id, crossing),
  CONSTRAINT fk_reinspection_done_order FOREIGN KEY (reinspection_id)
    REFERENCES reinspection (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The orders done so far, each with the crossing of its decision.
INSERT INTO reinspection_done (reinspection_id, crossing, decision_id, done_at)
SELECT r.id, d.crossing, r.decision_id, COALESCE(r.done_at, d.created_at)
  FROM reinspection r JOIN risk_decision d ON d.id = r.decision_id
 WHERE r.status = 'done';
