<?cs # fleet/reserve-new.cs: reserve a pool vehicle for a span of local time ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Res.new ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Res.new ?></h1>
<p class="lead"><?cs var:L.Fleet.Res.new_intro ?></p>
<?cs call:form_errors() ?>
<?cs if:subcount(Opt.vehicle) == 0 ?><p class="alert" id="res-no-vehicle"><?cs var:L.Fleet.Res.no_vehicle ?></p><?cs /if ?>
<form method="post" action="/skr/fleet/reservations/new" id="res-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:select("vehicle", L.Fleet.Res.vehicle, Opt.vehicle, Form.vehicle) ?>
 <?cs if:Res.PickDriver ?>
 <div class="field<?cs if:Form.driver.Error ?> invalid<?cs /if ?>">
  <label for="f-driver"><?cs var:L.Fleet.Res.driver ?></label>
  <select id="f-driver" name="driver"<?cs if:Form.driver.Error ?> aria-invalid="true" aria-describedby="e-driver"<?cs /if ?>>
   <option value=""><?cs var:L.Fleet.Res.myself ?></option>
   <?cs each:o = Opt.driver ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.driver ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("driver", Form.driver) ?>
 </div>
 <?cs /if ?>
 <?cs call:input("start", L.Fleet.Res.start, "datetime-local", Form.start, "required") ?>
 <?cs call:input("end", L.Fleet.Res.end, "datetime-local", Form.end, "required") ?>
 <p class="muted"><?cs var:L.Fleet.Trip.local_time ?></p>
 <?cs call:input("purpose", L.Fleet.Res.purpose, "text", Form.purpose, "required") ?>
 <?cs call:textarea("note", L.Fleet.Res.note, Form.note, 3) ?>
 <button type="submit"><?cs var:L.Fleet.Res.save ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
