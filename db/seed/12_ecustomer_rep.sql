-- 12_ecustomer_rep.sql: the demo representations' types (issue 18,
-- migration 0097). The administrators made at approval (Anna for
-- Trans-Pol, Piotr for the agency) and Jan at the agency are employees;
-- Agencja Celna Graniczna acts for Trans-Pol as a customs agent, a direct
-- representative, verified before the register kept powers of attorney as
-- files (so no PDF to show). Only rows still of the default type change:
-- loading twice changes nothing.
SET NAMES utf8mb4;

UPDATE representation SET rep_type = 'employee'
 WHERE id IN (1, 2, 3) AND rep_type = 'other';
UPDATE representation SET rep_type = 'agent_direct'
 WHERE id = 4 AND rep_type = 'other';
