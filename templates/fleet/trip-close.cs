<?cs # fleet/trip-close.cs: the driver's closing form of an open trip (the card and the driver's page) ?>
<?cs def:trip_close(id) ?>
<form method="post" action="/skr/fleet/trips/<?cs var:id ?>/close" id="trip-close" novalidate>
 <?cs call:csrf() ?>
 <?cs call:input("end", L.Fleet.Trip.end, "datetime-local", Form.end, "required") ?>
 <?cs call:input("odo_in", L.Fleet.Trip.odo_in, "number", Form.odo_in, "required") ?>
 <button type="submit"><?cs var:L.Fleet.Trip.close ?></button>
</form>
<?cs /def ?>
