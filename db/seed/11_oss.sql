-- 11_oss.sql: the one-stop-shop's demo officers (issue 18): two
-- registration officers of the Poznań chamber's registration unit (41,
-- migration 0096), so that one decides what the other submitted or took
-- (four eyes). Password Demo-Haslo-2026, as every demo account. The demo
-- applications still waiting (10_ecustomer.sql) are the one-stop-shop's,
-- as the migration made every waiting application. Idempotent.
SET NAMES utf8mb4;

INSERT IGNORE INTO staff (id, login, email, full_name, pwhash, unit_id, created_at) VALUES
 (20, 'rejestracja.poznan', 'aleksandra.nowicka@skr.demo.zsog.pl', 'Aleksandra Nowicka', '$argon2id$v=19$m=65536,t=2,p=1$7pzqdRhZfBN6epakSQXDoQ$Fjni0iFnOFDi93CyZB/DvvI6Bt04lL42IfjKXpBvhhI', 41, UTC_TIMESTAMP()),
 (21, 'rejestracja2.poznan', 'tomasz.wieczorek@skr.demo.zsog.pl', 'Tomasz Wieczorek', '$argon2id$v=19$m=65536,t=2,p=1$9EwHM90lfNo+xXydZXzbuQ$NazdN3Uei1jJ45zgOq0XqsjcSpHDd2qXzflvPEftew4', 41, UTC_TIMESTAMP());

INSERT IGNORE INTO staff_role (staff_id, role) VALUES
 (20, 'registration'),
 (21, 'registration');

UPDATE application SET office_unit_id = 41
 WHERE status IN ('submitted', 'under_review') AND office_unit_id <> 41;
