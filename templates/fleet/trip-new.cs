<?cs # fleet/trip-new.cs: open a trip card: vehicle, driver (a manager picks), start, announced return, purpose, route, odometer out, passengers ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Trip.new ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Trip.new ?></h1>
<p class="lead"><?cs var:L.Fleet.Trip.new_intro ?></p>
<?cs call:form_errors() ?>
<form method="post" action="/skr/fleet/trips/new" id="trip-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:select("vehicle", L.Fleet.Trip.vehicle, Opt.vehicle, Form.vehicle) ?>
 <?cs if:Trip.PickDriver ?>
 <div class="field<?cs if:Form.driver.Error ?> invalid<?cs /if ?>">
  <label for="f-driver"><?cs var:L.Fleet.Trip.driver ?></label>
  <select id="f-driver" name="driver"<?cs if:Form.driver.Error ?> aria-invalid="true" aria-describedby="e-driver"<?cs /if ?>>
   <option value=""><?cs var:L.Fleet.Res.myself ?></option>
   <?cs each:o = Opt.driver ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.driver ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("driver", Form.driver) ?>
 </div>
 <?cs else ?><?cs call:field_error("driver", Form.driver) ?>
 <?cs /if ?>
 <?cs call:input("start", L.Fleet.Trip.start, "datetime-local", Form.start, "required") ?>
 <?cs call:input("until", L.Fleet.Trip.until, "datetime-local", Form.until, "required") ?>
 <p class="muted"><?cs var:L.Fleet.Trip.local_time ?></p>
 <?cs call:select("purpose", L.Fleet.Trip.purpose_th, Opt.purpose, Form.purpose) ?>
 <?cs call:input("route", L.Fleet.Trip.route, "text", Form.route, "required") ?>
 <?cs call:input("odo_out", L.Fleet.Trip.odo_out, "number", Form.odo_out, "required") ?>
 <?cs if:subcount(Opt.passenger) ?>
 <fieldset class="field<?cs if:Form.passenger.Error ?> invalid<?cs /if ?>" id="passengers">
  <legend><?cs var:L.Fleet.Trip.passengers ?></legend>
  <?cs each:o = Opt.passenger ?><label class="check"><input type="checkbox" name="passenger" value="<?cs var:o.Value ?>"<?cs if:Form.passenger[o.Value] ?> checked<?cs /if ?>> <?cs var:o.Label ?></label><?cs /each ?>
  <?cs call:field_error("passenger", Form.passenger) ?>
 </fieldset>
 <?cs /if ?>
 <button type="submit"><?cs var:L.Fleet.Trip.open ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
