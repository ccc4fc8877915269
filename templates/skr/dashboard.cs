<?cs # skr/dashboard.cs: the intranet start page: who, where, which roles, and what they open ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.dashboard ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.skr.welcome ?>, <?cs var:Session.Name ?></h1>
<dl class="facts" id="me">
 <dt><?cs var:L.skr.me.unit ?></dt>
 <dd id="me-unit"><?cs var:Me.Unit.Name ?> <span class="muted">(<?cs var:Me.Unit.Code ?>)</span></dd>
 <dt><?cs var:L.skr.me.roles ?></dt>
 <dd id="me-roles"><?cs set:any = 0 ?><?cs each:ro = Me.Roles ?><?cs if:ro.On ?><?cs set:any = any + 1 ?><span class="badge"><?cs var:ro.Label ?></span> <?cs /if ?><?cs /each ?><?cs if:any == 0 ?><?cs var:L.skr.me.no_roles ?><?cs /if ?></dd>
</dl>
<?cs # The unit's figures for today (ui-today.c); a figure links to its page only when that opens to this officer ?>
<?cs def:figure(id, n, label, href) ?><li id="fig-<?cs var:id ?>"><?cs if:href ?><a href="<?cs var:href ?>"><?cs var:label ?>: <strong class="num"><?cs var:n ?></strong></a><?cs else ?><?cs var:label ?>: <strong class="num"><?cs var:n ?></strong><?cs /if ?></li>
<?cs /def ?>
<section id="today">
<h2 id="today-title"><?cs var:L.skr.today.title ?></h2>
<p class="muted"><?cs var:L.skr.today.asof ?> <?cs var:Today.Time ?> (<?cs var:L.skr.today.local ?>) · <?cs var:L.skr.today.reload ?></p>
<ul class="figures">
<?cs call:figure("waiting", Today.Total.waiting, L.skr.today.waiting, Today.Link.crossing) ?>
<?cs call:figure("booked", Today.Total.booked, L.skr.today.booked, Today.Link.crossing) ?>
<li id="fig-alerts"><?cs if:Today.Link.alerts ?><a href="<?cs var:Today.Link.alerts ?>"><?cs var:L.skr.today.alerts ?>: <strong class="num"><?cs var:Today.Total.alerts ?></strong></a><?cs else ?><?cs var:L.skr.today.alerts ?>: <strong class="num"><?cs var:Today.Total.alerts ?></strong><?cs /if ?> —
 <?cs each:p = Today.Alerts ?><span class="nowrap" id="fig-alerts-<?cs var:p.priority ?>"><?cs var:L.ingest.priority[p.priority] ?> <strong class="num"><?cs var:p.n ?></strong></span><?cs if:!last(p) ?> · <?cs /if ?><?cs /each ?></li>
<?cs call:figure("tasks", Today.Total.tasks, L.skr.today.tasks, Today.Link.control) ?>
<?cs call:figure("down", Today.Total.down, L.skr.today.down, Today.Link.devices) ?>
<?cs call:figure("registrations", Today.Total.registrations, L.skr.today.registrations, Today.Link.registrations) ?>
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
<?cs # The week's charts: skr/week.cs, rendered by ClearSilver (escaped there) and kept for the unit (ui-week.c) ?>
<?cs uvar:Part.week ?>
</section>
<?cs if:subcount(Notices) ?>
<h2 id="notices-title"><?cs var:L.skr.notice.title ?></h2>
<p class="muted"><?cs var:L.skr.notice.intro ?></p>
<ul id="notices">
 <?cs each:n = Notices ?><li class="notice"><span class="nowrap"><?cs var:n.at ?></span> · <?cs var:L.ingest.subject[n.subject] ?> <code><?cs var:n.value ?></code> · <?cs alt:CrossingName[n.crossing] ?><?cs var:n.crossing ?><?cs /alt ?> · <?cs if:n.open ?><a href="/skr/alerts/<?cs var:url_escape(n.alert_id) ?>"><?cs var:L.skr.notice.alert ?> <?cs var:n.alert_id ?></a><?cs else ?><?cs var:L.skr.notice.alert ?> <?cs var:n.alert_id ?> <span class="muted">(<?cs var:L.skr.notice.elsewhere ?>)</span><?cs /if ?></li>
 <?cs /each ?>
</ul>
<?cs /if ?>
<h2><?cs var:L.skr.me.open ?></h2>
<?cs # The cards are the menu's (domain/access.c): what the roles open, and what is still to come ?>
<?cs set:cards = 0 ?>
<ul class="cards links" id="open">
<?cs each:m = Menu ?><?cs if:m.Card ?><?cs set:cards = cards + 1 ?>
 <li class="card" id="card-<?cs var:m.Id ?>"><?cs if:m.Href ?><h3><a href="<?cs var:m.Href ?>"><?cs var:L.skr.link[m.Id] ?></a></h3><?cs else ?><h3><?cs var:L.skr.link[m.Id] ?></h3><?cs /if ?><p><?cs var:L.skr.link[m.Id + "_text"] ?><?cs if:m.Id == "grants" ?> <strong id="grants-waiting"><?cs var:Me.GrantsWaiting ?></strong><?cs /if ?></p></li>
<?cs /if ?><?cs /each ?>
</ul>
<?cs if:cards == 0 ?><p id="nothing"><?cs var:L.skr.me.nothing ?></p><?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
