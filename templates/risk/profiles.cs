<?cs # risk/profiles.cs: the risk profiles, active first, with their state and versions ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.risk_profile.title ?>
<?cs def:content() ?>
<h1><?cs var:L.risk_profile.title ?></h1>
<p class="lead"><?cs var:L.risk_profile.intro ?></p>
<p class="actions"><a class="button" href="/skr/risk/profiles/new"><?cs var:L.risk_profile.new ?></a> <a class="button secondary" href="/skr/risk"><?cs var:L.risk.title ?></a></p>
<?cs if:subcount(Profiles) == 0 ?><p id="profiles-empty"><?cs var:L.risk_profile.empty ?></p><?cs else ?>
<div class="table-wrap">
<table id="profiles">
 <thead><tr><th><?cs var:L.risk_profile.name ?></th><th><?cs var:L.risk_profile.state_label ?></th><th><?cs var:L.risk_profile.outcome ?></th><th><?cs var:L.risk_profile.version ?></th><th><?cs var:L.risk_profile.active_version ?></th><th><?cs var:L.risk_profile.author ?></th><th><?cs var:L.risk_profile.changed ?></th></tr></thead>
 <tbody>
 <?cs each:p = Profiles ?><tr data-id="<?cs var:p.id ?>"><td><a href="/skr/risk/profiles/<?cs var:p.id ?>"><?cs var:p.name ?></a></td><td class="state"><?cs var:L.risk_profile.state[p.state] ?></td><td><?cs if:p.fixed ?><?cs var:L.risk_profile.decision[p.fixed] ?><?cs else ?><?cs var:L.risk_profile.weight ?> <?cs var:p.weight ?><?cs /if ?></td><td><?cs var:p.version_no ?></td><td><?cs if:p.active_no ?><?cs var:p.active_no ?><?cs else ?><?cs var:L.risk.none ?><?cs /if ?></td><td><?cs var:p.author ?></td><td class="nowrap"><?cs var:local_time(p.changed_at) ?></td></tr><?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<?cs include:"risk/ranking.cs" ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
