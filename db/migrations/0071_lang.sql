-- 0071_lang.sql: the language a person reads, remembered from their
-- account, so that mail to them goes in it whoever's action sends it (an
-- officer working in Polish approves an English-speaking applicant's
-- application: the mail is English). Set at sign-up (the page's language),
-- whenever a signed-in person switches language, and at sign-in when one
-- was chosen before it (the lang cookie; lib/route.c, lib/session.c,
-- session_kind.set_lang). Owners unchanged: portal_account is
-- domain/accounts', staff domain/staff's.
ALTER TABLE portal_account
  ADD COLUMN lang CHAR(2) NOT NULL DEFAULT 'pl',
  ADD CONSTRAINT ck_portal_account_lang CHECK (lang IN ('pl', 'en'));
ALTER TABLE staff
  ADD COLUMN lang CHAR(2) NOT NULL DEFAULT 'pl',
  ADD CONSTRAINT ck_staff_lang CHECK (lang IN ('pl', 'en'));
