<?cs # fleet/trip.cs: one trip card (karta drogowa), printable (?view=print); the driver closes it, a manager who did not drive checks it ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/trip-close.cs" ?>
<?cs set:Page.Title = L.Fleet.Trip.card ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Trip.card ?> <?cs var:Card.id ?></h1>
<?cs call:form_errors() ?>
<dl class="facts" id="card">
 <dt><?cs var:L.Fleet.Trip.vehicle ?></dt><dd id="card-vehicle"><?cs var:Card.plate ?> · <?cs var:Card.make ?> <?cs var:Card.model ?></dd>
 <dt><?cs var:L.Fleet.Trip.driver ?></dt><dd id="card-driver"><?cs var:Card.driver ?></dd>
 <dt><?cs var:L.Fleet.Trip.purpose_th ?></dt><dd><?cs var:L.Fleet.Trip.purpose[Card.purpose] ?></dd>
 <dt><?cs var:L.Fleet.Trip.route ?></dt><dd><?cs var:Card.route ?></dd>
 <dt><?cs var:L.Fleet.Trip.start ?></dt><dd id="card-start"><?cs var:local_time(Card.start) ?></dd>
 <dt><?cs var:L.Fleet.Trip.until ?></dt><dd><?cs var:local_time(Card.planned_end) ?></dd>
 <dt><?cs var:L.Fleet.Trip.end ?></dt><dd id="card-end"><?cs if:Card.end ?><?cs var:local_time(Card.end) ?><?cs else ?><?cs var:L.Fleet.Trip.on_road ?><?cs /if ?></dd>
 <dt><?cs var:L.Fleet.Trip.odo_out ?></dt><dd><?cs var:Card.odo_out ?> km</dd>
 <dt><?cs var:L.Fleet.Trip.odo_in ?></dt><dd><?cs if:Card.odo_in ?><?cs var:Card.odo_in ?> km<?cs else ?>—<?cs /if ?></dd>
 <dt><?cs var:L.Fleet.Trip.km ?></dt><dd id="card-km"><?cs if:Card.end ?><?cs var:Card.km ?> km<?cs else ?>—<?cs /if ?></dd>
 <dt><?cs var:L.Fleet.Trip.passengers ?></dt><dd id="card-passengers"><?cs if:subcount(Card.Passengers) ?><?cs each:p = Card.Passengers ?><?cs var:p.name ?><?cs if:!last(p) ?>, <?cs /if ?><?cs /each ?><?cs else ?><?cs var:L.Fleet.Trip.no_passengers ?><?cs /if ?></dd>
 <dt><?cs var:L.Fleet.Trip.status_th ?></dt><dd><span class="badge<?cs if:Card.status == "checked" ?> ok<?cs elif:Card.status == "open" ?> warn<?cs /if ?>" id="card-status" data-status="<?cs var:Card.status ?>"><?cs var:L.Fleet.Trip.status[Card.status] ?></span><?cs if:Card.checker ?> · <?cs var:Card.checker ?>, <?cs var:local_time(Card.checked_at) ?><?cs /if ?></dd>
</dl>
<?cs if:Page.Print ?>
<p class="signatures"><?cs var:L.Fleet.Trip.sign_driver ?> ____________________ &nbsp; <?cs var:L.Fleet.Trip.sign_manager ?> ____________________</p>
<?cs else ?>
<?cs if:Card.CanClose ?><h2><?cs var:L.Fleet.Trip.close ?></h2><?cs call:trip_close(Card.id) ?><?cs /if ?>
<?cs if:Card.CanCheck ?><form method="post" action="/skr/fleet/trips/<?cs var:Card.id ?>/check" id="trip-check"><?cs call:csrf() ?><button type="submit"><?cs var:L.Fleet.Trip.check ?></button></form><?cs /if ?>
<p class="actions"><a class="button secondary" id="card-print" href="/skr/fleet/trips/<?cs var:Card.id ?>?view=print"><?cs var:L.Fleet.Trip.print ?></a> <a href="/skr/fleet/trips?vehicle=<?cs var:Card.vehicle_id ?>"><?cs var:L.Fleet.Trip.vehicle_trips ?></a></p>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
