<?cs # mail/ecustomer_rep.cs: a representation's news to both sides: requested, accepted, refused, granted, waiting for the office, verified, its power of attorney refused (plain text, not escaped) ?><?cs var:L.ecustomer.mail.hello ?>

<?cs var:L.ecustomer.rep_mail.event[Mail.Event] ?>
<?cs var:L.ecustomer.reps_page.who ?>: <?cs var:Mail.Who ?>
<?cs var:L.ecustomer.company.name ?>: <?cs var:Mail.Company ?>
<?cs var:L.ecustomer.rep_type_label ?>: <?cs var:L.ecustomer.rep_type[Mail.Type] ?>
<?cs var:L.ecustomer.rep_state_label ?>: <?cs var:L.ecustomer.rep_state[Mail.State] ?>
<?cs if:Mail.Reason ?><?cs var:L.ecustomer.mail.reason ?> <?cs var:Mail.Reason ?>
<?cs /if ?>
<?cs var:L.ecustomer.mail.link ?> <?cs var:Mail.Base ?>/ecustomer/represent

-- 
<?cs var:L.ecustomer.mail.signature ?>
