<?cs # risk/decision-why.cs: why a decision is what it is (included by decision.cs and task.cs) ?>
<dl class="facts" id="decision">
 <dt><?cs var:L.risk.decision.colour ?></dt><dd id="decision-colour"><?cs set:Risk.DecisionLink = "" ?><?cs call:decision_badge(Decision.id, Decision.colour, Decision.random) ?></dd>
 <dt><?cs var:L.risk.decision.object ?></dt><dd><?cs var:L.risk.kind[Decision.object_kind] ?>: <code id="decision-object"><?cs var:Decision.object_key ?></code></dd>
 <dt><?cs var:L.risk.decision.where ?></dt><dd id="decision-where"><?cs if:CrossingName[Decision.crossing] ?><?cs var:CrossingName[Decision.crossing] ?><?cs else ?><?cs var:Decision.crossing ?><?cs /if ?><?cs if:Decision.lane_kind ?> (<?cs var:L.risk.lane_kind[Decision.lane_kind] ?>)<?cs /if ?><?cs if:Decision.booking_id ?> · <?cs var:L.risk.decision.checkin ?><?cs /if ?></dd>
 <dt><?cs var:L.risk.decision.at ?></dt><dd><?cs var:local_time(Decision.created_at) ?></dd>
 <dt><?cs var:L.risk.decision.score ?></dt><dd id="decision-score"><?cs var:Decision.score ?></dd>
</dl>
<h2><?cs var:L.risk.decision.why ?></h2>
<ul id="decision-why">
<?cs if:Decision.reinspection_id ?><li id="why-reinspection"><?cs var:L.risk.decision.why_order ?> <?cs var:Decision.reinspection_id ?> (<?cs var:Decision.order_by_name ?>): <q><?cs var:Decision.order_reason ?></q></li><?cs /if ?>
<?cs if:Decision.random == "1" ?><li id="why-random"><?cs var:L.risk.decision.why_random ?></li><?cs /if ?>
<?cs each:h = Decision.Hits ?><li class="why-profile" data-version="<?cs var:h.version_id ?>"><?cs var:L.risk.decision.why_profile ?> <q><?cs var:h.name ?></q>, <?cs var:L.risk.decision.version ?> <?cs var:h.version_no ?> (<?cs if:h.fixed ?><?cs var:L.risk.colour[h.fixed] ?><?cs else ?><?cs var:L.risk.decision.weight ?> <?cs var:h.weight ?><?cs /if ?>)<?cs if:h.random == "1" ?>, <span class="why-drawn"><?cs var:L.risk.decision.why_profile_random ?> (<?cs var:h.random_pct ?> %)</span><?cs /if ?>: <code><?cs var:h.used ?></code></li><?cs /each ?>
<?cs if:!Decision.reinspection_id && Decision.random != "1" && subcount(Decision.Hits) == 0 ?><li id="why-nothing"><?cs var:L.risk.decision.why_nothing ?></li><?cs /if ?>
</ul>
