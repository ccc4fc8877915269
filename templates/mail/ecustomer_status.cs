<?cs # mail/ecustomer_status.cs: an application's new status (plain text, not escaped) ?><?cs var:L.ecustomer.mail.hello ?>

<?cs var:L.ecustomer.mail.text ?> #<?cs var:Mail.Id ?> (<?cs var:L.ecustomer.kind[Mail.Kind] ?>: <?cs var:Mail.Subject ?>) <?cs var:L.ecustomer.mail.now ?> <?cs var:L.ecustomer.st[Mail.Status] ?>.
<?cs if:Mail.Reason ?><?cs var:L.ecustomer.mail.reason ?> <?cs var:Mail.Reason ?>
<?cs /if ?>
<?cs var:L.ecustomer.mail.link ?> <?cs var:Mail.Base ?>/ecustomer/applications/<?cs var:Mail.Id ?>

-- 
<?cs var:L.ecustomer.mail.signature ?>
