<?cs # skr/today.cs: the start page's figures of the unit for today (ui-today.c), drawn alone (view_render_part) because each worker keeps them for the unit, language and links for Report.CacheSeconds; skr/dashboard.cs prints the result. A figure links to its page only when that opens to this officer; the applications waiting are shown only then ?>
<?cs def:figure(id, n, label, href) ?><li id="fig-<?cs var:id ?>"><?cs if:href ?><a href="<?cs var:href ?>"><?cs var:label ?>: <strong class="num"><?cs var:n ?></strong></a><?cs else ?><?cs var:label ?>: <strong class="num"><?cs var:n ?></strong><?cs /if ?></li>
<?cs /def ?>
<?cs def:content() ?>
<h2 id="today-title"><?cs var:L.skr.today.title ?></h2>
<p class="muted" id="today-as-of"><?cs var:L.skr.today.asof ?> <?cs var:Today.Time ?> (<?cs var:L.skr.today.local ?>) · <?cs var:L.skr.today.reload ?><?cs if:Today.Seconds > 0 ?>, <?cs var:L.skr.today.kept ?> <?cs var:Today.Seconds ?> <?cs var:L.skr.today.kept_unit ?><?cs /if ?></p>
<ul class="figures">
<?cs call:figure("waiting", Today.Total.waiting, L.skr.today.waiting, Today.Link.crossing) ?>
<?cs call:figure("booked", Today.Total.booked, L.skr.today.booked, Today.Link.crossing) ?>
<li id="fig-alerts"><?cs if:Today.Link.alerts ?><a href="<?cs var:Today.Link.alerts ?>"><?cs var:L.skr.today.alerts ?>: <strong class="num"><?cs var:Today.Total.alerts ?></strong></a><?cs else ?><?cs var:L.skr.today.alerts ?>: <strong class="num"><?cs var:Today.Total.alerts ?></strong><?cs /if ?> —
 <?cs each:p = Today.Alerts ?><span class="nowrap" id="fig-alerts-<?cs var:p.priority ?>"><?cs var:L.ingest.priority[p.priority] ?> <strong class="num"><?cs var:p.n ?></strong></span><?cs if:!last(p) ?> · <?cs /if ?><?cs /each ?></li>
<?cs call:figure("tasks", Today.Total.tasks, L.skr.today.tasks, Today.Link.control) ?>
<?cs call:figure("down", Today.Total.down, L.skr.today.down, Today.Link.devices) ?>
<?cs if:Today.Link.registrations ?><?cs call:figure("registrations", Today.Total.registrations, L.skr.today.registrations, Today.Link.registrations) ?><?cs /if ?>
</ul>
<?cs if:subcount(Today.Crossings) ?>
<div class="table-wrap"><table class="stacked" id="today-crossings">
<caption><?cs var:L.skr.today.by_crossing ?></caption>
<thead><tr><th scope="col"><?cs var:L.skr.today.crossing ?></th><th scope="col"><?cs var:L.skr.today.waiting ?></th><th scope="col"><?cs var:L.skr.today.booked ?></th><th scope="col"><?cs var:L.skr.today.alerts ?></th><th scope="col"><?cs var:L.skr.today.tasks ?></th><th scope="col"><?cs var:L.skr.today.down ?></th></tr></thead>
<tbody>
<?cs each:c = Today.Crossings ?><tr id="today-<?cs var:c.code ?>">
 <th scope="row"><?cs if:c.Href ?><a href="<?cs var:c.Href ?>"><?cs var:c.name ?></a><?cs else ?><?cs var:c.name ?><?cs /if ?></th>
 <td class="num" data-label="<?cs var:L.skr.today.waiting ?>"><?cs if:c.ebt ?><?cs alt:c.waiting ?>0<?cs /alt ?><?cs else ?><span class="muted"><?cs var:L.skr.today.no_ebt ?></span><?cs /if ?></td>
 <td class="num" data-label="<?cs var:L.skr.today.booked ?>"><?cs if:c.ebt ?><?cs alt:c.booked ?>0<?cs /alt ?><?cs else ?><span class="muted"><?cs var:L.skr.today.no_ebt ?></span><?cs /if ?></td>
 <td class="num" data-label="<?cs var:L.skr.today.alerts ?>"><?cs alt:c.alerts ?>0<?cs /alt ?></td>
 <td class="num" data-label="<?cs var:L.skr.today.tasks ?>"><?cs alt:c.tasks ?>0<?cs /alt ?></td>
 <td class="num" data-label="<?cs var:L.skr.today.down ?>"><?cs alt:c.down ?>0<?cs /alt ?></td>
</tr>
<?cs /each ?>
</tbody></table></div>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
