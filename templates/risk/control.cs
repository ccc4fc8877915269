<?cs # risk/control.cs: the control tasks of the officer's crossings ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.risk.control.title ?>
<?cs def:content() ?>
<h1><?cs var:L.risk.control.title ?></h1>
<p class="lead"><?cs var:L.risk.control.intro ?></p>
<p><?cs if:OpenOnly ?><a href="/skr/control?all=1"><?cs var:L.risk.control.all ?></a><?cs else ?><a href="/skr/control"><?cs var:L.risk.control.open_only ?></a><?cs /if ?></p>
<?cs if:subcount(Tasks) == 0 ?><p id="tasks-empty"><?cs var:L.risk.control.empty ?></p><?cs else ?>
<table id="tasks" class="stacked">
 <thead><tr><th><?cs var:L.risk.control.id ?></th><th><?cs var:L.risk.control.decision ?></th><th><?cs var:L.risk.control.object ?></th><th><?cs var:L.risk.control.crossing ?></th><th><?cs var:L.risk.control.at ?></th><th><?cs var:L.risk.control.state ?></th></tr></thead>
 <tbody>
 <?cs each:t = Tasks ?><tr data-id="<?cs var:t.id ?>"><td data-label="<?cs var:L.risk.control.id ?>"><a href="/skr/control/<?cs var:t.id ?>"><?cs var:t.id ?></a></td><td data-label="<?cs var:L.risk.control.decision ?>"><?cs set:Risk.DecisionLink = "" ?><?cs call:decision_badge(t.decision_id, t.colour, t.decision_random) ?></td><td data-label="<?cs var:L.risk.control.object ?>"><?cs var:L.risk.kind[t.object_kind] ?>: <code><?cs var:t.object_key ?></code></td><td data-label="<?cs var:L.risk.control.crossing ?>"><?cs if:CrossingName[t.crossing] ?><?cs var:CrossingName[t.crossing] ?><?cs else ?><?cs var:t.crossing ?><?cs /if ?></td><td class="nowrap" data-label="<?cs var:L.risk.control.at ?>"><?cs var:local_time(t.created_at) ?></td><td data-label="<?cs var:L.risk.control.state ?>"><?cs var:L.risk.state[t.state] ?><?cs if:t.outcome ?>: <?cs var:L.risk.outcome[t.outcome] ?><?cs /if ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
