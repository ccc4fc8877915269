<?cs # risk/start.cs: the analysts' start page: the decisions of the last days and the re-inspection orders ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.risk.title ?>
<?cs def:content() ?>
<h1><?cs var:L.risk.title ?></h1>
<p class="lead"><?cs var:L.risk.intro ?></p>
<p class="actions"><a class="button" href="/skr/risk/profiles"><?cs var:L.risk_profile.title ?></a></p>
<h2><?cs var:L.risk.counts.title ?> (<?cs var:Counts.days ?> <?cs var:L.risk.counts.days ?>)</h2>
<dl class="facts" id="decision-counts">
 <dt><?cs var:L.risk.counts.green ?></dt><dd id="count-green"><?cs var:Counts.green ?></dd>
 <dt><?cs var:L.risk.counts.yellow ?></dt><dd id="count-yellow"><?cs var:Counts.yellow ?></dd>
 <dt><?cs var:L.risk.counts.red ?></dt><dd id="count-red"><?cs var:Counts.red ?></dd>
 <dt><?cs var:L.risk.counts.random ?></dt><dd id="count-random"><?cs var:Counts.random ?></dd>
 <dt><?cs var:L.risk.counts.total ?></dt><dd id="count-total"><?cs var:Counts.total ?></dd>
</dl>
<h2><?cs var:L.risk.baseline.title ?> (<?cs var:Outcomes.days ?> <?cs var:L.risk.counts.days ?>)</h2>
<p><?cs var:L.risk.baseline.intro ?></p>
<?cs if:subcount(Baseline) == 0 ?><p id="baseline-empty"><?cs var:L.risk.baseline.empty ?></p><?cs else ?>
<div class="table-wrap">
<table id="baseline">
 <thead><tr><th><?cs var:L.risk.baseline.crossing ?></th><th><?cs var:L.risk.baseline.selections ?></th><th><?cs var:L.risk.baseline.controls ?></th><th><?cs var:L.risk.baseline.irregular ?></th><th><?cs var:L.risk.baseline.hit_rate ?></th></tr></thead>
 <tbody>
 <?cs each:b = Baseline ?><tr data-crossing="<?cs var:b.crossing ?>"><td><?cs if:CrossingName[b.crossing] ?><?cs var:CrossingName[b.crossing] ?><?cs else ?><?cs var:b.crossing ?><?cs /if ?></td><td class="selections"><?cs var:b.selections ?></td><td class="controls"><?cs var:b.controls ?></td><td class="irregular"><?cs var:b.irregular ?></td><td class="hit-rate"><?cs if:b.hit_rate ?><?cs var:b.hit_rate ?> %<?cs else ?><?cs var:L.risk.none ?><?cs /if ?></td></tr><?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<h2><?cs var:L.risk.reinsp.title ?></h2>
<p><a class="button" href="/skr/risk/reinspections/new" id="reinspect-new"><?cs var:L.risk.reinsp.new ?></a></p>
<?cs if:subcount(Reinspections) == 0 ?><p id="reinspections-empty"><?cs var:L.risk.reinsp.empty ?></p><?cs else ?>
<div class="table-wrap">
<table id="reinspections">
 <thead><tr><th><?cs var:L.risk.reinsp.id ?></th><th><?cs var:L.risk.reinsp.subject ?></th><th><?cs var:L.risk.reinsp.value ?></th><th><?cs var:L.risk.reinsp.reason ?></th><th><?cs var:L.risk.reinsp.valid ?></th><th><?cs var:L.risk.reinsp.status ?></th><th><?cs var:L.risk.reinsp.by ?></th><th></th></tr></thead>
 <tbody>
 <?cs each:o = Reinspections ?><tr data-id="<?cs var:o.id ?>"><td><?cs var:o.id ?></td><td><?cs var:L.risk.subject[o.subject] ?></td><td><code><?cs var:o.value ?></code></td><td><?cs var:o.reason ?></td><td class="nowrap"><?cs var:o.valid_from ?> – <?cs var:o.valid_to ?></td><td class="status"><?cs var:L.risk.status[o.status] ?></td><td><?cs var:o.creator ?></td><td><?cs if:o.status == "active" ?><form method="post" action="/skr/risk/reinspections/<?cs var:o.id ?>/withdraw" class="inline"><?cs call:csrf() ?><button type="submit" class="secondary"><?cs var:L.risk.reinsp.withdraw ?></button></form><?cs elif:o.decision_id ?><?cs var:L.risk.reinsp.decision ?> <?cs var:o.decision_id ?><?cs /if ?></td></tr><?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
