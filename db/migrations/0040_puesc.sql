-- 0040_puesc.sql: the PUESC XML exchange (issue 6): every SOAP message in and
-- out (the archive) and the receipts of accepted state-changing messages,
-- which are also the idempotency store. Times are UTC.

-- One row per exchange: the request as received and the answer as sent.
CREATE TABLE puesc_message (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  received_at   DATETIME(3) NOT NULL,
  -- The client's messageId (state-changing operations), else NULL.
  message_id    VARCHAR(64) NULL,
  -- ID SISC of the signer, or "ip:<address>" for unsigned messages.
  sender        VARCHAR(64) NOT NULL,
  operation     VARCHAR(40) NOT NULL,
  -- "ok", "replay" (answer from the store) or the fault code.
  outcome       VARCHAR(32) NOT NULL,
  soap_version  CHAR(3) NOT NULL,
  receipt_no    CHAR(20) NULL,
  request_xml   MEDIUMTEXT NOT NULL,
  response_xml  MEDIUMTEXT NOT NULL,
  KEY ix_puesc_message_time (received_at),
  KEY ix_puesc_message_sender (sender, received_at),
  KEY ix_puesc_message_id (message_id),
  KEY ix_puesc_message_op (operation, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A receipt (like PUESC's UPO) per accepted state-changing message; written
-- in the same transaction as the work, so a re-sent message id finds the
-- stored answer instead of doing the work again.
CREATE TABLE puesc_receipt (
  id            BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  sender        VARCHAR(64) NOT NULL,
  message_id    VARCHAR(64) NOT NULL,
  receipt_no    CHAR(20) NOT NULL,
  operation     VARCHAR(40) NOT NULL,
  issued_at     DATETIME NOT NULL,
  -- The body's answer element as sent the first time.
  response_body MEDIUMTEXT NOT NULL,
  UNIQUE KEY uq_puesc_receipt_msg (sender, message_id),
  UNIQUE KEY uq_puesc_receipt_no (receipt_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
