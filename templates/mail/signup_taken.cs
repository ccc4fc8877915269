<?cs # mail/signup_taken.cs: a sign-up with an address that already has an account tells the owner, not the visitor (plain text, not escaped) ?><?cs var:L.portal.mail.hello ?> <?cs var:Mail.Name ?>,

<?cs var:L.portal.mail.taken_text ?>

<?cs var:L.portal.mail.taken_signin ?> <?cs var:Mail.Signin ?>
<?cs var:L.portal.mail.taken_reset ?> <?cs var:Mail.Reset ?>

<?cs var:L.portal.mail.ignore ?>

-- 
<?cs var:L.portal.mail.signature ?>
