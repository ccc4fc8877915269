<?cs # mail/reset_none.cs: a reset asked for an address without an account: its owner learns it here, the page says nothing (plain text, not escaped) ?><?cs var:L.portal.mail.hello ?>,

<?cs var:L.portal.mail.none_text ?>

<?cs var:L.portal.mail.none_signup ?> <?cs var:Mail.Signup ?>

<?cs var:L.portal.mail.ignore ?>

-- 
<?cs var:L.portal.mail.signature ?>
