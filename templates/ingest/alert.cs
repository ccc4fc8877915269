<?cs # ingest/alert.cs: one alert: the event, the matched entry, and the suspect-object procedure with the form for its next step ?>
<?cs include:"macros.cs" ?>
<?cs include:"ingest/where.cs" ?>
<?cs set:Page.Title = L.ingest.alert.title + " " + Alert.id ?>
<?cs set:Page.Css = "ingest.css" ?>
<?cs def:content() ?>
<p><a href="/skr/alerts"><?cs var:L.ingest.alert.back ?></a></p>
<h1 class="prio-<?cs var:Alert.priority ?>"><?cs var:L.ingest.alert.title ?> <?cs var:Alert.id ?>: <?cs var:L.ingest.kind[Alert.kind] ?></h1>
<?cs call:form_errors() ?>
<dl class="facts" id="alert">
 <dt><?cs var:L.ingest.alerts.state ?></dt><dd id="alert-state"><?cs var:L.ingest.state[Alert.state] ?><?cs if:Alert.outcome ?>: <?cs var:L.ingest.outcome[Alert.outcome] ?><?cs /if ?></dd>
 <dt><?cs var:L.ingest.alert.priority ?></dt><dd><?cs var:L.ingest.priority[Alert.priority] ?></dd>
 <dt><?cs var:L.ingest.alerts.where ?></dt><dd id="alert-where"><?cs call:where(Alert.crossing, Alert.lane, Alert.lane_kind) ?></dd>
 <dt><?cs var:L.ingest.alerts.at ?></dt><dd><?cs var:local_time(Alert.created_at) ?></dd>
 <?cs if:Alert.booking_number ?><dt><?cs var:L.ingest.alert.booking ?></dt><dd id="alert-booking"><?cs var:Alert.booking_number ?></dd><?cs /if ?>
 <?cs if:Alert.device ?><dt><?cs var:L.ingest.alert.device ?></dt><dd><?cs var:Alert.device ?></dd><?cs /if ?>
</dl>
<?cs if:Alert.event_id ?>
<h2><?cs var:L.ingest.alert.event ?></h2>
<dl class="facts" id="alert-event">
 <dt><?cs var:L.ingest.alert.read_at ?></dt><dd><?cs var:local_time(Alert.ev_t) ?></dd>
 <?cs if:Alert.ev_dir ?><dt><?cs var:L.ingest.alert.dir ?></dt><dd id="alert-dir"><?cs var:L.ingest.dir[Alert.ev_dir] ?></dd><?cs /if ?>
 <dt><?cs var:L.ingest.alert.read ?></dt><dd><code><?cs var:Alert.raw ?></code><?cs if:Alert.person_name ?> · <?cs var:Alert.person_name ?><?cs /if ?><?cs if:Alert.doubtful == "1" ?> <span class="badge warn"><?cs var:L.ingest.alert.doubtful ?></span><?cs /if ?></dd>
 <?cs if:Alert.country ?><dt><?cs var:L.ingest.alert.country ?></dt><dd><?cs alt:L.country[Alert.country] ?><?cs var:Alert.country ?><?cs /alt ?></dd><?cs /if ?>
 <?cs if:Alert.vin ?><dt><?cs var:L.ingest.alert.vin ?></dt><dd><?cs var:Alert.vin ?></dd><?cs /if ?>
 <?cs if:Alert.read_confidence ?><dt><?cs var:L.ingest.alert.read_confidence ?></dt><dd><?cs var:Alert.read_confidence ?></dd><?cs /if ?>
 <dt><?cs var:L.ingest.alerts.image ?></dt><dd id="alert-image"><?cs if:Alert.image_ok == "1" ?><a href="/skr/alerts/<?cs var:Alert.id ?>/image"><img class="lane-image" src="/skr/alerts/<?cs var:Alert.id ?>/image" alt="<?cs var:L.ingest.alert.image_alt ?>"></a><?cs else ?><?cs var:L.ingest.alert.no_image ?><?cs /if ?></dd>
</dl>
<?cs /if ?>
<?cs if:Alert.entry_id ?>
<h2><?cs var:L.ingest.alert.entry ?></h2>
<dl class="facts" id="alert-entry">
 <dt><?cs var:L.ingest.watch.subject ?></dt><dd id="alert-entry-value"><?cs if:Alert.EntryLink ?><a href="/skr/watchlist/<?cs var:Alert.entry_id ?>"><?cs var:L.ingest.subject[Alert.subject] ?>: <?cs var:Alert.entry_value ?></a><?cs else ?><?cs var:L.ingest.subject[Alert.subject] ?>: <?cs var:Alert.entry_value ?><?cs /if ?></dd>
 <dt><?cs var:L.ingest.alert.match ?></dt><dd id="alert-match"><?cs var:L.ingest.confidence[Alert.confidence] ?></dd>
 <dt><?cs var:L.ingest.alert.action ?></dt><dd><?cs var:L.ingest.action[Alert.action] ?></dd>
 <dt><?cs var:L.ingest.alert.reason ?></dt><dd><?cs var:Alert.reason ?></dd>
</dl>
<?cs /if ?>
<h2><?cs var:L.ingest.alert.history ?></h2>
<table id="steps" class="stacked">
 <thead><tr><th><?cs var:L.ingest.alert.step ?></th><th><?cs var:L.ingest.alert.when ?></th><th><?cs var:L.ingest.alert.who ?></th><th><?cs var:L.ingest.alert.assigned ?></th><th><?cs var:L.ingest.alert.lane ?></th><th><?cs var:L.ingest.alert.outcome ?></th><th><?cs var:L.ingest.alert.notes ?></th></tr></thead>
 <tbody>
 <?cs each:s = Steps ?><tr><td data-label="<?cs var:L.ingest.alert.step ?>"><strong><?cs var:L.ingest.state[s.step] ?></strong></td><td class="nowrap" data-label="<?cs var:L.ingest.alert.when ?>"><?cs var:local_time(s.at) ?></td><td data-label="<?cs var:L.ingest.alert.who ?>"><?cs var:s.who ?></td><td data-label="<?cs var:L.ingest.alert.assigned ?>"><?cs var:s.assigned ?></td><td data-label="<?cs var:L.ingest.alert.lane ?>"><?cs var:s.lane ?></td><td data-label="<?cs var:L.ingest.alert.outcome ?>"><?cs if:s.outcome ?><?cs var:L.ingest.outcome[s.outcome] ?><?cs /if ?></td><td data-label="<?cs var:L.ingest.alert.notes ?>"><?cs var:s.notes ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs if:Alert.may_ack ?>
<form method="post" action="/skr/alerts/<?cs var:Alert.id ?>/ack" id="ack-form">
 <?cs call:csrf() ?>
 <p><?cs var:L.ingest.alert.ack_text ?></p>
 <button type="submit"><?cs var:L.ingest.alert.ack ?></button>
</form>
<?cs elif:Alert.may_inspect ?>
<form method="post" action="/skr/alerts/<?cs var:Alert.id ?>/inspect" id="inspect-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:select("officer", L.ingest.alert.officer, Officers, Form.officer) ?>
 <?cs call:input("lane", L.ingest.alert.lane, "text", Form.lane, "required") ?>
 <button type="submit"><?cs var:L.ingest.alert.inspect ?></button>
</form>
<?cs elif:Alert.may_close ?>
<form method="post" action="/skr/alerts/<?cs var:Alert.id ?>/close" id="close-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:select("outcome", L.ingest.alert.outcome, L.ingest.opt.outcome, Form.outcome) ?>
 <?cs call:textarea("notes", L.ingest.alert.notes, Form.notes, 4) ?>
 <button type="submit"><?cs var:L.ingest.alert.close ?></button>
</form>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
