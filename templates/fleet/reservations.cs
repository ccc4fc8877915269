<?cs # fleet/reservations.cs: the reservations of the officer's units (a driver: of their unit), filters in the URL, CSV ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/trip-filters.cs" ?>
<?cs set:Page.Title = L.Fleet.Res.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Res.title ?><?cs if:List.Plate ?> · <?cs var:List.Plate ?><?cs /if ?></h1>
<p class="lead"><?cs var:L.Fleet.Res.intro ?></p>
<?cs if:Res.CanReserve ?><p class="actions"><a class="button" id="res-new" href="/skr/fleet/reservations/new<?cs if:Form.vehicle && !Form.vehicle.Error ?>?vehicle=<?cs var:url_escape(Form.vehicle) ?><?cs /if ?>"><?cs var:L.Fleet.Res.new ?></a> <a class="button secondary" href="/skr/fleet/my"><?cs var:L.Fleet.My.title ?></a></p><?cs /if ?>
<?cs call:form_errors() ?>
<?cs call:trip_filters("/skr/fleet/reservations", "res") ?>
<?cs if:Page.Status != 422 ?>
<?cs if:List.Count == 0 ?>
<p id="res-none"><?cs var:L.Fleet.Res.none ?></p>
<?cs else ?>
<p class="actions"><a class="button secondary" id="res-csv" href="/skr/fleet/reservations.csv<?cs if:List.Query ?>?<?cs var:List.Query ?><?cs /if ?>"><?cs var:L.Fleet.csv ?></a></p>
<div class="table-wrap">
<table id="reservations">
 <thead><tr><th><?cs var:L.Fleet.v.plate ?></th><th><?cs var:L.Fleet.Res.when ?></th><th><?cs var:L.Fleet.Res.driver ?></th><th><?cs var:L.Fleet.Res.purpose ?></th><th><?cs var:L.Fleet.Res.status_th ?></th><th></th></tr></thead>
 <tbody>
 <?cs each:x = Res.List ?>
  <tr data-id="<?cs var:x.id ?>">
   <td><a href="/skr/fleet/reservations?vehicle=<?cs var:x.vehicle_id ?>"><?cs var:x.plate ?></a><br><span class="muted"><?cs var:x.make ?> <?cs var:x.model ?></span></td>
   <td><?cs var:local_time(x.start) ?> – <?cs var:local_time(x.end) ?></td>
   <td><?cs var:x.driver ?></td>
   <td><?cs var:x.purpose ?><?cs if:x.note ?><br><span class="muted"><?cs var:x.note ?></span><?cs /if ?></td>
   <td><span class="badge<?cs if:x.status == "active" ?> ok<?cs /if ?>" data-status="<?cs var:x.status ?>"><?cs var:L.Fleet.Res.status[x.status] ?></span></td>
   <td><?cs if:x.status == "active" && (x.mine == "1" || Fleet.CanManage) ?><form method="post" action="/skr/fleet/reservations/<?cs var:x.id ?>/cancel"><?cs call:csrf() ?><button type="submit" class="secondary"><?cs var:L.Fleet.Res.cancel ?></button></form><?cs /if ?></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<p class="muted" id="res-count"><?cs var:List.Count ?> <?cs var:plural(List.Count, "Fleet.Res.word") ?></p>
<?cs if:List.Capped ?><p class="alert"><?cs var:L.Fleet.Trip.capped ?></p><?cs /if ?>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
