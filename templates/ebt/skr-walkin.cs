<?cs # ebt/skr-walkin.cs: registering a truck without a booking ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.skr.walkin ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.skr.walkin ?></h1>
<p class="lead"><?cs var:L.ebt.skr.walkin_intro ?></p>
<?cs if:Page.Refusal ?><div class="alert" role="alert" id="refusal"><?cs var:Page.Refusal ?></div><?cs /if ?>
<?cs call:form_errors() ?>
<form method="post" action="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/walkin" id="walkin" novalidate>
 <?cs call:csrf() ?>
 <?cs call:input("plate", L.ebt.f.plate, "text", Form.plate, "required") ?>
 <?cs call:input("plate_country", L.ebt.f.plate_country, "text", Form.plate_country, "required") ?>
 <?cs call:input("trailer_plate", L.ebt.f.trailer_plate, "text", Form.trailer_plate, "") ?>
 <?cs call:input("driver_name", L.ebt.f.driver_name, "text", Form.driver_name, "required") ?>
 <?cs call:input("driver_doc", L.ebt.f.driver_doc, "text", Form.driver_doc, "required") ?>
 <?cs call:input("driver_phone", L.ebt.f.driver_phone, "tel", Form.driver_phone, "required") ?>
 <?cs call:textarea("mrns", L.ebt.f.mrns, Form.mrns, 2) ?>
 <?cs call:textarea("goods", L.ebt.f.goods, Form.goods, 2) ?>
 <?cs call:input("mass_kg", L.ebt.f.mass_kg, "text", Form.mass_kg, "required") ?>
 <?cs call:input("packages", L.ebt.f.packages, "text", Form.packages, "") ?>
 <button type="submit"><?cs var:L.ebt.skr.walkin_btn ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
