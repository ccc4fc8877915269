<?cs # mail/ebt_cancelled.cs: a booking cancelled (plain text, not escaped) ?><?cs var:L.ebt.mail.hello ?>

<?cs var:L.ebt.mail.cancelled ?> <?cs var:Mail.number ?>

-- 
<?cs var:L.ebt.mail.signature ?>
