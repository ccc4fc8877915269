<?cs # mail/ebt_guest_code.cs: the code that confirms a booking without an account (plain text, not escaped) ?><?cs var:L.ebt.mail.hello ?>

<?cs var:L.ebt.guest.mail_code ?> <?cs var:Mail.code ?>
<?cs var:L.ebt.crossing ?>: <?cs if:Lang.Code == "en" ?><?cs var:Mail.name_en ?><?cs else ?><?cs var:Mail.name_pl ?><?cs /if ?>
<?cs var:L.ebt.when ?>: <?cs var:Mail.day ?> <?cs var:Mail.hour ?>:00 <?cs var:L.ebt.local ?>

<?cs var:L.ebt.guest.mail_valid ?> <?cs var:Mail.minutes ?> <?cs var:plural(Mail.minutes, "unit.minute") ?>.
<?cs var:L.ebt.guest.mail_ignore ?>

-- 
<?cs var:L.ebt.mail.signature ?>
