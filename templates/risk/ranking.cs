<?cs # risk/ranking.cs: profile versions by the hit rate of their controls next to random selection's (Ranking.*, decided in C) ?>
<h2><?cs var:L.risk_profile.rank.title ?> (<?cs var:Ranking.days ?> <?cs var:L.risk.counts.days ?>)</h2>
<p class="muted" id="rank-baseline"><?cs var:L.risk_profile.rank.baseline ?>: <?cs if:Ranking.baseline.hit_rate ?><?cs var:Ranking.baseline.hit_rate ?> % (<?cs var:Ranking.baseline.irregular ?> / <?cs var:Ranking.baseline.controls ?>)<?cs else ?><?cs var:L.risk_profile.rank.unmeasured ?><?cs /if ?></p>
<?cs if:subcount(Ranking.List) == 0 ?><p id="rank-empty"><?cs var:L.risk_profile.rank.empty ?></p><?cs else ?>
<div class="table-wrap"><table id="ranking">
 <thead><tr><th><?cs var:L.risk_profile.name ?></th><th><?cs var:L.risk_profile.version ?></th><th><?cs var:L.risk_profile.rank.selections ?></th><th><?cs var:L.risk_profile.rank.controls ?></th><th><?cs var:L.risk_profile.rank.irregular ?></th><th><?cs var:L.risk_profile.rank.hit_rate ?></th><th><?cs var:L.risk_profile.rank.vs ?></th></tr></thead>
 <tbody><?cs each:k = Ranking.List ?><tr data-version="<?cs var:k.version_id ?>"><td><a href="/skr/risk/profiles/<?cs var:k.profile_id ?>"><?cs var:k.name ?></a></td><td><?cs var:k.version_no ?></td><td class="selections"><?cs var:k.selections ?></td><td class="controls"><?cs var:k.controls ?></td><td class="irregular"><?cs var:k.irregular ?></td><td class="hit-rate"><?cs if:k.hit_rate ?><?cs var:k.hit_rate ?> %<?cs else ?><?cs var:L.risk.none ?><?cs /if ?></td><td class="beats"><?cs if:k.beats == "1" ?><?cs var:L.risk_profile.rank.better ?><?cs elif:k.beats == "0" ?><?cs var:L.risk_profile.rank.not_better ?><?cs else ?><?cs var:L.risk.none ?><?cs /if ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
