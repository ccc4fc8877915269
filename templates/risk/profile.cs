<?cs # risk/profile.cs: one risk profile: its state and the actions it allows (decided in C: Can.*), the newest version's form, the backtest, the versions ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = Profile.name ?>
<?cs def:content() ?>
<p><a href="/skr/risk/profiles"><?cs var:L.risk_profile.title ?></a></p>
<h1><?cs var:Profile.name ?></h1>
<dl class="facts" id="profile-facts">
 <dt><?cs var:L.risk_profile.state_label ?></dt><dd id="profile-state" data-state="<?cs var:Profile.state ?>"><?cs var:L.risk_profile.state[Profile.state] ?></dd>
 <dt><?cs var:L.risk_profile.version ?></dt><dd id="profile-version"><?cs var:Profile.version_no ?> (<?cs var:Profile.version_by_name ?>)</dd>
 <dt><?cs var:L.risk_profile.author ?></dt><dd><?cs var:Profile.author ?></dd>
 <dt><?cs var:L.risk_profile.rate_label ?></dt><dd id="profile-rate" data-pct="<?cs var:Profile.random_pct ?>"><?cs if:Profile.random_pct ?><?cs var:Profile.random_pct ?> % <?cs var:L.risk_profile.rate_of ?><?cs else ?><?cs var:L.risk_profile.rate_none ?><?cs /if ?></dd>
</dl>
<div class="actions" id="profile-actions">
<?cs if:Can.test ?><form method="post" action="/skr/risk/profiles/<?cs var:Profile.id ?>/state" class="inline"><?cs call:csrf() ?><input type="hidden" name="from" value="draft"><input type="hidden" name="to" value="testing"><button type="submit"><?cs var:L.risk_profile.to_testing ?></button></form><?cs /if ?>
<?cs if:Can.approve ?><form method="post" action="/skr/risk/profiles/<?cs var:Profile.id ?>/approve" class="inline"><?cs call:csrf() ?><button type="submit" id="approve"><?cs var:L.risk_profile.approve ?></button></form><?cs /if ?>
<?cs if:Can.draft ?><form method="post" action="/skr/risk/profiles/<?cs var:Profile.id ?>/state" class="inline"><?cs call:csrf() ?><input type="hidden" name="from" value="testing"><input type="hidden" name="to" value="draft"><button type="submit" class="secondary"><?cs var:L.risk_profile.to_draft ?></button></form><?cs /if ?>
<?cs if:Can.retire ?><form method="post" action="/skr/risk/profiles/<?cs var:Profile.id ?>/state" class="inline"><?cs call:csrf() ?><input type="hidden" name="from" value="active"><input type="hidden" name="to" value="retired"><button type="submit" class="secondary"><?cs var:L.risk_profile.retire ?></button></form><?cs /if ?>
</div>
<?cs if:Profile.state == "testing" ?><p id="shadow-hits" data-count="<?cs var:Profile.shadow_hits ?>"><?cs var:L.risk_profile.shadow_before ?> <strong><?cs var:Profile.shadow_hits ?></strong> <?cs var:plural(Profile.shadow_hits, "unit.object") ?><?cs var:L.risk_profile.shadow_after ?></p><?cs /if ?>
<?cs if:Can.own && Profile.state == "testing" ?><p class="muted" id="own-version"><?cs var:L.risk_profile.own ?></p><?cs /if ?>

<?cs if:Can.backtest ?>
<h2><?cs var:L.risk_profile.bt.title ?></h2>
<p class="muted"><?cs var:L.risk_profile.bt.intro ?></p>
<form method="get" action="/skr/risk/profiles/<?cs var:Profile.id ?>/backtest" class="filters">
 <?cs call:input("days", L.risk_profile.bt.days, "number", Form.days, "") ?>
 <button type="submit"><?cs var:L.risk_profile.bt.run ?></button>
</form>
<?cs if:Backtest.days ?>
<dl class="facts" id="backtest">
 <dt><?cs var:L.risk_profile.bt.total ?></dt><dd id="bt-total"><?cs var:Backtest.total ?></dd>
 <dt><?cs var:L.risk_profile.bt.scanned ?></dt><dd id="bt-scanned"><?cs var:Backtest.scanned ?></dd>
</dl>
<div class="table-wrap"><table id="bt-days">
 <thead><tr><th><?cs var:L.risk_profile.bt.day ?></th><th><?cs var:L.risk_profile.bt.count ?></th></tr></thead>
 <tbody><?cs each:d = Backtest.Day ?><tr><td class="nowrap"><?cs var:d.day ?></td><td><?cs var:d.count ?></td></tr><?cs /each ?></tbody>
</table></div>
<h3><?cs var:L.risk_profile.bt.sample ?></h3>
<?cs if:subcount(Backtest.Sample) == 0 ?><p><?cs var:L.risk_profile.bt.none ?></p><?cs else ?>
<div class="table-wrap"><table id="bt-sample">
 <thead><tr><th><?cs var:L.risk_profile.bt.when ?></th><th><?cs var:L.risk_profile.bt.crossing ?></th><th><?cs var:L.risk_profile.bt.object ?></th><th><?cs var:L.risk_profile.bt.used ?></th></tr></thead>
 <tbody><?cs each:s = Backtest.Sample ?><tr data-event="<?cs var:s.event_id ?>"><td class="nowrap"><?cs var:s.t ?></td><td><?cs if:CrossingName[s.crossing] ?><?cs var:CrossingName[s.crossing] ?><?cs else ?><?cs var:s.crossing ?><?cs /if ?></td><td><code><?cs var:s.obj_key ?></code></td><td><code><?cs var:s.used ?></code></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
<h3><?cs var:L.risk_profile.bt.overlap ?></h3>
<?cs if:subcount(Backtest.Overlap) == 0 ?><p><?cs var:L.risk_profile.bt.no_active ?></p><?cs else ?>
<div class="table-wrap"><table id="bt-overlap">
 <thead><tr><th><?cs var:L.risk_profile.name ?></th><th><?cs var:L.risk_profile.bt.both ?></th></tr></thead>
 <tbody><?cs each:o = Backtest.Overlap ?><tr data-id="<?cs var:o.id ?>"><td><a href="/skr/risk/profiles/<?cs var:o.id ?>"><?cs var:o.name ?></a></td><td><?cs var:o.both ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
<?cs /if ?>
<?cs /if ?>

<?cs if:Can.edit ?>
<h2><?cs var:L.risk_profile.edit ?></h2>
<form method="post" action="/skr/risk/profiles/<?cs var:Profile.id ?>" class="form" novalidate id="profile-form">
<?cs include:"risk/profile-form.cs" ?>
 <button type="submit"><?cs var:L.risk_profile.save_version ?></button>
</form>
<?cs else ?>
<h2><?cs var:L.risk_profile.rule ?></h2>
<pre class="code" id="profile-rule"><?cs var:Profile.rule_text ?></pre>
<?cs /if ?>

<?cs include:"risk/ranking.cs" ?>

<h2><?cs var:L.risk_profile.weeks.title ?></h2>
<?cs if:subcount(Weeks) == 0 ?><p id="weeks-empty"><?cs var:L.risk_profile.weeks.empty ?></p><?cs else ?>
<div class="table-wrap"><table id="weeks">
 <thead><tr><th><?cs var:L.risk_profile.weeks.week ?></th><th><?cs var:L.risk_profile.rank.selections ?></th><th><?cs var:L.risk_profile.rank.controls ?></th><th><?cs var:L.risk_profile.rank.irregular ?></th><th><?cs var:L.risk_profile.rank.hit_rate ?></th></tr></thead>
 <tbody><?cs each:w = Weeks ?><tr data-week="<?cs var:w.monday ?>"><td class="nowrap"><?cs var:w.monday ?></td><td class="selections"><?cs var:w.selections ?></td><td class="controls"><?cs var:w.controls ?></td><td class="irregular"><?cs var:w.irregular ?></td><td class="hit-rate"><?cs if:w.hit_rate ?><?cs var:w.hit_rate ?> %<?cs else ?><?cs var:L.risk.none ?><?cs /if ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>

<h2><?cs var:L.risk_profile.versions ?></h2>
<div class="table-wrap"><table id="versions">
 <thead><tr><th><?cs var:L.risk_profile.version ?></th><th><?cs var:L.risk_profile.rule ?></th><th><?cs var:L.risk_profile.outcome ?></th><th><?cs var:L.risk_profile.scope ?></th><th><?cs var:L.risk_profile.written ?></th><th><?cs var:L.risk_profile.approved ?></th></tr></thead>
 <tbody><?cs each:v = Versions ?><tr data-no="<?cs var:v.no ?>"><td><?cs var:v.no ?></td><td><code><?cs var:v.rule_text ?></code></td><td><?cs if:v.fixed ?><?cs var:L.risk_profile.decision[v.fixed] ?><?cs else ?><?cs var:L.risk_profile.weight ?> <?cs var:v.weight ?><?cs /if ?><?cs if:v.random_pct ?>; <?cs var:L.risk_profile.rate_label ?> <?cs var:v.random_pct ?> %<?cs /if ?></td><td class="scope"><?cs if:subcount(v.Crossing) ?><?cs each:x = v.Crossing ?><?cs if:!first(x) ?>, <?cs /if ?><?cs if:CrossingName[x] ?><?cs var:CrossingName[x] ?><?cs else ?><?cs var:x ?><?cs /if ?><?cs /each ?><?cs else ?><?cs var:L.risk_profile.all_crossings ?><?cs /if ?>; <?cs if:subcount(v.Lane) ?><?cs each:x = v.Lane ?><?cs if:!first(x) ?>, <?cs /if ?><?cs var:L.risk.lane_kind[x] ?><?cs /each ?><?cs else ?><?cs var:L.risk_profile.all_lanes ?><?cs /if ?><?cs if:v.valid_from || v.valid_to ?>; <?cs var:v.valid_from ?> – <?cs var:v.valid_to ?><?cs /if ?></td><td class="nowrap"><?cs var:v.created_by ?>, <?cs var:local_time(v.created_at) ?></td><td class="approved nowrap"><?cs if:v.approved_by ?><?cs var:v.approved_by ?>, <?cs var:local_time(v.approved_at) ?><?cs else ?><?cs var:L.risk.none ?><?cs /if ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /def ?>
<?cs include:"layout.cs" ?>
