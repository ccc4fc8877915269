<?cs # fleet/vehicle-trips.cs: the vehicle page's section of its last trips and the reservations ahead (fleet_section_trips) ?>
<section id="vehicle-trips">
<h2><?cs var:L.Fleet.Trip.title ?></h2>
<?cs if:VTrips.CanAct == "1" ?><p class="actions"><a class="button" id="vehicle-trip-new" href="/skr/fleet/trips/new?vehicle=<?cs var:VTrips.Vehicle ?>"><?cs var:L.Fleet.Trip.new ?></a> <a class="button secondary" id="vehicle-reserve" href="/skr/fleet/reservations/new?vehicle=<?cs var:VTrips.Vehicle ?>"><?cs var:L.Fleet.Res.new ?></a></p><?cs /if ?>
<?cs if:subcount(VTrips.Trips) ?>
<div class="table-wrap">
<table>
 <thead><tr><th><?cs var:L.Fleet.Trip.number ?></th><th><?cs var:L.Fleet.Trip.driver ?></th><th><?cs var:L.Fleet.Trip.when ?></th><th class="num"><?cs var:L.Fleet.Trip.km ?></th><th><?cs var:L.Fleet.Trip.status_th ?></th></tr></thead>
 <tbody>
 <?cs each:t = VTrips.Trips ?><tr data-id="<?cs var:t.id ?>"><td><?cs if:VTrips.CanRead == "1" || t.driver_id == VTrips.Me ?><a href="/skr/fleet/trips/<?cs var:t.id ?>"><?cs var:t.id ?></a><?cs else ?><?cs var:t.id ?><?cs /if ?></td><td><?cs var:t.driver ?></td><td><?cs var:local_time(t.start) ?><?cs if:t.end ?> – <?cs var:local_time(t.end) ?><?cs /if ?></td><td class="num"><?cs if:t.end ?><?cs var:t.km ?> km<?cs /if ?></td><td><?cs var:L.Fleet.Trip.status[t.status] ?></td></tr><?cs /each ?>
 </tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.Fleet.Trip.none ?></p><?cs /if ?>
<p><a href="/skr/fleet/trips?vehicle=<?cs var:VTrips.Vehicle ?>"><?cs var:L.Fleet.Trip.vehicle_trips ?></a></p>
<h3><?cs var:L.Fleet.Res.ahead ?></h3>
<?cs if:subcount(VTrips.Res) ?>
<ul><?cs each:x = VTrips.Res ?><li><?cs var:local_time(x.start) ?> – <?cs var:local_time(x.end) ?>: <?cs var:x.driver ?>, <?cs var:x.purpose ?></li><?cs /each ?></ul>
<?cs else ?><p><?cs var:L.Fleet.Res.none ?></p><?cs /if ?>
<p><a href="/skr/fleet/reservations?vehicle=<?cs var:VTrips.Vehicle ?>"><?cs var:L.Fleet.Res.vehicle_res ?></a></p>
</section>
