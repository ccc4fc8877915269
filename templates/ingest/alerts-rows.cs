<?cs # ingest/alerts-rows.cs: alert rows, shared by the list and the feed its script polls; priority 1 is emphasised; the event's control decision in words (as macros.cs decision_badge: the feed is drawn without macros.cs) ?>
<?cs include:"ingest/where.cs" ?>
<?cs each:a = Alerts ?>
<tr class="alert-row prio-<?cs var:a.priority ?> state-<?cs var:a.state ?>" data-id="<?cs var:a.id ?>">
 <td><a href="/skr/alerts/<?cs var:a.id ?>"><?cs var:a.id ?></a></td>
 <td class="nowrap"><?cs var:local_time(a.created_at) ?></td>
 <td><strong><?cs var:L.ingest.kind[a.kind] ?></strong><br><span class="prio"><?cs var:L.ingest.priority[a.priority] ?></span></td>
 <td><?cs call:where(a.crossing, a.lane, a.lane_kind) ?></td>
 <td><?cs if:a.booking_number ?><span class="booking">eBT <?cs var:a.booking_number ?></span><?cs /if ?><?cs if:a.raw ?><code><?cs var:a.raw ?></code><?cs if:a.country ?> (<?cs alt:L.country[a.country] ?><?cs var:a.country ?><?cs /alt ?>)<?cs /if ?><?cs /if ?><?cs if:a.device ?><br><span class="muted"><?cs var:a.device ?></span><?cs /if ?></td>
 <td><?cs if:a.entry_value ?><?cs var:L.ingest.subject[a.subject] ?>: <code><?cs var:a.entry_value ?></code><br><span class="muted"><?cs var:L.ingest.action[a.action] ?> · <?cs var:L.ingest.confidence[a.confidence] ?></span><?cs /if ?></td>
 <td><?cs if:a.image_ok == "1" ?><a href="/skr/alerts/<?cs var:a.id ?>/image" class="image"><?cs var:L.ingest.alerts.image_link ?></a><?cs /if ?></td>
 <td><?cs var:L.ingest.state[a.state] ?><?cs if:a.outcome ?>: <?cs var:L.ingest.outcome[a.outcome] ?><?cs /if ?><?cs if:a.decision_id ?><br><?cs if:Risk.DecisionLink ?><a<?cs else ?><span<?cs /if ?> class="badge <?cs if:a.decision_colour == "red" ?>bad<?cs elif:a.decision_colour == "yellow" ?>warn<?cs else ?>ok<?cs /if ?>" data-decision="<?cs var:a.decision_colour ?>"<?cs if:Risk.DecisionLink ?> href="/skr/control/decisions/<?cs var:a.decision_id ?>"<?cs /if ?>><?cs var:L.risk.colour[a.decision_colour] ?><?cs if:a.decision_random == "1" ?> · <?cs var:L.risk.random_short ?><?cs /if ?><?cs if:Risk.DecisionLink ?></a><?cs else ?></span><?cs /if ?><?cs /if ?></td>
</tr>
<?cs /each ?>
