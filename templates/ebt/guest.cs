<?cs # ebt/guest.cs: a one-off booking without an account: the hour, the truck, the e-mail and phone the code goes to; re-shown with errors ?>
<?cs include:"macros.cs" ?>
<?cs include:"ebt/truck-fields.cs" ?>
<?cs set:Page.Title = L.ebt.guest.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.guest.title ?></h1>
<p class="lead"><?cs var:L.ebt.guest.intro ?></p>
<?cs call:form_errors() ?>
<form method="post" action="/ebt/guest" id="guest" novalidate>
 <?cs call:csrf() ?>
 <fieldset><legend><?cs var:L.ebt.step.hour ?></legend>
 <?cs call:select("crossing", L.ebt.crossing, Crossings, Form.crossing) ?>
 <?cs call:input("day", L.ebt.day, "date", Form.day, "required") ?>
 <?cs call:input("hour", L.ebt.guest.hour, "number", Form.hour, "required") ?>
 </fieldset>
 <?cs call:truck_fields() ?>
 <fieldset><legend><?cs var:L.ebt.guest.contact ?></legend>
 <p class="muted"><?cs var:L.ebt.guest.contact_text ?></p>
 <?cs call:input("email", L.ebt.guest.email, "email", Form.email, "required") ?>
 <?cs call:input("phone", L.ebt.guest.phone, "tel", Form.phone, "required") ?>
 </fieldset>
 <button type="submit"><?cs var:L.ebt.guest.send ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
