-- 40_exchange.sql: two demo partners of the risk-information exchange
-- (docs/exchange.md), each with the staff account in whose name its
-- watch-list candidates are proposed (disabled: nobody signs in as it; a
-- watch-list officer approves or rejects its proposals, four eyes).
-- DEVELOPMENT ONLY: each secret is SHA-256("zsog-demo-" + code), known to
-- the tests. Idempotent (fixed ids, INSERT IGNORE).
SET NAMES utf8mb4;

INSERT IGNORE INTO staff (id, login, email, full_name, pwhash, unit_id, disabled, created_at) VALUES
 (100, 'wymiana-kgp', 'wymiana.kgp@skr.demo.zsog.pl', 'Wymiana: Komenda Główna Policji', '!', 11, 1, UTC_TIMESTAMP()),
 (101, 'wymiana-sg', 'wymiana.sg@skr.demo.zsog.pl', 'Wymiana: Straż Graniczna', '!', 11, 1, UTC_TIMESTAMP());

INSERT IGNORE INTO exchange_source (id, code, name_pl, name_en, secret, unit_id, staff_id) VALUES
 (1, 'PL-KGP', 'Komenda Główna Policji', 'National Police Headquarters', '956b0961f165be5e7d4b550b9f6670780680382fdfca343ccdfb514f3978ed0b', 11, 100),
 (2, 'PL-SG', 'Komenda Główna Straży Granicznej', 'Border Guard Headquarters', '8a9058992656b0b8216d9d5bbb172d0355d294bfc4a6cdac1646cd43febd7280', 11, 101);
