<?cs # fleet/vehicle.cs: one vehicle: its data, status and history, and the sections of the other fleet features ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = Vehicle.plate ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<p><a href="/skr/fleet/vehicles"><?cs var:L.Fleet.vehicles.back ?></a></p>
<h1 id="vehicle-title"><?cs var:Vehicle.plate ?> <span class="muted"><?cs var:Vehicle.make ?> <?cs var:Vehicle.model ?></span></h1>
<?cs if:Vehicle.Saved ?><p class="notice" role="status" id="saved"><?cs var:L.Fleet.vehicle.saved ?></p><?cs /if ?>
<p><span class="badge<?cs if:Vehicle.status == "in_service" ?> ok<?cs elif:Vehicle.status == "written_off" ?><?cs else ?> warn<?cs /if ?>" id="vehicle-status" data-status="<?cs var:Vehicle.status ?>"><?cs var:L.Fleet.status[Vehicle.status] ?></span></p>
<?cs if:Vehicle.CanChange ?><p class="actions"><a class="button" id="vehicle-edit" href="/skr/fleet/vehicles/<?cs var:Vehicle.id ?>/edit"><?cs var:L.Fleet.vehicle.edit ?></a></p><?cs /if ?>
<dl class="facts" id="vehicle-data">
 <dt><?cs var:L.Fleet.v.vin ?></dt><dd><?cs var:Vehicle.vin ?></dd>
 <dt><?cs var:L.Fleet.v.kind ?></dt><dd><?cs var:L.Fleet.kind[Vehicle.kind] ?></dd>
 <dt><?cs var:L.Fleet.v.marked ?></dt><dd><?cs if:Vehicle.marked == "1" ?><?cs var:L.Fleet.yes ?><?cs else ?><?cs var:L.Fleet.no ?><?cs /if ?></dd>
 <dt><?cs var:L.Fleet.v.unit ?></dt><dd><?cs var:Vehicle.unit_code ?> · <?cs var:Vehicle.unit_name ?></dd>
 <dt><?cs var:L.Fleet.v.odometer ?></dt><dd><?cs var:Vehicle.odometer_km ?> km</dd>
 <dt><?cs var:L.Fleet.v.fuel ?></dt><dd><?cs var:L.Fleet.fuel[Vehicle.fuel] ?></dd>
 <dt><?cs var:L.Fleet.v.tank ?></dt><dd><?cs var:Vehicle.tank_l ?></dd>
 <dt><?cs var:L.Fleet.v.norm ?></dt><dd><?cs var:Vehicle.norm_l100 ?></dd>
 <dt><?cs var:L.Fleet.v.equipment ?></dt><dd id="vehicle-equipment"><?cs if:subcount(Vehicle.Equipment) == 0 ?><?cs var:L.Fleet.vehicle.no_equipment ?><?cs else ?><?cs each:e = Vehicle.Equipment ?><span class="badge"><?cs var:L.Fleet.equipment[e] ?></span> <?cs /each ?><?cs /if ?></dd>
 <dt><?cs var:L.Fleet.v.pool ?></dt><dd><?cs if:Vehicle.pool == "1" ?><?cs var:L.Fleet.yes ?><?cs else ?><?cs var:L.Fleet.no ?><?cs /if ?></dd>
 <dt><?cs var:L.Fleet.vehicle.updated ?></dt><dd><?cs var:local_time(Vehicle.updated_at) ?></dd>
</dl>
<?cs if:Vehicle.CanChange ?>
<form method="post" action="/skr/fleet/vehicles/<?cs var:Vehicle.id ?>/status" class="filters" id="status-form">
 <?cs call:csrf() ?>
 <?cs call:select("status", L.Fleet.vehicle.new_status, Opt.status, Form.status) ?>
 <button type="submit"><?cs var:L.Fleet.vehicle.change_status ?></button>
 <p class="muted"><?cs var:L.Fleet.vehicle.final_note ?></p>
</form>
<?cs elif:Form.status.Error ?>
<div role="alert"><p class="error" id="e-status"><?cs var:Form.status.Error ?></p></div>
<?cs /if ?>
<h2><?cs var:L.Fleet.vehicle.history ?></h2>
<div class="table-wrap">
<table id="status-history">
 <thead><tr><th><?cs var:L.Fleet.vehicle.since ?></th><th><?cs var:L.Fleet.v.status ?></th><th><?cs var:L.Fleet.vehicle.by ?></th></tr></thead>
 <tbody>
 <?cs each:h = Vehicle.History ?><tr><td class="nowrap"><?cs var:local_time(h.since) ?></td><td data-status="<?cs var:h.status ?>"><?cs var:L.Fleet.status[h.status] ?></td><td><?cs var:h.by_name ?></td></tr><?cs /each ?>
 </tbody>
</table>
</div>
<?cs include:"fleet/vehicle-documents.cs" ?>
<?cs include:"fleet/vehicle-trips.cs" ?>
<?cs include:"fleet/vehicle-fuel.cs" ?>
<?cs include:"fleet/vehicle-repairs.cs" ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
