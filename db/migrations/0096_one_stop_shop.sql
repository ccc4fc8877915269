-- 0096_one_stop_shop.sql: e-Customer's one-stop-shop (issue 18). Every
-- registration application goes to one registration unit, the Poznań
-- chamber's, instead of an office by voivodship; the Ministry's
-- administrator may hand the role to another office (registry_office,
-- docs/ecustomer.md "One-stop-shop").

-- The kinds of application and the entities of the history are listed and
-- checked in C (domain/registry_rules.c): the issue's four engineers each
-- add kinds, and an ENUM would make their migrations fight. A later
-- migration that needs it may repeat these two lines (harmless).
ALTER TABLE application MODIFY kind VARCHAR(32) NOT NULL;
ALTER TABLE change_history MODIFY entity VARCHAR(32) NOT NULL;

SET NAMES utf8mb4;
INSERT INTO org_unit (id, parent_id, kind, code, name_pl, name_en) VALUES
 (40, 1, 'chamber', 'IAS-POZ', 'Izba Administracji Skarbowej w Poznaniu', 'Tax Administration Chamber in Poznań'),
 (41, 40, 'office', 'UCS-POZ-REJ', 'Wielkopolski Urząd Celno-Skarbowy w Poznaniu, Referat Rejestracji', 'Greater Poland Customs and Tax Office in Poznań, Registration Unit');

-- The one-stop-shop: one row. A new application goes to unit_id; when the
-- administrator reassigns it, the open applications move with it (they are
-- the new unit's to decide); decided ones keep the office that decided
-- them. changed_by: the staff id, NULL for this migration.
CREATE TABLE registry_office (
  id         TINYINT UNSIGNED PRIMARY KEY DEFAULT 1,
  unit_id    INT UNSIGNED NOT NULL,
  changed_by BIGINT UNSIGNED NULL,
  changed_at DATETIME NOT NULL,
  CONSTRAINT ck_registry_office_one CHECK (id = 1),
  CONSTRAINT fk_registry_office_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT fk_registry_office_staff FOREIGN KEY (changed_by) REFERENCES staff (id)
) ENGINE=InnoDB;
INSERT INTO registry_office (id, unit_id, changed_by, changed_at)
 VALUES (1, 41, NULL, UTC_TIMESTAMP());

-- What was waiting at the voivodship offices is the one-stop-shop's now; a
-- taken one goes back to the queue (its officer is of another unit).
UPDATE application SET office_unit_id = 41, status = 'submitted', assigned_to = NULL
 WHERE status IN ('submitted', 'under_review');
