<?cs # skr/menu.cs: the intranet menu; each entry shows for the roles that may use it (the XML archive is national: auditors and the Ministry's administrators). A program adding staff pages adds its entry here ?>
<nav class="menu wrap" aria-label="<?cs var:L.site.main_nav ?>">
 <a href="/skr/"><?cs var:L.menu.dashboard ?></a>
 <?cs if:Session.Role.registration || Session.Role.admin ?><a href="/skr/ecustomer/queue"><?cs var:L.menu.registrations ?></a><?cs /if ?>
 <?cs if:Session.Role.crossing ?><a href="/skr/ebt/"><?cs var:L.menu.crossing ?></a><?cs /if ?>
 <?cs if:Session.Role.crossing || Session.Role.risk ?><a href="/skr/alerts"><?cs var:L.menu.alerts ?></a><?cs /if ?>
 <?cs if:Session.Role.watchlist || Session.Role.risk ?><a href="/skr/watchlist"><?cs var:L.menu.watchlist ?></a><?cs /if ?>
 <?cs if:Session.Role.risk || Session.Role.crossing ?><a href="/skr/register"><?cs var:L.menu.register ?></a><?cs /if ?>
 <?cs if:Session.Role.crossing || Session.Role.admin ?><a href="/skr/devices"><?cs var:L.menu.devices ?></a><?cs /if ?>
 <?cs if:Session.Role.auditor || (Session.Role.admin && Session.National) ?><a href="/skr/puesc/archive"><?cs var:L.menu.puesc ?></a><?cs /if ?>
 <?cs if:Session.Role.admin ?><a href="/skr/admin/staff"><?cs var:L.menu.staff ?></a> <a href="/skr/admin/grants"><?cs var:L.menu.grants ?></a><?cs /if ?>
 <?cs if:Session.Role.admin || Session.Role.auditor ?><a href="/skr/audit"><?cs var:L.menu.audit ?></a><?cs /if ?>
</nav>
