-- 02_staff.sql: the demo staff of the intranet, one per role, and a second
-- administrator (of the Olsztyn chamber) who approves the first one's grants
-- of the administrator, auditor and watch-list roles there, and a second
-- risk analyst who approves the first one's risk profiles (four eyes), a
-- second fleet manager (Lublin chamber) and an officer who drives service
-- vehicles (his permission: 50_fleet_vehicles.sql). Fixed ids and
-- INSERT IGNORE, so loading twice changes nothing. Every password is
-- Demo-Haslo-2026 (hashes made with `echo 'Demo-Haslo-2026' | build/zsog-admin hash`).

-- The names carry Polish letters whatever the client's locale says.
SET NAMES utf8mb4;

INSERT IGNORE INTO staff (id, login, email, full_name, pwhash, unit_id, created_at) VALUES
 (1, 'admin', 'marta.adamczyk@skr.demo.zsog.pl', 'Marta Adamczyk', '$argon2id$v=19$m=65536,t=2,p=1$jxHc5mqSPTQAk4HPeLgWfA$ghabs67nupo7kK2eXZk16iDTyx1rjFUKcxfVtmV/Kns', 1, UTC_TIMESTAMP()),
 (2, 'rejestracja', 'piotr.nowak@skr.demo.zsog.pl', 'Piotr Nowak', '$argon2id$v=19$m=65536,t=2,p=1$7pzqdRhZfBN6epakSQXDoQ$Fjni0iFnOFDi93CyZB/DvvI6Bt04lL42IfjKXpBvhhI', 11, UTC_TIMESTAMP()),
 (3, 'rejestracja2', 'katarzyna.wojcik@skr.demo.zsog.pl', 'Katarzyna Wójcik', '$argon2id$v=19$m=65536,t=2,p=1$9EwHM90lfNo+xXydZXzbuQ$NazdN3Uei1jJ45zgOq0XqsjcSpHDd2qXzflvPEftew4', 21, UTC_TIMESTAMP()),
 (4, 'grzechotki', 'tomasz.lewandowski@skr.demo.zsog.pl', 'Tomasz Lewandowski', '$argon2id$v=19$m=65536,t=2,p=1$iLOZzH2vi8+VmRPfgel9bw$/iZZ3tBiG2XpeyUj7C5WBXCodp3s7MnsIl2M0dDR88w', 12, UTC_TIMESTAMP()),
 (5, 'koroszczyn', 'agnieszka.kaminska@skr.demo.zsog.pl', 'Agnieszka Kamińska', '$argon2id$v=19$m=65536,t=2,p=1$aMBpCYYSOZlEvl4p3j5d7Q$8eCKGp0ZAFh+uJUZOTd7kIUj3dxqxhEwCqoYYYtHOt0', 22, UTC_TIMESTAMP()),
 (6, 'analityk', 'michal.szymanski@skr.demo.zsog.pl', 'Michał Szymański', '$argon2id$v=19$m=65536,t=2,p=1$+46Kk5nP+lzbJi+2DHd3Yw$aX6LzTRhaOfdBzjfKK8JgOXB9TRCg+UBWsdE3LdzHS4', 11, UTC_TIMESTAMP()),
 (7, 'flota', 'pawel.dabrowski@skr.demo.zsog.pl', 'Paweł Dąbrowski', '$argon2id$v=19$m=65536,t=2,p=1$HxmCathEeDvneA6ISQkjHA$LNElVdcIOCAJZPc9zI6FJhC1/H//pprQeg0SYUMu9pQ', 10, UTC_TIMESTAMP()),
 (8, 'audytor', 'barbara.kozlowska@skr.demo.zsog.pl', 'Barbara Kozłowska', '$argon2id$v=19$m=65536,t=2,p=1$qbmP/NQh4lOWF6RFAddrUA$MyvDiQeh5wi8Hpz7qSQHE0/uj42ju6ORALWa5FFj4vI', 1, UTC_TIMESTAMP()),
 (9, 'admin.olsztyn', 'joanna.wrobel@skr.demo.zsog.pl', 'Joanna Wróbel', '$argon2id$v=19$m=65536,t=2,p=1$nkvZJuVxb/5xqOC/gAkciA$VNqRgMfxO3jQPa+WTfyozR/kDA9yCE1Vm7PN2dc1Jyw', 10, UTC_TIMESTAMP()),
 (10, 'analityk2', 'ewa.zielinska@skr.demo.zsog.pl', 'Ewa Zielińska', '$argon2id$v=19$m=65536,t=2,p=1$+46Kk5nP+lzbJi+2DHd3Yw$aX6LzTRhaOfdBzjfKK8JgOXB9TRCg+UBWsdE3LdzHS4', 11, UTC_TIMESTAMP()),
 (11, 'flota.lublin', 'robert.mazur@skr.demo.zsog.pl', 'Robert Mazur', '$argon2id$v=19$m=65536,t=2,p=1$HxmCathEeDvneA6ISQkjHA$LNElVdcIOCAJZPc9zI6FJhC1/H//pprQeg0SYUMu9pQ', 20, UTC_TIMESTAMP()),
 (12, 'kierowca', 'krzysztof.jankowski@skr.demo.zsog.pl', 'Krzysztof Jankowski', '$argon2id$v=19$m=65536,t=2,p=1$iLOZzH2vi8+VmRPfgel9bw$/iZZ3tBiG2XpeyUj7C5WBXCodp3s7MnsIl2M0dDR88w', 11, UTC_TIMESTAMP());

INSERT IGNORE INTO staff_role (staff_id, role) VALUES
 (1, 'admin'),
 (2, 'registration'),
 (3, 'registration'),
 (4, 'crossing'), (4, 'watchlist'),
 (5, 'crossing'),
 (6, 'risk'), (6, 'watchlist'),
 (7, 'fleet'),
 (8, 'auditor'),
 (9, 'admin'),
 (10, 'risk'),
 (11, 'fleet'),
 (12, 'crossing');
