-- 0101_booking_lane.sql: what happens to a booking at the crossing gets its
-- own row (issue 17; docs/ebt.md "Lane state", docs/architecture.md). A
-- booking is central: the company books, changes and cancels it at the
-- centre, and slot.booked is the capacity counter. Its check-in (arrived),
-- call to a lane (called), service (served) and no-show are written by the
-- server that serves the crossing (a crossing node, or the centre for a
-- crossing without one) into booking_lane: node class, replicated up,
-- never written by the centre for a node's crossing. The two directions
-- cannot conflict: booking is written only at the centre, booking_lane
-- only where the crossing is served.
--
-- A booking's state is booking_lane.status when the row exists, else
-- booking.status (domain/booking reads both through one fragment,
-- domain/booking_int.h BK_SQL_STATE). booking.status keeps the company side:
-- booked, cancelled, and done -- a booking whose lane row is final (served
-- or no-show), set by the centre when it sees that row (the eBT tick, and a
-- new booking of the same plate), so the plate is free to book again and
-- the no-show sweep's range stays small. An arrived truck is still
-- "booked" on the company side: active_plate keeps it active.
CREATE TABLE booking_lane (
  booking_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  crossing_id INT UNSIGNED NOT NULL,
  status      ENUM('arrived','called','served','no_show') NOT NULL,
  lane        TINYINT UNSIGNED NULL,
  arrived_at  DATETIME NULL,
  called_at   DATETIME NULL,
  done_at     DATETIME NULL,
  -- Who did each step: the officer (staff id); NULL for an arrival a
  -- plate read, for a no-show the sweep. booking_history (central) keeps
  -- the company's changes only; a booking's history page joins both.
  arrived_by  BIGINT UNSIGNED NULL,
  called_by   BIGINT UNSIGNED NULL,
  done_by     BIGINT UNSIGNED NULL,
  KEY ix_booking_lane_zone (crossing_id, status),
  CONSTRAINT fk_booking_lane_booking FOREIGN KEY (booking_id) REFERENCES booking (id)
) ENGINE=InnoDB;

-- The lane states booking had, moved.
-- The lane states booking had, moved with their steps' actors; then the
-- steps leave booking_history (a walk-in's own line stays: the centre
-- registered it).
INSERT INTO booking_lane (booking_id, crossing_id, status, lane, arrived_at,
                          called_at, done_at, arrived_by, called_by, done_by)
SELECT b.id, b.crossing_id, b.status, b.lane, b.arrived_at, b.called_at,
       IF(b.status IN ('served', 'no_show'), b.done_at, NULL),
       (SELECT h.actor_id FROM booking_history h WHERE h.booking_id = b.id
           AND h.action IN ('arrived', 'walk_in') AND h.actor_kind = 'staff'
         ORDER BY h.id DESC LIMIT 1),
       (SELECT h.actor_id FROM booking_history h WHERE h.booking_id = b.id
           AND h.action = 'called' AND h.actor_kind = 'staff'
         ORDER BY h.id DESC LIMIT 1),
       (SELECT h.actor_id FROM booking_history h WHERE h.booking_id = b.id
           AND h.action IN ('served', 'no_show') AND h.actor_kind = 'staff'
         ORDER BY h.id DESC LIMIT 1)
  FROM booking b WHERE b.status IN ('arrived', 'called', 'served', 'no_show');
DELETE FROM booking_history WHERE action IN ('arrived', 'called', 'served', 'no_show');

ALTER TABLE booking MODIFY status
  ENUM('booked','arrived','called','served','cancelled','no_show','done') NOT NULL;
-- arrived/called stay active (booked), served/no_show leave the key (done).
UPDATE booking SET done_at = NULL,
       status = IF(status IN ('served', 'no_show'), 'done', 'booked')
 WHERE status IN ('arrived', 'called', 'served', 'no_show');

ALTER TABLE booking
  MODIFY status ENUM('booked','cancelled','done') NOT NULL,
  MODIFY active_plate VARCHAR(12) AS (IF(status = 'booked', plate, NULL)) PERSISTENT,
  MODIFY active_fuzzy VARCHAR(12) AS (IF(status = 'booked',
           REPLACE(REPLACE(plate, 'O', '0'), 'I', '1'), NULL)) PERSISTENT,
  DROP COLUMN lane,
  DROP COLUMN arrived_at,
  DROP COLUMN called_at;
