<?cs # ingest/watch-new.cs: a new watch-list entry, saved for a second officer's approval ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ingest.watch.new_title ?>
<?cs set:Page.Css = "ingest.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ingest.watch.new_title ?></h1>
<p class="lead"><?cs var:L.ingest.watch.new_intro ?></p>
<?cs call:form_errors() ?>
<form method="post" action="/skr/watchlist/new" id="watch-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:select("subject", L.ingest.watch.subject, L.ingest.opt.subject, Form.subject) ?>
 <?cs call:input("value", L.ingest.watch.value, "text", Form.value, "required") ?>
 <?cs call:input("country", L.ingest.watch.country, "text", Form.country, "") ?>
 <?cs call:input("birth_date", L.ingest.watch.birth_date, "date", Form.birth_date, "") ?>
 <?cs call:textarea("reason", L.ingest.watch.reason, Form.reason, 4) ?>
 <?cs call:select("action", L.ingest.watch.action, L.ingest.opt.action, Form.action) ?>
 <?cs call:select("priority", L.ingest.watch.priority, L.ingest.opt.priority, Form.priority) ?>
 <?cs call:input("valid_from", L.ingest.watch.valid_from, "date", Form.valid_from, "required") ?>
 <?cs call:input("valid_to", L.ingest.watch.valid_to, "date", Form.valid_to, "required") ?>
 <button type="submit"><?cs var:L.ingest.watch.save ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
