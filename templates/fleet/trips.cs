<?cs # fleet/trips.cs: the trip cards of the officer's units (a driver: their own), filters in the URL, CSV and a print view ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/trip-filters.cs" ?>
<?cs set:Page.Title = L.Fleet.Trip.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Trip.title ?><?cs if:List.Plate ?> · <?cs var:List.Plate ?><?cs /if ?></h1>
<?cs if:!Page.Print ?>
<p class="lead"><?cs if:Fleet.DriverOnly ?><?cs var:L.Fleet.Trip.intro_driver ?><?cs else ?><?cs var:L.Fleet.Trip.intro ?><?cs /if ?></p>
<?cs if:Trip.CanOpen ?><p class="actions"><a class="button" id="trip-new" href="/skr/fleet/trips/new<?cs if:Form.vehicle && !Form.vehicle.Error ?>?vehicle=<?cs var:url_escape(Form.vehicle) ?><?cs /if ?>"><?cs var:L.Fleet.Trip.new ?></a> <a class="button secondary" href="/skr/fleet/my"><?cs var:L.Fleet.My.title ?></a></p><?cs /if ?>
<?cs call:form_errors() ?>
<?cs call:trip_filters("/skr/fleet/trips", "trip") ?>
<?cs /if ?>
<?cs if:Page.Status != 422 ?>
<?cs if:List.Count == 0 ?>
<p id="trips-none"><?cs var:L.Fleet.Trip.none ?></p>
<?cs else ?>
<?cs if:!Page.Print ?><p class="actions"><a class="button secondary" id="trips-csv" href="/skr/fleet/trips.csv<?cs if:List.Query ?>?<?cs var:List.Query ?><?cs /if ?>"><?cs var:L.Fleet.csv ?></a> <a class="button secondary" id="trips-print" href="/skr/fleet/trips?<?cs if:List.Query ?><?cs var:List.Query ?>&amp;<?cs /if ?>view=print"><?cs var:L.Fleet.Trip.print ?></a></p><?cs /if ?>
<div class="table-wrap">
<table id="trips">
 <thead><tr><th><?cs var:L.Fleet.Trip.number ?></th><th><?cs var:L.Fleet.v.plate ?></th><th><?cs var:L.Fleet.Trip.driver ?></th><th><?cs var:L.Fleet.Trip.when ?></th><th><?cs var:L.Fleet.Trip.purpose_th ?></th><th class="num"><?cs var:L.Fleet.Trip.km ?></th><th><?cs var:L.Fleet.Trip.status_th ?></th></tr></thead>
 <tbody>
 <?cs each:t = Trip.List ?>
  <tr data-id="<?cs var:t.id ?>">
   <td><a href="/skr/fleet/trips/<?cs var:t.id ?>"><?cs var:t.id ?></a></td>
   <td><?cs var:t.plate ?><br><span class="muted"><?cs var:t.make ?> <?cs var:t.model ?></span></td>
   <td><?cs var:t.driver ?></td>
   <td><?cs var:local_time(t.start) ?> – <?cs if:t.end ?><?cs var:local_time(t.end) ?><?cs else ?><?cs var:L.Fleet.Trip.on_road ?><?cs /if ?></td>
   <td><?cs var:L.Fleet.Trip.purpose[t.purpose] ?><br><span class="muted"><?cs var:t.route ?></span></td>
   <td class="num"><?cs if:t.end ?><?cs var:t.km ?> km<?cs /if ?></td>
   <td><span class="badge<?cs if:t.status == "checked" ?> ok<?cs elif:t.status == "open" ?> warn<?cs /if ?>" data-status="<?cs var:t.status ?>"><?cs var:L.Fleet.Trip.status[t.status] ?></span></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<p class="muted" id="trips-count"><?cs var:List.Count ?> <?cs var:plural(List.Count, "Fleet.Trip.word") ?></p>
<?cs if:List.Capped ?><p class="alert"><?cs var:L.Fleet.Trip.capped ?></p><?cs /if ?>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
