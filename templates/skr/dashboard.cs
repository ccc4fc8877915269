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
<section id="today">
<?cs # The unit's figures for today: skr/today.cs, rendered by ClearSilver (escaped there) and kept for the unit, language and links (ui-today.c) ?>
<?cs uvar:Part.today ?>
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
