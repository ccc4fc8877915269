<?cs # ebt/truck-fields.cs: the truck, the driver and the goods: the fields every way of booking asks for (the wizard's form, the booking without an account, the officer's walk-in); domain/booking.c checks them the same way for all ?>
<?cs def:truck_fields() ?>
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
<?cs /def ?>
