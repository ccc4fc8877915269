<?cs # skr/dashboard.cs: the intranet start page: who, where, which roles, and what they open ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.dashboard ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:link(href, title, text) ?><li class="card"><h3><a href="<?cs var:href ?>"><?cs var:title ?></a></h3><p><?cs var:text ?></p></li><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.skr.welcome ?>, <?cs var:Session.Name ?></h1>
<dl class="facts" id="me">
 <dt><?cs var:L.skr.me.unit ?></dt>
 <dd id="me-unit"><?cs var:Me.Unit.Name ?> <span class="muted">(<?cs var:Me.Unit.Code ?>)</span></dd>
 <dt><?cs var:L.skr.me.roles ?></dt>
 <dd id="me-roles"><?cs set:any = 0 ?><?cs each:ro = Me.Roles ?><?cs if:ro.On ?><?cs set:any = any + 1 ?><span class="badge"><?cs var:ro.Label ?></span> <?cs /if ?><?cs /each ?><?cs if:any == 0 ?><?cs var:L.skr.me.no_roles ?><?cs /if ?></dd>
</dl>
<?cs if:subcount(Notices) ?>
<h2 id="notices-title"><?cs var:L.skr.notice.title ?></h2>
<p class="muted"><?cs var:L.skr.notice.intro ?></p>
<ul id="notices">
 <?cs each:n = Notices ?><li class="notice"><span class="nowrap"><?cs var:n.at ?></span> · <?cs var:L.ingest.subject[n.subject] ?> <code><?cs var:n.value ?></code> · <?cs var:n.crossing ?> · <?cs if:n.open ?><a href="/skr/alerts/<?cs var:url_escape(n.alert_id) ?>"><?cs var:L.skr.notice.alert ?> <?cs var:n.alert_id ?></a><?cs else ?><?cs var:L.skr.notice.alert ?> <?cs var:n.alert_id ?> <span class="muted">(<?cs var:L.skr.notice.elsewhere ?>)</span><?cs /if ?></li>
 <?cs /each ?>
</ul>
<?cs /if ?>
<h2><?cs var:L.skr.me.open ?></h2>
<ul class="cards links">
 <?cs if:Session.Role.registration || Session.Role.admin ?><?cs call:link("/skr/ecustomer/queue", L.skr.link.registrations, L.skr.link.registrations_text) ?><?cs /if ?>
 <?cs if:Session.Role.crossing ?><?cs call:link("/skr/ebt/", L.skr.link.crossing, L.skr.link.crossing_text) ?><?cs /if ?>
 <?cs if:Session.Role.crossing || Session.Role.risk ?><?cs call:link("/skr/alerts", L.skr.link.alerts, L.skr.link.alerts_text) ?><?cs /if ?>
 <?cs if:Session.Role.watchlist || Session.Role.risk ?><?cs call:link("/skr/watchlist", L.skr.link.watchlist, L.skr.link.watchlist_text) ?><?cs /if ?>
 <?cs if:Session.Role.risk || Session.Role.crossing ?><?cs call:link("/skr/register", L.skr.link.register, L.skr.link.register_text) ?><?cs /if ?>
 <?cs if:Session.Role.admin ?><?cs call:link("/skr/admin/staff", L.skr.link.staff, L.skr.link.staff_text) ?><li class="card"><h3><a href="/skr/admin/grants"><?cs var:L.skr.link.grants ?></a></h3><p><?cs var:L.skr.link.grants_text ?> <strong id="grants-waiting"><?cs var:Me.GrantsWaiting ?></strong></p></li><?cs call:link("/skr/admin/units", L.skr.link.units, L.skr.link.units_text) ?><?cs /if ?>
 <?cs if:Session.Role.admin || Session.Role.auditor ?><?cs call:link("/skr/audit", L.skr.link.audit, L.skr.link.audit_text) ?><?cs /if ?>
</ul>
<?cs /def ?>
<?cs include:"layout.cs" ?>
