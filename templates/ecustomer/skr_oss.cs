<?cs # ecustomer/skr_oss.cs: the one-stop-shop: which office handles every registration application, and handing it to another ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.oss.title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.oss.title ?></h1>
<p><?cs var:L.ecustomer.oss.lead ?></p>
<p id="oss-now"><?cs var:L.ecustomer.oss.now ?> <strong><?cs var:Oss.code ?></strong> · <?cs var:Oss.name ?></p>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/skr/ecustomer/office">
 <?cs call:csrf() ?>
 <?cs call:select("unit", L.ecustomer.oss.unit, Options.Office, Form.unit) ?>
 <p class="hint"><?cs var:L.ecustomer.oss.moves ?></p>
 <p><button type="submit"><?cs var:L.ecustomer.oss.save ?></button></p>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
