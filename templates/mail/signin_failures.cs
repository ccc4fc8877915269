<?cs # mail/signin_failures.cs: tells an account's owner that an address keeps failing to sign in to it (core/signin.c; plain text, not escaped) ?><?cs var:L.signin.mail.hello ?> <?cs var:Mail.Name ?>,

<?cs var:L.signin.mail.text ?> <?cs var:Mail.Failures ?>.

<?cs var:L.signin.mail.address ?> <?cs var:Mail.Address ?>
<?cs var:L.signin.mail.when ?> <?cs var:Mail.When ?>

<?cs var:L.signin.mail.effect ?>

<?cs var:L.signin.mail.yours ?>
<?cs if:Mail.Reset ?><?cs var:L.signin.mail.reset ?> <?cs var:Mail.Reset ?><?cs else ?><?cs var:L.signin.mail.admin ?><?cs /if ?>
<?cs var:L.signin.mail.not_yours ?>

-- 
<?cs var:L.signin.mail.signature ?>
