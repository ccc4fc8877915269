-- 0097_ecustomer_representation.sql: representation as declared rights
-- (issue 18; docs/ecustomer.md, "Representation"). Owned by
-- domain/registry.
--
-- rep_type: what the representative is to the company — its employee, a
-- customs agent acting as a direct or as an indirect representative, or
-- another authorised person. Rows made before this migration were made
-- without saying: 'other'.
--
-- state: only an 'active' representation counts anywhere (registry.c,
-- VALID_ON); the others are steps on the way:
--   requested    a person asked to represent the company, its
--                administrator has not answered yet (no authorisations);
--   refused      the administrator said no (reason);
--   poa_pending  a customs agent's representation, granted or accepted,
--                waiting for the office to verify its power of attorney
--                (an application of kind representation_poa);
--   poa_refused  the office refused the power of attorney (reason).
--
-- The power of attorney itself is a file outside the web root
-- (Paths.Var/poa/, lib/blob.c) named by its SHA-256: poa_sha256; the
-- uploaded name and size are kept to show it.
ALTER TABLE application MODIFY kind VARCHAR(32) NOT NULL;

ALTER TABLE representation
  ADD COLUMN rep_type ENUM('employee','agent_direct','agent_indirect','other')
    NOT NULL DEFAULT 'other' AFTER rep_company_id,
  ADD COLUMN state ENUM('active','requested','refused','poa_pending','poa_refused')
    NOT NULL DEFAULT 'active' AFTER rep_type,
  ADD COLUMN poa_sha256 CHAR(64) NULL AFTER state,
  ADD COLUMN poa_name VARCHAR(200) NULL AFTER poa_sha256,
  ADD COLUMN poa_size INT UNSIGNED NULL AFTER poa_name,
  ADD COLUMN reason VARCHAR(1000) NULL AFTER poa_size,
  ADD KEY ix_rep_state (state, company_id);
