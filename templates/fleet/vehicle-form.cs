<?cs # fleet/vehicle-form.cs: a vehicle's create (no Vehicle.id) and edit form; every field's message beside it ?>
<?cs include:"macros.cs" ?>
<?cs if:Vehicle.id ?><?cs set:Page.Title = L.Fleet.vehicle.edit ?><?cs else ?><?cs set:Page.Title = L.Fleet.vehicles.new ?><?cs /if ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs if:Vehicle.id ?><?cs var:L.Fleet.vehicle.edit ?>: <?cs var:Vehicle.plate ?><?cs else ?><?cs var:L.Fleet.vehicles.new ?><?cs /if ?></h1>
<?cs if:Vehicle.Stale ?><div class="alert" role="alert" id="stale"><?cs var:Vehicle.Stale ?></div><?cs else ?><?cs call:form_errors() ?><?cs /if ?>
<form method="post" action="<?cs if:Vehicle.id ?>/skr/fleet/vehicles/<?cs var:Vehicle.id ?>/edit<?cs else ?>/skr/fleet/vehicles/new<?cs /if ?>" id="vehicle-form">
 <?cs call:csrf() ?>
 <?cs if:Vehicle.id ?><input type="hidden" name="version" value="<?cs var:Form.version ?>"><?cs /if ?>
 <?cs call:input("plate", L.Fleet.v.plate, "text", Form.plate, "required") ?>
 <?cs call:input("vin", L.Fleet.v.vin, "text", Form.vin, "required") ?>
 <p class="muted"><?cs var:L.Fleet.vehicle.vin_hint ?></p>
 <?cs call:input("make", L.Fleet.v.make, "text", Form.make, "required") ?>
 <?cs call:input("model", L.Fleet.v.model, "text", Form.model, "required") ?>
 <?cs call:select("kind", L.Fleet.v.kind, Opt.kind, Form.kind) ?>
 <?cs call:select("unit", L.Fleet.v.unit, Opt.unit, Form.unit) ?>
 <?cs call:select("fuel", L.Fleet.v.fuel, Opt.fuel, Form.fuel) ?>
 <?cs call:input("tank_l", L.Fleet.v.tank, "text", Form.tank_l, "required") ?>
 <?cs call:input("norm_l100", L.Fleet.v.norm, "text", Form.norm_l100, "required") ?>
 <?cs call:input("odometer_km", L.Fleet.v.odometer_km, "text", Form.odometer_km, "required") ?>
 <?cs if:Form.odometer_km.Last ?><p class="muted" id="odometer-last"><?cs var:L.Fleet.vehicle.last_reading ?> <?cs var:Form.odometer_km.Last ?> km</p><?cs /if ?>
 <div class="field"><label class="check"><input type="checkbox" name="marked" value="1"<?cs if:Form.marked == "1" ?> checked<?cs /if ?>> <?cs var:L.Fleet.v.marked ?></label></div>
 <div class="field"><label class="check"><input type="checkbox" name="pool" value="1"<?cs if:Form.pool == "1" ?> checked<?cs /if ?>> <?cs var:L.Fleet.vehicle.pool_text ?></label></div>
 <fieldset class="field<?cs if:Form.equipment.Error ?> invalid<?cs /if ?>" id="equipment">
  <legend><?cs var:L.Fleet.v.equipment ?></legend>
  <?cs each:o = Opt.equipment ?><label class="check"><input type="checkbox" name="equipment" value="<?cs var:o.Value ?>"<?cs if:Form.equipment[o.Value] ?> checked<?cs /if ?>> <?cs var:o.Label ?></label> <?cs /each ?>
  <?cs call:field_error("equipment", Form.equipment) ?>
 </fieldset>
 <button type="submit"><?cs var:L.Fleet.vehicle.save ?></button>
 <?cs if:Vehicle.id ?><a class="button secondary" href="/skr/fleet/vehicles/<?cs var:Vehicle.id ?>"><?cs var:L.Fleet.vehicle.cancel ?></a><?cs /if ?>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
