<?cs # ingest/alerts.cs: the alerts of the officer's crossings, newest first; static/alerts.js polls the feed for newer rows, without it the reload link does ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ingest.alerts.title ?>
<?cs set:Page.Css = "ingest.css" ?>
<?cs set:Page.Script = "alerts.js" ?>
<?cs def:content() ?>
<h1><?cs var:L.ingest.alerts.title ?></h1>
<p class="lead"><?cs var:L.ingest.alerts.intro ?></p>
<p><?cs var:L.ingest.alerts.scope ?>: <strong id="scope"><?cs each:c = ScopeList ?><?cs if:name(c) != "0" ?>, <?cs /if ?><?cs alt:CrossingName[c] ?><?cs var:c ?><?cs /alt ?><?cs /each ?></strong> ·
 <a href="/skr/alerts" id="reload"><?cs var:L.ingest.alerts.reload ?></a> ·
 <a href="/skr/alerts?open=1"><?cs var:L.ingest.alerts.open_only ?></a>
 <span id="live" class="live" hidden><?cs var:L.ingest.alerts.live ?></span></p>
<div class="table-wrap">
<table id="alerts" data-newest="<?cs var:Newest ?>" data-feed="/skr/alerts/feed">
 <thead><tr><th><?cs var:L.ingest.alerts.id ?></th><th><?cs var:L.ingest.alerts.at ?></th><th></th><th><?cs var:L.ingest.alerts.where ?></th><th><?cs var:L.ingest.alerts.what ?></th><th><?cs var:L.ingest.alerts.entry ?></th><th><?cs var:L.ingest.alerts.image ?></th><th><?cs var:L.ingest.alerts.state ?></th></tr></thead>
 <tbody id="alert-rows"><?cs include:"ingest/alerts-rows.cs" ?></tbody>
</table>
</div>
<?cs if:subcount(Alerts) == 0 ?><p id="alerts-empty"><?cs var:L.ingest.alerts.empty ?></p><?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
