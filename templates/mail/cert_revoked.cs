<?cs # mail/cert_revoked.cs: a certificate was revoked (plain text, not escaped) ?><?cs var:L.cert.mail.hello ?> <?cs var:Mail.Name ?>,

<?cs if:Mail.ByStaff == "1" ?><?cs var:L.cert.mail.revoked_by_office ?><?cs else ?><?cs var:L.cert.mail.revoked_text ?><?cs /if ?>

<?cs var:L.cert.serial ?>: <?cs var:Mail.Serial ?>
<?cs var:L.cert.mail.reason ?>: <?cs var:Mail.Reason ?>

<?cs var:L.cert.mail.revoked_after ?>
<?cs var:Mail.BaseUrl ?>/ecustomer/ca/crl.pem

-- 
<?cs var:L.cert.mail.signature ?>
