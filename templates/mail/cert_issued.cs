<?cs # mail/cert_issued.cs: a certificate was issued (plain text, not escaped) ?><?cs var:L.cert.mail.hello ?> <?cs var:Mail.Name ?>,

<?cs var:L.cert.mail.issued_text ?>

<?cs var:L.cert.serial ?>: <?cs var:Mail.Serial ?>
<?cs var:L.cert.subject ?>: <?cs var:Mail.Subject ?>
<?cs var:L.cert.mail.not_after ?>: <?cs var:local_time(Mail.NotAfter) ?> <?cs var:L.cert.mail.local ?>

<?cs var:L.cert.mail.download_at ?>
<?cs var:Mail.BaseUrl ?>/ecustomer/certificates

<?cs var:L.cert.mail.not_you ?>

-- 
<?cs var:L.cert.mail.signature ?>
