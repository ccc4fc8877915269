<?cs # fleet/fuel.cs: the refuellings of the officer's scope in a period, the period's consumption per vehicle against its norm, and a CSV ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/fuel-macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Fuel.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Fuel.title ?></h1>
<p class="lead"><?cs if:Fleet.DriverOnly ?><?cs var:L.Fleet.Fuel.driver_only ?><?cs else ?><?cs var:L.Fleet.Fuel.intro ?><?cs /if ?></p>
<p class="actions"><?cs if:Fleet.CanEnter ?><a class="button" id="fuel-new" href="/skr/fleet/fuel/new<?cs if:Form.vehicle && !Form.vehicle.Error ?>?vehicle=<?cs var:Form.vehicle ?><?cs /if ?>"><?cs var:L.Fleet.Fuel.new ?></a> <?cs /if ?><a class="button secondary" href="/skr/fleet/anomalies"><?cs var:L.Fleet.Fuel.anomalies_title ?></a></p>
<?cs call:form_errors() ?>
<?cs call:fuel_filters("/skr/fleet/fuel") ?>
<?cs if:Page.Status != 422 ?>
<h2><?cs var:L.Fleet.Fuel.consumption ?></h2>
<p class="muted"><?cs var:L.Fleet.Fuel.consumption_rule ?></p>
<?cs if:subcount(Consumption) == 0 ?>
<p id="consumption-none"><?cs var:L.Fleet.Fuel.none ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="consumption">
 <thead><tr><th><?cs var:L.Fleet.v.plate ?></th><th class="num"><?cs var:L.Fleet.Fuel.fills ?></th><th class="num"><?cs var:L.Fleet.Fuel.km ?></th><th class="num"><?cs var:L.Fleet.Fuel.litres_after ?></th><th class="num"><?cs var:L.Fleet.Fuel.l100 ?></th><th class="num"><?cs var:L.Fleet.v.norm ?></th></tr></thead>
 <tbody>
 <?cs each:c = Consumption ?>
  <tr data-vehicle="<?cs var:c.vehicle_id ?>"<?cs if:c.Above ?> class="flagged"<?cs /if ?>>
   <td data-label="<?cs var:L.Fleet.v.plate ?>"><?cs var:c.plate ?></td>
   <td class="num" data-label="<?cs var:L.Fleet.Fuel.fills ?>"><?cs var:c.fills ?></td>
   <td class="num" data-label="<?cs var:L.Fleet.Fuel.km ?>"><?cs if:c.l100 ?><?cs var:c.km ?> km<?cs else ?>—<?cs /if ?></td>
   <td class="num" data-label="<?cs var:L.Fleet.Fuel.litres_after ?>"><?cs if:c.l100 ?><?cs var:c.litres ?> l<?cs else ?>—<?cs /if ?></td>
   <td class="num" data-label="<?cs var:L.Fleet.Fuel.l100 ?>"><?cs if:c.l100 ?><?cs var:c.l100 ?> l/100 km<?cs if:c.Above ?> <span class="badge bad"><?cs var:L.Fleet.Fuel.above ?> <?cs var:Fleet.Fuel.Pct ?> %</span><?cs /if ?><?cs else ?><?cs var:L.Fleet.Fuel.cannot_tell ?><?cs /if ?></td>
   <td class="num" data-label="<?cs var:L.Fleet.v.norm ?>"><?cs if:c.norm_l100 ?><?cs var:c.norm_l100 ?> l/100 km<?cs else ?>—<?cs /if ?></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<h2><?cs var:L.Fleet.Fuel.list ?></h2>
<?cs if:List.Count == 0 ?>
<p id="fuel-none"><?cs var:L.Fleet.Fuel.none ?></p>
<?cs else ?>
<p class="actions"><a class="button secondary" id="fuel-csv" href="/skr/fleet/fuel.csv<?cs if:List.Query ?>?<?cs var:List.Query ?><?cs /if ?>"><?cs var:L.Fleet.csv ?></a></p>
<?cs call:fuel_table(Fuel) ?>
<p class="muted" id="fuel-count"><?cs var:List.Count ?> <?cs var:plural(List.Count, "Fleet.Fuel.word") ?></p>
<?cs if:List.Capped ?><p class="alert"><?cs var:L.Fleet.Fuel.capped ?></p><?cs /if ?>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
