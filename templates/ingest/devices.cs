<?cs # ingest/devices.cs: the devices of the officer's crossings with their status, and registering one (its secret shown once) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ingest.devices.title ?>
<?cs set:Page.Css = "ingest.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ingest.devices.title ?></h1>
<p class="lead"><?cs var:L.ingest.devices.intro ?></p>
<?cs if:NewDevice.Secret ?>
<div class="notice" id="new-device" role="status">
 <h2><?cs var:L.ingest.devices.secret_title ?>: <?cs var:NewDevice.Code ?></h2>
 <p><?cs var:L.ingest.devices.secret_text ?></p>
 <p><code id="device-secret"><?cs var:NewDevice.Secret ?></code></p>
</div>
<?cs /if ?>
<?cs if:subcount(Devices) == 0 ?><p id="devices-empty"><?cs var:L.ingest.devices.empty ?></p><?cs else ?>
<div class="table-wrap">
<table id="devices">
 <thead><tr><th><?cs var:L.ingest.devices.code ?></th><th><?cs var:L.ingest.devices.crossing ?></th><th><?cs var:L.ingest.devices.lane ?></th><th><?cs var:L.ingest.devices.device_kind ?></th><th><?cs var:L.ingest.devices.heartbeat ?></th><th><?cs var:L.ingest.devices.last_seen ?></th><th><?cs var:L.ingest.devices.status ?></th></tr></thead>
 <tbody>
 <?cs each:d = Devices ?><tr class="dev-<?cs var:d.status ?>" data-code="<?cs var:d.code ?>"><td><code><?cs var:d.code ?></code></td><td><?cs alt:CrossingName[d.crossing] ?><?cs var:d.crossing ?><?cs /alt ?></td><td><?cs var:d.lane ?> <span class="muted">(<?cs var:L.ingest.lane_kind[d.lane_kind] ?>)</span></td><td><?cs var:L.ingest.device_kind[d.device_kind] ?></td><td><?cs var:d.heartbeat_seconds ?></td><td class="nowrap"><?cs var:local_time(d.last_seen) ?></td><td class="status"><?cs var:L.ingest.devices[d.status] ?></td></tr><?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<h2><?cs var:L.ingest.devices.new ?></h2>
<?cs call:form_errors() ?>
<form method="post" action="/skr/devices" id="device-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:input("code", L.ingest.devices.code, "text", Form.code, "required") ?>
 <?cs call:select("crossing", L.ingest.devices.crossing, Crossings, Form.crossing) ?>
 <?cs call:input("lane", L.ingest.devices.lane, "text", Form.lane, "required") ?>
 <?cs call:select("lane_kind", L.ingest.devices.lane_kind, L.ingest.opt.lane_kind, Form.lane_kind) ?>
 <?cs call:select("device_kind", L.ingest.devices.device_kind, L.ingest.opt.device_kind, Form.device_kind) ?>
 <?cs call:input("heartbeat", L.ingest.devices.heartbeat, "number", Form.heartbeat, "required") ?>
 <button type="submit"><?cs var:L.ingest.devices.save ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
