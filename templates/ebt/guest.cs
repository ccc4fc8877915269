<?cs # ebt/guest.cs: a one-off booking without an account: the hour, the truck, the e-mail and phone the code goes to; re-shown with errors ?>
<?cs include:"macros.cs" ?>
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
 <fieldset><legend><?cs var:L.ebt.form.truck ?></legend>
 <?cs call:input("plate", L.ebt.f.plate, "text", Form.plate, "required") ?>
 <?cs call:input("plate_country", L.ebt.f.plate_country, "text", Form.plate_country, "required") ?>
 <?cs call:input("trailer_plate", L.ebt.f.trailer_plate, "text", Form.trailer_plate, "") ?>
 </fieldset>
 <fieldset><legend><?cs var:L.ebt.form.driver ?></legend>
 <?cs call:input("driver_name", L.ebt.f.driver_name, "text", Form.driver_name, "required") ?>
 <?cs call:input("driver_doc", L.ebt.f.driver_doc, "text", Form.driver_doc, "required") ?>
 <?cs call:input("driver_phone", L.ebt.f.driver_phone, "tel", Form.driver_phone, "required") ?>
 </fieldset>
 <fieldset><legend><?cs var:L.ebt.form.goods ?></legend>
 <?cs call:textarea("mrns", L.ebt.f.mrns, Form.mrns, 2) ?>
 <?cs call:textarea("goods", L.ebt.f.goods, Form.goods, 2) ?>
 <?cs call:input("mass_kg", L.ebt.f.mass_kg, "text", Form.mass_kg, "required") ?>
 <?cs call:input("packages", L.ebt.f.packages, "text", Form.packages, "") ?>
 </fieldset>
 <fieldset><legend><?cs var:L.ebt.guest.contact ?></legend>
 <p class="muted"><?cs var:L.ebt.guest.contact_text ?></p>
 <?cs call:input("email", L.ebt.guest.email, "email", Form.email, "required") ?>
 <?cs call:input("phone", L.ebt.guest.phone, "tel", Form.phone, "required") ?>
 </fieldset>
 <button type="submit"><?cs var:L.ebt.guest.send ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
