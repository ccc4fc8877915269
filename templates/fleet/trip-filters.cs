<?cs # fleet/trip-filters.cs: the filters the reservation and trip lists share (the query's unit, vehicle, dates, status); kind: "res" or "trip" ?>
<?cs def:trip_filters(action, kind) ?>
<form method="get" action="<?cs var:action ?>" class="filters" id="<?cs var:kind ?>-filters">
 <?cs if:Form.vehicle && !Form.vehicle.Error ?><input type="hidden" name="vehicle" value="<?cs var:Form.vehicle ?>"><?cs /if ?>
 <?cs if:subcount(Opt.unit) ?>
 <div class="field<?cs if:Form.unit.Error ?> invalid<?cs /if ?>">
  <label for="f-unit"><?cs var:L.Fleet.v.unit ?></label>
  <select id="f-unit" name="unit">
   <option value=""><?cs var:L.Fleet.any ?></option>
   <?cs each:o = Opt.unit ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.unit ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("unit", Form.unit) ?>
 </div>
 <?cs /if ?>
 <?cs call:input("from", L.Fleet.Trip.from, "date", Form.from, "") ?>
 <?cs call:input("to", L.Fleet.Trip.to, "date", Form.to, "") ?>
 <div class="field<?cs if:Form.status.Error ?> invalid<?cs /if ?>">
  <label for="f-status"><?cs var:L.Fleet.v.status ?></label>
  <select id="f-status" name="status">
   <option value=""><?cs var:L.Fleet.any ?></option>
   <?cs if:kind == "res" ?><?cs each:o = L.Fleet.Res.status ?><option value="<?cs name:o ?>"<?cs if:name(o) == Form.status ?> selected<?cs /if ?>><?cs var:o ?></option><?cs /each ?>
   <?cs else ?><?cs each:o = L.Fleet.Trip.status ?><option value="<?cs name:o ?>"<?cs if:name(o) == Form.status ?> selected<?cs /if ?>><?cs var:o ?></option><?cs /each ?><?cs /if ?>
  </select>
  <?cs call:field_error("status", Form.status) ?>
 </div>
 <?cs if:kind == "trip" ?>
 <div class="field<?cs if:Form.purpose.Error ?> invalid<?cs /if ?>">
  <label for="f-purpose"><?cs var:L.Fleet.Trip.purpose_th ?></label>
  <select id="f-purpose" name="purpose">
   <option value=""><?cs var:L.Fleet.any ?></option>
   <?cs each:o = Opt.purpose ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.purpose ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("purpose", Form.purpose) ?>
 </div>
 <?cs /if ?>
 <?cs call:field_error("vehicle", Form.vehicle) ?>
 <button type="submit" class="secondary"><?cs var:L.Fleet.filter ?></button>
</form>
<?cs /def ?>
