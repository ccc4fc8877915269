<?cs # mail/fleet_deadline.cs: a vehicle's deadline near or past, to each fleet manager over its unit (plain text, not escaped) ?><?cs var:L.Fleet.Doc.mail.hello ?>

<?cs if:Mail.overdue ?><?cs var:L.Fleet.Doc.mail.overdue ?><?cs else ?><?cs var:L.Fleet.Doc.mail.soon ?><?cs /if ?>

<?cs var:L.Fleet.v.plate ?>: <?cs var:Mail.plate ?> (<?cs var:Mail.make ?> <?cs var:Mail.model ?>)
<?cs var:L.Fleet.Doc.f.kind ?>: <?cs var:L.Fleet.doc_kind[Mail.kind] ?><?cs if:Mail.number ?> <?cs var:Mail.number ?><?cs /if ?>
<?cs if:Mail.due.set ?><?cs var:L.Fleet.Doc.mail.due ?>: <?cs var:Mail.due.d ?> <?cs var:L.Fleet.Doc.month[Mail.due.m] ?> <?cs var:Mail.due.y ?> (<?cs if:Mail.days_left > 0 ?><?cs var:L.Fleet.Doc.due.in ?> <?cs var:Mail.days_left ?> <?cs var:plural(Mail.days_left, "Fleet.Doc.due.day") ?><?cs elif:Mail.days_left == 0 ?><?cs var:L.Fleet.Doc.due.today ?><?cs else ?><?cs var:L.Fleet.Doc.due.overdue_by ?> <?cs var:Mail.days_late ?> <?cs var:plural(Mail.days_late, "Fleet.Doc.due.day") ?><?cs /if ?>)
<?cs /if ?><?cs if:Mail.km ?><?cs var:L.Fleet.Doc.mail.due_km ?>: <?cs var:Mail.km ?> km<?cs if:Mail.by_km && Mail.overdue ?> (<?cs var:L.Fleet.Doc.due.overdue_by ?> <?cs var:Mail.km_late ?> km)<?cs /if ?>
<?cs /if ?>
<?cs var:L.Fleet.Doc.mail.more ?> <?cs var:Mail.Base ?>/skr/fleet/vehicles/<?cs var:Mail.vehicle_id ?>/documents

-- 
<?cs var:L.Fleet.Doc.mail.signature ?>
