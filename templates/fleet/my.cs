<?cs # fleet/my.cs: the driver's own page: the open trip (close it here), my reservations ahead, my last trips ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/trip-close.cs" ?>
<?cs set:Page.Title = L.Fleet.My.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.My.title ?></h1>
<?cs if:My.CanDrive ?><p class="actions"><a class="button" href="/skr/fleet/trips/new"><?cs var:L.Fleet.Trip.new ?></a> <a class="button secondary" href="/skr/fleet/reservations/new"><?cs var:L.Fleet.Res.new ?></a></p><?cs /if ?>
<section id="my-open">
<h2><?cs var:L.Fleet.My.open ?></h2>
<?cs if:My.Open.id ?>
<p><a href="/skr/fleet/trips/<?cs var:My.Open.id ?>"><?cs var:L.Fleet.Trip.card ?> <?cs var:My.Open.id ?></a>: <?cs var:My.Open.plate ?> · <?cs var:L.Fleet.Trip.purpose[My.Open.purpose] ?> · <?cs var:My.Open.route ?> · <?cs var:L.Fleet.Trip.since ?> <?cs var:local_time(My.Open.start) ?>, <?cs var:My.Open.odo_out ?> km</p>
<?cs call:trip_close(My.Open.id) ?>
<?cs else ?><p id="my-no-open"><?cs var:L.Fleet.My.no_open ?></p><?cs /if ?>
</section>
<section id="my-res">
<h2><?cs var:L.Fleet.My.reservations ?></h2>
<?cs if:subcount(My.Res) ?>
<ul>
<?cs each:x = My.Res ?><li data-id="<?cs var:x.id ?>"><?cs var:x.plate ?>: <?cs var:local_time(x.start) ?> – <?cs var:local_time(x.end) ?>, <?cs var:x.purpose ?> <form method="post" action="/skr/fleet/reservations/<?cs var:x.id ?>/cancel" class="inline"><?cs call:csrf() ?><button type="submit" class="secondary"><?cs var:L.Fleet.Res.cancel ?></button></form></li><?cs /each ?>
</ul>
<?cs else ?><p><?cs var:L.Fleet.My.no_res ?></p><?cs /if ?>
</section>
<section id="my-trips">
<h2><?cs var:L.Fleet.My.trips ?></h2>
<?cs if:subcount(My.Trips) ?>
<div class="table-wrap">
<table>
 <thead><tr><th><?cs var:L.Fleet.Trip.number ?></th><th><?cs var:L.Fleet.v.plate ?></th><th><?cs var:L.Fleet.Trip.when ?></th><th class="num"><?cs var:L.Fleet.Trip.km ?></th><th><?cs var:L.Fleet.Trip.status_th ?></th></tr></thead>
 <tbody>
 <?cs each:t = My.Trips ?><tr data-id="<?cs var:t.id ?>"><td><a href="/skr/fleet/trips/<?cs var:t.id ?>"><?cs var:t.id ?></a></td><td><?cs var:t.plate ?></td><td><?cs var:local_time(t.start) ?><?cs if:t.end ?> – <?cs var:local_time(t.end) ?><?cs /if ?></td><td class="num"><?cs if:t.end ?><?cs var:t.km ?> km<?cs /if ?></td><td><?cs var:L.Fleet.Trip.status[t.status] ?></td></tr><?cs /each ?>
 </tbody>
</table>
</div>
<p><a href="/skr/fleet/trips"><?cs var:L.Fleet.My.all_trips ?></a></p>
<?cs else ?><p><?cs var:L.Fleet.My.no_trips ?></p><?cs /if ?>
</section>
<?cs /def ?>
<?cs include:"layout.cs" ?>
