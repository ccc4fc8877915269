<?cs # ebt/guest-done.cs: the one-time confirmation of a booking without an account: no link back, it cannot be shown again later ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.booking.title + " " + B.number ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs set:Page.Script = "print.js" ?>
<?cs def:content() ?>
<div class="notice noprint" role="status" id="made"><?cs var:L.ebt.booking.made ?></div>
<article class="ticket">
<h1><?cs var:L.ebt.booking.title ?> <span id="number"><?cs var:B.number ?></span></h1>
<div class="ticket-body">
<?cs if:B.qr ?><img class="qr" id="qr" src="data:image/svg+xml;base64,<?cs var:B.qr ?>" alt="<?cs var:L.ebt.booking.qr ?> <?cs var:B.number ?>" width="180" height="180"><?cs /if ?>
<dl class="facts">
 <dt><?cs var:L.ebt.crossing ?></dt><dd><?cs if:Page.Lang == "en" ?><?cs var:B.crossing_en ?><?cs else ?><?cs var:B.crossing_pl ?><?cs /if ?></dd>
 <dt><?cs var:L.ebt.when ?></dt><dd id="when"><?cs var:B.day ?> <?cs var:B.hour ?>:00 <?cs var:L.ebt.local ?></dd>
 <dt><?cs var:L.ebt.window ?></dt><dd><?cs var:L.ebt.window_text_a ?> <?cs var:B.arrive_before_min ?> <?cs var:L.ebt.window_text_b ?> <?cs var:B.arrive_after_min ?> <?cs var:L.ebt.window_text_c ?></dd>
 <dt><?cs var:L.ebt.f.plate ?></dt><dd><?cs var:B.plate ?> (<?cs var:B.plate_country ?>)<?cs if:B.trailer_plate ?> + <?cs var:B.trailer_plate ?><?cs /if ?></dd>
</dl>
</div>
<p class="alert noprint" id="once"><?cs var:L.ebt.guest.once ?></p>
<p class="noprint ticket-links"><button type="button" class="print" id="print" hidden><?cs var:L.ebt.booking.print ?></button></p>
</article>
<?cs /def ?>
<?cs include:"layout.cs" ?>
