<?cs # mail/ebt_changed.cs: a booking moved to another hour (plain text, not escaped) ?><?cs var:L.ebt.mail.hello ?>

<?cs var:L.ebt.mail.changed ?> <?cs var:Mail.number ?>: <?cs var:Mail.day ?> <?cs var:Mail.hour ?>:00 <?cs var:L.ebt.local ?>

-- 
<?cs var:L.ebt.mail.signature ?>
