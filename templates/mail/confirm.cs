<?cs # mail/confirm.cs: the e-mail with the confirmation link (plain text, not escaped) ?><?cs var:L.portal.mail.hello ?> <?cs var:Mail.Name ?>,

<?cs var:L.portal.mail.confirm_text ?>

<?cs var:Mail.Link ?>

<?cs var:L.portal.mail.confirm_valid ?> <?cs var:Mail.Hours ?> <?cs var:plural(Mail.Hours, "unit.hour") ?>.
<?cs var:L.portal.mail.ignore ?>

-- 
<?cs var:L.portal.mail.signature ?>
