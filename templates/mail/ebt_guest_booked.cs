<?cs # mail/ebt_guest_booked.cs: the confirmation of a booking without an account: the number, no link (plain text, not escaped) ?><?cs var:L.ebt.mail.hello ?>

<?cs var:L.ebt.mail.booked ?> <?cs var:Mail.number ?>
<?cs var:L.ebt.crossing ?>: <?cs if:Lang.Code == "en" ?><?cs var:Mail.crossing_en ?><?cs else ?><?cs var:Mail.crossing_pl ?><?cs /if ?>
<?cs var:L.ebt.when ?>: <?cs var:Mail.day ?> <?cs var:Mail.hour ?>:00 <?cs var:L.ebt.local ?>
<?cs var:L.ebt.f.plate ?>: <?cs var:Mail.plate ?>

<?cs var:L.ebt.guest.once ?>

-- 
<?cs var:L.ebt.mail.signature ?>
