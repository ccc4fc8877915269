<?cs # mail/ecustomer_akcr.cs: to the company: its excise registration (AKC-R) decided (plain text, not escaped) ?><?cs var:L.ecustomer.mail.hello ?>

<?cs var:L.ecustomer.akcr.mail.text ?> <?cs var:Mail.Company ?> (#<?cs var:Mail.Id ?>) <?cs if:Mail.Status == "approved" ?><?cs var:L.ecustomer.akcr.mail.approved ?><?cs elif:Mail.Status == "rejected" ?><?cs var:L.ecustomer.akcr.mail.rejected ?><?cs else ?><?cs var:L.ecustomer.akcr.mail.other ?> <?cs var:L.ecustomer.st[Mail.Status] ?>.<?cs /if ?>
<?cs if:Mail.Number ?><?cs var:L.ecustomer.akcr.mail.number ?> <?cs var:Mail.Number ?>
<?cs /if ?><?cs if:Mail.Reason ?><?cs var:L.ecustomer.mail.reason ?> <?cs var:Mail.Reason ?>
<?cs /if ?>
-- 
<?cs var:L.ecustomer.mail.signature ?>
