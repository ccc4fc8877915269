<?cs # mail/reset.cs: the e-mail with the link to set a new password (plain text, not escaped) ?><?cs var:L.portal.mail.hello ?> <?cs var:Mail.Name ?>,

<?cs var:L.portal.mail.reset_text ?>

<?cs var:Mail.Link ?>

<?cs var:L.portal.mail.reset_valid ?> <?cs var:Mail.Minutes ?> <?cs var:plural(Mail.Minutes, "unit.minute") ?>.
<?cs var:L.portal.mail.ignore ?>

-- 
<?cs var:L.portal.mail.signature ?>
