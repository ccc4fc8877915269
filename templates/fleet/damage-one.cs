<?cs # fleet/damage-one.cs: one damage report, its repairs, and a fleet manager's actions: open a repair, close the report ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/damage-macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Damage.one ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Damage.one ?> · <?cs var:Damage.plate ?></h1>
<dl class="facts" id="damage-facts">
 <dt><?cs var:L.Fleet.Damage.happened_on ?></dt><dd><?cs var:Damage.happened_on ?></dd>
 <dt><?cs var:L.Fleet.Damage.place ?></dt><dd><?cs var:Damage.place ?></dd>
 <dt><?cs var:L.Fleet.Damage.description ?></dt><dd><?cs var:Damage.description ?></dd>
 <dt><?cs var:L.Fleet.Damage.third_party ?></dt><dd><?cs if:Damage.third_party == "1" ?><?cs var:L.Fleet.yes ?><?cs if:Damage.third_details ?>: <?cs var:Damage.third_details ?><?cs /if ?><?cs else ?><?cs var:L.Fleet.no ?><?cs /if ?></dd>
 <dt><?cs var:L.Fleet.Damage.reported ?></dt><dd><?cs var:local_time(Damage.created_at) ?></dd>
 <dt><?cs var:L.Fleet.Damage.state ?></dt><dd><span class="badge<?cs if:Damage.status == "open" ?> warn<?cs else ?> ok<?cs /if ?>" id="damage-status"><?cs var:L.Fleet.Damage.status[Damage.status] ?></span><?cs if:Damage.closed_at ?> <?cs var:local_time(Damage.closed_at) ?><?cs /if ?></dd>
</dl>
<?cs if:Fleet.CanManage && Damage.status == "open" ?>
<p class="actions"><a class="button" id="repair-new" href="/skr/fleet/repairs/new?vehicle=<?cs var:Damage.vehicle_id ?>&amp;damage=<?cs var:Damage.id ?>"><?cs var:L.Fleet.Repair.new ?></a></p>
<form method="post" action="/skr/fleet/damage/<?cs var:Damage.id ?>/close" id="damage-close">
 <?cs call:csrf() ?>
 <button type="submit" class="secondary"><?cs var:L.Fleet.Damage.close ?></button>
</form>
<?cs /if ?>
<h2><?cs var:L.Fleet.Repair.title ?></h2>
<?cs if:subcount(Repairs) == 0 ?><p id="repairs-none"><?cs var:L.Fleet.Repair.none ?></p><?cs else ?><?cs call:repairs_table(Repairs) ?><?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
