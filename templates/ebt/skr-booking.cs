<?cs # ebt/skr-booking.cs: one booking as the crossing officer sees it ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.booking.title + " " + B.number ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.booking.title ?> <span id="number"><?cs var:B.number ?></span></h1>
<dl class="facts">
 <dt><?cs var:L.ebt.status ?></dt><dd><span class="st st-<?cs var:B.status ?>" id="status"><?cs var:L.ebt.st[B.status] ?></span><?cs if:B.walk_in == "1" ?> <?cs var:L.ebt.walkin_badge ?><?cs /if ?></dd>
 <dt><?cs var:L.ebt.when ?></dt><dd><?cs var:B.day ?> <?cs var:B.hour ?>:00 <?cs var:L.ebt.local ?></dd>
 <dt><?cs var:L.ebt.company ?></dt><dd><?cs if:B.guest_email ?><span id="guest"><?cs var:L.ebt.guest_badge ?>: <?cs var:B.guest_email ?></span><?cs else ?><?cs var:B.company_name ?><?cs /if ?></dd>
 <dt><?cs var:L.ebt.f.plate ?></dt><dd><?cs var:B.plate ?> (<?cs var:B.plate_country ?>)<?cs if:B.trailer_plate ?> + <?cs var:B.trailer_plate ?><?cs /if ?></dd>
 <dt><?cs var:L.ebt.f.driver_name ?></dt><dd><?cs var:B.driver_name ?>, <?cs var:B.driver_doc ?>, <?cs var:B.driver_phone ?></dd>
 <dt><?cs var:L.ebt.mrn ?></dt><dd><?cs each:m = B.Mrn ?><code><?cs var:m.mrn ?></code> <?cs /each ?></dd>
 <dt><?cs var:L.ebt.f.goods ?></dt><dd><?cs var:B.goods ?>; <?cs var:B.mass_kg ?> kg</dd>
</dl>
<h2><?cs var:L.ebt.booking.history ?></h2>
<ul id="history"><?cs each:h = B.History ?><li><?cs var:local_time(h.at) ?>: <?cs var:L.ebt.act[h.action] ?><?cs if:h.reason ?> (<?cs var:h.reason ?>)<?cs /if ?></li><?cs /each ?></ul>
<p><a href="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>"><?cs var:L.ebt.skr.back ?></a></p>
<?cs /def ?>
<?cs include:"layout.cs" ?>
