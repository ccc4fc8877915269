-- 0080_risk_decision.sql: the control decision (issue 14). Every event that
-- identifies an object and every eBT booking at check-in gets one decision,
-- stored in the transaction that stores the event or the check-in:
-- green (no control), yellow (document control) or red (physical control),
-- with the random draw, the profile versions that fired and the re-inspection
-- that asked for it. Yellow and red open a control task at the crossing,
-- whose steps are append-only. domain/risk owns risk_*, reinspection;
-- domain/control owns control_*. Times are UTC.

-- The random-selection rate per crossing and lane kind, in per mille: a
-- decision draws randombytes_uniform(1000) < per_mille (a CSPRNG, never
-- predictable from time or sequence). No row: 0, never drawn.
CREATE TABLE risk_rate (
  crossing   VARCHAR(8) NOT NULL,
  lane_kind  ENUM('car','truck','bus','pedestrian','rail','terminal','waiting_zone') NOT NULL,
  per_mille  SMALLINT UNSIGNED NOT NULL,
  -- What a random selection asks for: a document or a physical control.
  colour     ENUM('yellow','red') NOT NULL DEFAULT 'yellow',
  PRIMARY KEY (crossing, lane_kind),
  CONSTRAINT ck_risk_rate CHECK (per_mille <= 1000),
  CONSTRAINT fk_risk_rate_crossing FOREIGN KEY (crossing) REFERENCES crossing (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Re-inspection orders: an analyst names an object (match_key normalised
-- as event.obj_key; a company by its id in e-Customer) with a reason and
-- a validity; its next sighting at any crossing makes that decision red
-- and the order done (decision_id).
CREATE TABLE reinspection (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  subject      ENUM('plate','container','company','document') NOT NULL,
  value        VARCHAR(120) NOT NULL,
  match_key    VARCHAR(140) NOT NULL,
  reason       TEXT NOT NULL,
  valid_from   DATE NOT NULL,
  valid_to     DATE NOT NULL,
  status       ENUM('active','done','withdrawn') NOT NULL DEFAULT 'active',
  created_by   BIGINT UNSIGNED NOT NULL,
  created_at   DATETIME NOT NULL,
  decision_id  BIGINT UNSIGNED NULL,
  done_at      DATETIME(3) NULL,
  KEY ix_reinspection_key (subject, match_key, status),
  KEY ix_reinspection_status (status, id),
  CONSTRAINT fk_reinspection_creator FOREIGN KEY (created_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One decision per event (event_id) or per booking's check-in
-- (booking_id). object_kind/object_key name what was decided on (the
-- event's kind and obj_key; for a booking its plate). random: the draw
-- chose it. score: the sum of the active profiles' weights that fired.
CREATE TABLE risk_decision (
  id              BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  crossing        VARCHAR(8) NOT NULL,
  lane_kind       ENUM('car','truck','bus','pedestrian','rail','terminal','waiting_zone') NULL,
  object_kind     ENUM('plate','container','wagon','document') NOT NULL,
  object_key      VARCHAR(140) NOT NULL,
  event_id        BIGINT UNSIGNED NULL,
  booking_id      BIGINT UNSIGNED NULL,
  -- The booking's company (e-Customer id), for outcomes per company.
  company_id      BIGINT UNSIGNED NULL,
  colour          ENUM('green','yellow','red') NOT NULL,
  score           INT NOT NULL DEFAULT 0,
  random          TINYINT(1) NOT NULL DEFAULT 0,
  reinspection_id BIGINT UNSIGNED NULL,
  -- Fed back when its control task is closed (hit rates per profile
  -- version and of random selection, risk_outcomes.c).
  outcome         ENUM('no_irregularity','irregularity','seizure','handed_over') NULL,
  created_at      DATETIME(3) NOT NULL,
  UNIQUE KEY uq_risk_decision_event (event_id),
  KEY ix_risk_decision_booking (booking_id),
  KEY ix_risk_decision_crossing (crossing, created_at),
  KEY ix_risk_decision_object (object_kind, object_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The profile versions that fired for a decision and the inputs they read
-- (risk_rule_eval's `used`). live = 0: a profile in testing, evaluated
-- without effect on the decision (its hits count, its colour does not).
CREATE TABLE risk_decision_hit (
  id                  BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  decision_id         BIGINT UNSIGNED NOT NULL,
  profile_version_id  BIGINT UNSIGNED NOT NULL,
  live                TINYINT(1) NOT NULL DEFAULT 1,
  used                VARCHAR(500) NOT NULL,
  KEY ix_risk_hit_decision (decision_id),
  KEY ix_risk_hit_version (profile_version_id, decision_id),
  CONSTRAINT fk_risk_hit_decision FOREIGN KEY (decision_id) REFERENCES risk_decision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A control task: a yellow or red decision at its crossing. state open ->
-- closed with the outcome; control_step is its append-only history.
CREATE TABLE control_task (
  id           BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  decision_id  BIGINT UNSIGNED NOT NULL,
  crossing     VARCHAR(8) NOT NULL,
  colour       ENUM('yellow','red') NOT NULL,
  -- The booking's company, if any: ebt.company_irregularities(days).
  company_id   BIGINT UNSIGNED NULL,
  state        ENUM('open','closed') NOT NULL DEFAULT 'open',
  outcome      ENUM('no_irregularity','irregularity','seizure','handed_over') NULL,
  category     VARCHAR(32) NULL,
  created_at   DATETIME(3) NOT NULL,
  closed_at    DATETIME(3) NULL,
  UNIQUE KEY uq_control_task_decision (decision_id),
  KEY ix_control_task_crossing (crossing, state, id),
  KEY ix_control_task_company (company_id, closed_at),
  CONSTRAINT ck_control_task_closed CHECK (state <> 'closed' OR outcome IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE control_step (
  id        BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  task_id   BIGINT UNSIGNED NOT NULL,
  step      ENUM('open','note','closed') NOT NULL,
  at        DATETIME(3) NOT NULL,
  staff_id  BIGINT UNSIGNED NULL,
  outcome   ENUM('no_irregularity','irregularity','seizure','handed_over') NULL,
  category  VARCHAR(32) NULL,
  notes     TEXT NULL,
  KEY ix_control_step_task (task_id, id),
  CONSTRAINT ck_control_step_outcome CHECK (step <> 'closed' OR outcome IS NOT NULL),
  CONSTRAINT fk_control_step_task FOREIGN KEY (task_id) REFERENCES control_task (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER control_step_no_update BEFORE UPDATE ON control_step FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'control_step is append-only';
CREATE TRIGGER control_step_no_delete BEFORE DELETE ON control_step FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'control_step is append-only';
