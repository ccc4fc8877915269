<?cs # fleet/documents.cs: a vehicle's documents and deadlines on a page of their own ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Doc.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<p class="muted"><a href="/skr/fleet/vehicles/<?cs var:Vehicle.id ?>"><?cs var:Vehicle.plate ?></a> · <a href="/skr/fleet/deadlines"><?cs var:L.Fleet.Doc.deadlines ?></a></p>
<h1><?cs var:Vehicle.plate ?> · <?cs var:Vehicle.make ?> <?cs var:Vehicle.model ?></h1>
<p class="lead"><?cs var:L.Fleet.v.odometer ?>: <?cs var:Vehicle.odometer_km ?> km</p>
<?cs include:"fleet/vehicle-documents.cs" ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
