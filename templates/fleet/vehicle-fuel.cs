<?cs # fleet/vehicle-fuel.cs: the vehicle page's fuel section, included by vehicle.cs; filled by fleet-fuel: refuellings and consumption (cgi-bin/fleet/fleet_ui.h, fleet_section_fuel) ?>
<?cs include:"fleet/fuel-macros.cs" ?>
<section id="vehicle-fuel">
<h2><?cs var:L.Fleet.Fuel.title ?></h2>
<p class="actions"><?cs if:Fleet.CanEnter && Vehicle.status != "written_off" ?><a class="button" href="/skr/fleet/fuel/new?vehicle=<?cs var:Vehicle.id ?>"><?cs var:L.Fleet.Fuel.new ?></a> <?cs /if ?><a class="button secondary" href="/skr/fleet/fuel?vehicle=<?cs var:Vehicle.id ?>"><?cs var:L.Fleet.Fuel.all ?></a></p>
<?cs each:c = Vehicle.Consumption ?>
<p id="vehicle-consumption"><?cs var:L.Fleet.Fuel.last_year ?>: <?cs if:c.l100 ?><strong><?cs var:c.l100 ?> l/100 km</strong> (<?cs var:c.litres ?> l / <?cs var:c.km ?> km)<?cs if:c.norm_l100 ?>, <?cs var:L.Fleet.v.norm ?> <?cs var:c.norm_l100 ?><?cs /if ?><?cs if:c.Above ?> <span class="badge bad"><?cs var:L.Fleet.Fuel.above ?> <?cs var:Fleet.Fuel.Pct ?> %</span><?cs /if ?><?cs else ?><?cs var:L.Fleet.Fuel.cannot_tell ?><?cs /if ?></p>
<?cs /each ?>
<?cs if:subcount(Vehicle.Fuel) == 0 ?><p id="vehicle-fuel-none"><?cs var:L.Fleet.Fuel.none_yet ?></p><?cs else ?><?cs call:fuel_table(Vehicle.Fuel) ?><?cs /if ?>
</section>
