<?cs # fleet/anomalies.cs: the refuellings flagged at entry, each anomaly in words with its figures ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/fuel-macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Fuel.anomalies_title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Fuel.anomalies_title ?></h1>
<p class="lead"><?cs var:L.Fleet.Fuel.anomalies_intro ?> <?cs var:Fleet.Fuel.Pct ?> %.</p>
<p class="actions"><a class="button secondary" href="/skr/fleet/fuel"><?cs var:L.Fleet.Fuel.title ?></a></p>
<?cs call:form_errors() ?>
<?cs call:fuel_filters("/skr/fleet/anomalies") ?>
<?cs if:Page.Status != 422 ?>
<?cs if:List.Count == 0 ?>
<p id="anomalies-none"><?cs var:L.Fleet.Fuel.anomalies_none ?></p>
<?cs else ?>
<?cs call:fuel_table(Fuel) ?>
<p class="muted" id="fuel-count"><?cs var:List.Count ?> <?cs var:plural(List.Count, "Fleet.Fuel.word") ?></p>
<?cs if:List.Capped ?><p class="alert"><?cs var:L.Fleet.Fuel.capped ?></p><?cs /if ?>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
