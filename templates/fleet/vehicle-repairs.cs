<?cs # fleet/vehicle-repairs.cs: the vehicle page's repairs section, included by vehicle.cs; filled by fleet-fuel: damage and repairs (cgi-bin/fleet/fleet_ui.h, fleet_section_repairs) ?>
<?cs include:"fleet/damage-macros.cs" ?>
<section id="vehicle-repairs">
<h2><?cs var:L.Fleet.Damage.and_repairs ?></h2>
<p class="actions"><?cs if:Vehicle.status != "written_off" ?><?cs if:Fleet.CanEnter ?><a class="button secondary" href="/skr/fleet/damage/new?vehicle=<?cs var:Vehicle.id ?>"><?cs var:L.Fleet.Damage.new ?></a> <?cs /if ?><?cs if:Fleet.CanManage ?><a class="button secondary" href="/skr/fleet/repairs/new?vehicle=<?cs var:Vehicle.id ?>"><?cs var:L.Fleet.Repair.new ?></a> <?cs /if ?><?cs /if ?><a class="button secondary" href="/skr/fleet/repairs?vehicle=<?cs var:Vehicle.id ?>"><?cs var:L.Fleet.Repair.all ?></a></p>
<?cs if:subcount(Vehicle.Damage) > 0 ?>
<ul id="vehicle-damage"><?cs each:d = Vehicle.Damage ?><li><a href="/skr/fleet/damage/<?cs var:d.id ?>"><?cs var:d.happened_on ?> · <?cs var:d.place ?></a> <span class="badge warn"><?cs var:L.Fleet.Damage.status.open ?></span></li><?cs /each ?></ul>
<?cs /if ?>
<?cs if:subcount(Vehicle.Repairs) == 0 ?><p id="vehicle-repairs-none"><?cs var:L.Fleet.Repair.none_yet ?></p><?cs else ?><?cs call:repairs_table(Vehicle.Repairs) ?><?cs /if ?>
</section>
