<?cs # risk/task.cs: one control task: why it was opened, its steps, the outcome and note forms ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.risk.task.title + " " + Task.id ?>
<?cs def:content() ?>
<p><a href="/skr/control"><?cs var:L.risk.task.back ?></a></p>
<h1><?cs var:L.risk.task.title ?> <?cs var:Task.id ?></h1>
<?cs call:form_errors() ?>
<p id="task-state"><?cs var:L.risk.control.state ?>: <strong><?cs var:L.risk.state[Task.state] ?></strong><?cs if:Task.outcome ?>: <?cs var:L.risk.outcome[Task.outcome] ?><?cs if:Task.category ?> (<?cs var:L.risk.category[Task.category] ?>)<?cs /if ?><?cs /if ?></p>
<?cs include:"risk/decision-why.cs" ?>
<h2><?cs var:L.risk.task.history ?></h2>
<table id="steps" class="stacked">
 <thead><tr><th><?cs var:L.risk.task.step ?></th><th><?cs var:L.risk.task.when ?></th><th><?cs var:L.risk.task.who ?></th><th><?cs var:L.risk.task.outcome ?></th><th><?cs var:L.risk.task.notes ?></th></tr></thead>
 <tbody>
 <?cs each:s = Steps ?><tr><td data-label="<?cs var:L.risk.task.step ?>"><strong><?cs var:L.risk.step[s.step] ?></strong></td><td class="nowrap" data-label="<?cs var:L.risk.task.when ?>"><?cs var:local_time(s.at) ?></td><td data-label="<?cs var:L.risk.task.who ?>"><?cs var:s.who ?></td><td data-label="<?cs var:L.risk.task.outcome ?>"><?cs if:s.outcome ?><?cs var:L.risk.outcome[s.outcome] ?><?cs if:s.category ?> (<?cs var:L.risk.category[s.category] ?>)<?cs /if ?><?cs /if ?></td><td data-label="<?cs var:L.risk.task.notes ?>"><?cs var:s.notes ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs if:Task.may_close ?>
<h2><?cs var:L.risk.task.close ?></h2>
<form method="post" action="/skr/control/<?cs var:Task.id ?>/close" id="close-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:select("outcome", L.risk.task.outcome, L.risk.opt.outcome, Form.outcome) ?>
 <?cs call:select("category", L.risk.task.category, L.risk.opt.category, Form.category) ?>
 <?cs call:textarea("notes", L.risk.task.notes, Form.notes, 3) ?>
 <button type="submit"><?cs var:L.risk.task.save ?></button>
</form>
<?cs /if ?>
<?cs if:Task.may_note ?>
<h2><?cs var:L.risk.task.add_note ?></h2>
<form method="post" action="/skr/control/<?cs var:Task.id ?>/note" id="note-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:textarea("notes", L.risk.task.notes, Form.notes, 3) ?>
 <button type="submit" class="secondary"><?cs var:L.risk.task.note ?></button>
</form>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
