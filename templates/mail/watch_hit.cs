<?cs # mail/watch_hit.cs: a hit of a watch-list entry whose action is to notify its issuing unit, to each of the unit's officers (plain text, not escaped) ?><?cs var:L.ingest.mail.hello ?>

<?cs var:L.ingest.mail.hit ?>

<?cs var:L.ingest.mail.entry ?> <?cs var:Mail.entry_id ?>: <?cs var:L.ingest.subject[Mail.subject] ?> <?cs var:Mail.value ?>
<?cs var:L.ingest.mail.where ?>: <?cs if:Lang.Code == "en" ?><?cs var:Mail.crossing_en ?><?cs else ?><?cs var:Mail.crossing_pl ?><?cs /if ?><?cs if:Mail.booking ?>, <?cs var:L.ingest.mail.booking ?> <?cs var:Mail.booking ?><?cs else ?>, <?cs var:L.ingest.mail.lane ?> <?cs var:Mail.lane ?><?cs /if ?>
<?cs var:L.ingest.mail.confidence ?>: <?cs var:L.ingest.confidence[Mail.confidence] ?>
<?cs var:L.ingest.mail.when ?>: <?cs var:Mail.at ?> <?cs var:L.ingest.mail.local ?>
<?cs var:L.ingest.mail.alert ?> <?cs var:Mail.alert_id ?>

<?cs var:L.ingest.mail.more ?> <?cs var:Mail.Base ?>/skr/

-- 
<?cs var:L.ingest.mail.signature ?>
