-- 0061_signin_backoff.sql: sign-in failures slow down the client address
-- that makes them instead of locking the account (core/signin.c, owner of
-- signin_backoff), and the portal counts the e-mails its sign-up and
-- password-reset forms send to each address (cgi-bin/portal/throttle.c,
-- owner of mail_request). Times are UTC.

-- One row per thing that waits, by scope:
--   pair:   an account (or a login that names none) from one client
--           address: the owner signing in from elsewhere is not slowed;
--   client: one client address, whatever login it types;
--   owner:  an account (client_ip empty): when its owner was last told of
--           failed sign-ins by e-mail (last_at), so that many addresses do
--           not flood the owner's mailbox.
-- failures counts attempts checked since the last success (a count idle
-- for Signin.ForgetSeconds starts again); no attempt is checked before
-- wait_until. Rows idle that long are deleted as failures come.
CREATE TABLE signin_backoff (
  kind       ENUM('portal','staff') NOT NULL,
  scope      ENUM('pair','client','owner') NOT NULL,
  -- HMAC-SHA256 under the server secret of the account ("id:42") or, for
  -- a login that names no account, of the login in lower case: never the
  -- text, which is sometimes a password typed into the wrong field.
  -- Empty in client rows.
  login_key  VARBINARY(32) NOT NULL,
  client_ip  VARCHAR(45) NOT NULL,
  failures   INT UNSIGNED NOT NULL,
  last_at    DATETIME NOT NULL,
  wait_until DATETIME NOT NULL,
  PRIMARY KEY (kind, scope, login_key, client_ip),
  KEY ix_signin_backoff_last (last_at)
) ENGINE=InnoDB;

-- A sign-up or reset request, whether or not the address has an account
-- (so the limit says nothing about which addresses do): at most
-- Accounts.MailsPerHour per address. Only an HMAC of the address is kept.
CREATE TABLE mail_request (
  id         BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  purpose    ENUM('signup','reset') NOT NULL,
  email_key  BINARY(32) NOT NULL,
  client_ip  VARCHAR(45) NOT NULL,
  at         DATETIME NOT NULL,
  KEY ix_mail_request_key (email_key, at),
  KEY ix_mail_request_at (at)
) ENGINE=InnoDB;

-- The hard lock is gone: anyone could trigger it for any account.
ALTER TABLE portal_account DROP COLUMN failed_logins, DROP COLUMN locked_until;
ALTER TABLE staff DROP COLUMN failed_logins, DROP COLUMN locked_until;
