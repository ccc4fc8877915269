<?cs # risk/reinspect-new.cs: an analyst orders a re-inspection of an object ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.risk.reinsp.new_title ?>
<?cs def:content() ?>
<h1><?cs var:L.risk.reinsp.new_title ?></h1>
<p class="lead"><?cs var:L.risk.reinsp.new_intro ?></p>
<?cs call:form_errors() ?>
<form method="post" action="/skr/risk/reinspections/new" id="reinspect-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:select("subject", L.risk.reinsp.subject, L.risk.opt.subject, Form.subject) ?>
 <?cs call:input("value", L.risk.reinsp.value, "text", Form.value, "required") ?>
 <?cs call:textarea("reason", L.risk.reinsp.reason, Form.reason, 4) ?>
 <?cs call:input("valid_from", L.risk.reinsp.valid_from, "date", Form.valid_from, "required") ?>
 <?cs call:input("valid_to", L.risk.reinsp.valid_to, "date", Form.valid_to, "required") ?>
 <button type="submit"><?cs var:L.risk.reinsp.save ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
