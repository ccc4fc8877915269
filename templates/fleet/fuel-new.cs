<?cs # fleet/fuel-new.cs: a refuelling as on the receipt: vehicle, when (Warsaw time), litres, price of a litre, odometer, station, fuel card ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Fuel.new ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Fuel.new ?></h1>
<form method="post" action="/skr/fleet/fuel" class="form" id="fuel-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <div class="field<?cs if:Form.vehicle.Error ?> invalid<?cs /if ?>">
  <label for="f-vehicle"><?cs var:L.Fleet.Fuel.vehicle ?></label>
  <select id="f-vehicle" name="vehicle"<?cs if:Form.vehicle.Error ?> aria-invalid="true" aria-describedby="e-vehicle"<?cs /if ?>>
   <option value=""><?cs var:L.form.choose ?></option>
   <?cs each:o = Opt.vehicle ?><option value="<?cs var:o.id ?>"<?cs if:o.id == Form.vehicle ?> selected<?cs /if ?>><?cs var:o.plate ?> · <?cs var:o.make ?> <?cs var:o.model ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("vehicle", Form.vehicle) ?>
 </div>
 <?cs call:input("day", L.Fleet.Fuel.day, "date", Form.day, "required") ?>
 <?cs call:input("time", L.Fleet.Fuel.time, "time", Form.time, "required") ?>
 <p class="hint"><?cs var:L.Fleet.Fuel.time_hint ?></p>
 <?cs call:input("litres", L.Fleet.Fuel.litres, "text", Form.litres, "required") ?>
 <?cs call:input("price", L.Fleet.Fuel.price_input, "text", Form.price, "required") ?>
 <p class="hint"><?cs var:L.Fleet.Fuel.price_hint ?></p>
 <?cs call:input("odometer", L.Fleet.Fuel.odometer_input, "text", Form.odometer, "required") ?>
 <?cs call:input("station", L.Fleet.Fuel.station, "text", Form.station, "required") ?>
 <?cs call:input("card", L.Fleet.Fuel.card, "text", Form.card, "") ?>
 <p class="hint"><?cs var:L.Fleet.Fuel.card_hint ?></p>
 <button type="submit"><?cs var:L.Fleet.Fuel.save ?></button>
 <a href="/skr/fleet/fuel"><?cs var:L.form.cancel ?></a>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
