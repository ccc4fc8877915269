<?cs # fleet/vehicles.cs: the vehicles of the officer's scope with the filters of the URL and a CSV ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.Fleet.vehicles.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.vehicles.title ?></h1>
<?cs if:Fleet.DriverOnly ?><p class="lead" id="driver-only"><?cs var:L.Fleet.vehicles.driver_only ?></p><?cs else ?><p class="lead"><?cs var:L.Fleet.vehicles.intro ?></p><?cs /if ?>
<?cs if:Fleet.CanManage ?><p class="actions"><a class="button" href="/skr/fleet/vehicles/new" id="vehicle-new"><?cs var:L.Fleet.vehicles.new ?></a></p><?cs /if ?>
<?cs if:!Fleet.DriverOnly ?><p class="muted" id="fleet-docs-links"><a href="/skr/fleet/deadlines"><?cs var:L.Fleet.Doc.deadlines ?></a> · <a href="/skr/fleet/drivers"><?cs var:L.Fleet.Driver.title ?></a></p><?cs /if ?>
<?cs call:form_errors() ?>
<form method="get" action="/skr/fleet/vehicles" class="filters" id="vehicle-filters">
 <?cs if:!Fleet.DriverOnly ?>
 <div class="field<?cs if:Form.unit.Error ?> invalid<?cs /if ?>">
  <label for="f-unit"><?cs var:L.Fleet.v.unit ?></label>
  <select id="f-unit" name="unit">
   <option value=""><?cs var:L.Fleet.any ?></option>
   <?cs each:o = Opt.unit ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.unit ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("unit", Form.unit) ?>
 </div>
 <?cs /if ?>
 <div class="field<?cs if:Form.kind.Error ?> invalid<?cs /if ?>">
  <label for="f-kind"><?cs var:L.Fleet.v.kind ?></label>
  <select id="f-kind" name="kind">
   <option value=""><?cs var:L.Fleet.any ?></option>
   <?cs each:o = Opt.kind ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.kind ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("kind", Form.kind) ?>
 </div>
 <div class="field<?cs if:Form.status.Error ?> invalid<?cs /if ?>">
  <label for="f-status"><?cs var:L.Fleet.v.status ?></label>
  <select id="f-status" name="status">
   <option value=""><?cs var:L.Fleet.any ?></option>
   <?cs each:o = Opt.status ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.status ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("status", Form.status) ?>
 </div>
 <div class="field<?cs if:Form.q.Error ?> invalid<?cs /if ?>">
  <label for="f-q"><?cs var:L.Fleet.vehicles.q ?></label>
  <input id="f-q" name="q" value="<?cs var:Form.q ?>">
  <?cs call:field_error("q", Form.q) ?>
 </div>
 <button type="submit" class="secondary"><?cs var:L.Fleet.filter ?></button>
</form>
<?cs if:Page.Status != 422 ?>
<?cs if:List.Count == 0 ?>
<p id="vehicles-none"><?cs var:L.Fleet.vehicles.none ?></p>
<?cs else ?>
<p class="actions"><a class="button secondary" id="vehicles-csv" href="/skr/fleet/vehicles.csv<?cs if:List.Query ?>?<?cs var:List.Query ?><?cs /if ?>"><?cs var:L.Fleet.csv ?></a></p>
<div class="table-wrap">
<table id="vehicles">
 <thead><tr><th><?cs var:L.Fleet.v.plate ?></th><th><?cs var:L.Fleet.v.make ?></th><th><?cs var:L.Fleet.v.kind ?></th><th><?cs var:L.Fleet.v.unit ?></th><th><?cs var:L.Fleet.v.status ?></th><th class="num"><?cs var:L.Fleet.v.odometer ?></th></tr></thead>
 <tbody>
 <?cs each:v = Vehicles ?>
  <tr data-id="<?cs var:v.id ?>">
   <td><a href="/skr/fleet/vehicles/<?cs var:v.id ?>"><?cs var:v.plate ?></a><br><span class="muted"><?cs var:v.vin ?></span></td>
   <td><?cs var:v.make ?> <?cs var:v.model ?></td>
   <td><?cs var:L.Fleet.kind[v.kind] ?><?cs if:v.marked == "1" ?> · <?cs var:L.Fleet.v.marked_short ?><?cs /if ?></td>
   <td><?cs var:v.unit_code ?></td>
   <td><span class="badge<?cs if:v.status == "in_service" ?> ok<?cs elif:v.status == "written_off" ?><?cs else ?> warn<?cs /if ?>" data-status="<?cs var:v.status ?>"><?cs var:L.Fleet.status[v.status] ?></span></td>
   <td class="num"><?cs var:v.odometer_km ?> km</td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<p class="muted" id="vehicles-count"><?cs var:List.Count ?> <?cs var:plural(List.Count, "Fleet.vehicles.word") ?></p>
<?cs if:List.Capped ?><p class="alert"><?cs var:L.Fleet.vehicles.capped ?></p><?cs /if ?>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
