-- 01_portal.sql: the three demo portal accounts, active and confirmed.
-- Password of each: Demo-Haslo-2026 (argon2id, from `zsog-admin hash`).
-- INSERT IGNORE with fixed ids: loading twice changes nothing.

INSERT IGNORE INTO portal_account
  (id, email, first_name, last_name, country, phone, pwhash, status,
   created_at, confirmed_at)
VALUES
  (1, 'anna.kowalska@demo.zsog.pl', 'Anna', 'Kowalska', 'PL', '+48 600 100 201',
   '$argon2id$v=19$m=65536,t=2,p=1$T8FKwmDZxhP+XeiZh5788g$EWZBjfMFqg3Ws5xeU1Vn3tc/5oneT2subH32eluUB2M',
   'active', '2026-01-05 08:00:00', '2026-01-05 08:10:00'),
  (2, 'jan.wisniewski@demo.zsog.pl', 'Jan', 'Wiśniewski', 'PL', '+48 600 100 202',
   '$argon2id$v=19$m=65536,t=2,p=1$/2RP6KFOYwxPWOtTrXLegg$u4FWyfp3JQzpZsZ3xSptMSQPdTT/gS6JCKBLWXyWSQs',
   'active', '2026-01-05 08:30:00', '2026-01-05 08:35:00'),
  (3, 'ewa.zielinska@demo.zsog.pl', 'Ewa', 'Zielińska', 'PL', '+48 600 100 203',
   '$argon2id$v=19$m=65536,t=2,p=1$T8FKwmDZxhP+XeiZh5788g$EWZBjfMFqg3Ws5xeU1Vn3tc/5oneT2subH32eluUB2M',
   'active', '2026-01-06 09:00:00', '2026-01-06 09:05:00');
