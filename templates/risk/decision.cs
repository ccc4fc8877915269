<?cs # risk/decision.cs: one control decision and why it was made ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.risk.decision.title + " " + Decision.id ?>
<?cs def:content() ?>
<h1><?cs var:L.risk.decision.title ?> <?cs var:Decision.id ?></h1>
<?cs include:"risk/decision-why.cs" ?>
<?cs if:Decision.Task.id ?>
<h2><?cs var:L.risk.task.title ?></h2>
<p id="decision-task"><?cs if:Decision.Task.link ?><a href="/skr/control/<?cs var:Decision.Task.id ?>"><?cs var:L.risk.task.title ?> <?cs var:Decision.Task.id ?></a><?cs else ?><?cs var:L.risk.task.title ?> <?cs var:Decision.Task.id ?><?cs /if ?>: <?cs var:L.risk.state[Decision.Task.state] ?><?cs if:Decision.Task.outcome ?>, <?cs var:L.risk.outcome[Decision.Task.outcome] ?><?cs /if ?></p>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
