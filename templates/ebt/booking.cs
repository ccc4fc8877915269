<?cs # ebt/booking.cs: one booking: confirmation with QR, printable while it is valid (B.can_print); change of hour, cancel, history ?>
<?cs include:"macros.cs" ?>
<?cs include:"ebt/hour-picker.cs" ?>
<?cs set:Page.Title = L.ebt.booking.title + " " + B.number ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs set:Page.Script = "print.js" ?>
<?cs def:content() ?>
<?cs if:Page.Made ?><div class="notice noprint" role="status" id="made"><?cs var:L.ebt.booking.made ?></div><?cs /if ?>
<?cs if:Page.Refusal ?><div class="alert" role="alert" id="refusal" data-code="<?cs var:Page.RefusalCode ?>"><?cs var:Page.Refusal ?></div><?cs /if ?>
<?cs call:form_errors() ?>
<article class="ticket">
<h1><?cs var:L.ebt.booking.title ?> <span id="number"><?cs var:B.number ?></span></h1>
<div class="ticket-body">
<?cs if:B.can_print == "1" ?><img class="qr" id="qr" src="/ebt/bookings/<?cs var:url_escape(B.number) ?>/qr.svg" alt="<?cs var:L.ebt.booking.qr ?> <?cs var:B.number ?>" width="180" height="180"><?cs /if ?>
<dl class="facts">
 <dt><?cs var:L.ebt.status ?></dt><dd><span class="st st-<?cs var:B.status ?>" id="status" data-status="<?cs var:B.status ?>"><?cs var:L.ebt.st[B.status] ?></span></dd>
 <dt><?cs var:L.ebt.crossing ?></dt><dd><?cs if:Page.Lang == "en" ?><?cs var:B.crossing_en ?><?cs else ?><?cs var:B.crossing_pl ?><?cs /if ?></dd>
 <dt><?cs var:L.ebt.when ?></dt><dd id="when"><?cs var:B.day ?> <?cs var:B.hour ?>:00 <?cs var:L.ebt.local ?></dd>
 <dt><?cs var:L.ebt.window ?></dt><dd><?cs var:L.ebt.window_text_a ?> <?cs var:B.arrive_before_min ?> <?cs var:L.ebt.window_text_b ?> <?cs var:B.arrive_after_min ?> <?cs var:L.ebt.window_text_c ?></dd>
 <dt><?cs var:L.ebt.company ?></dt><dd><?cs var:B.company_name ?></dd>
 <dt><?cs var:L.ebt.f.plate ?></dt><dd><?cs var:B.plate ?> (<?cs var:B.plate_country ?>)<?cs if:B.trailer_plate ?> + <?cs var:B.trailer_plate ?><?cs /if ?></dd>
 <dt><?cs var:L.ebt.f.driver_name ?></dt><dd><?cs var:B.driver_name ?>, <?cs var:B.driver_doc ?>, <?cs var:B.driver_phone ?></dd>
 <dt><?cs var:L.ebt.mrn ?></dt><dd><?cs each:m = B.Mrn ?><code><?cs var:m.mrn ?></code> <?cs /each ?></dd>
 <dt><?cs var:L.ebt.f.goods ?></dt><dd><?cs var:B.goods ?>; <?cs var:B.mass_kg ?> kg<?cs if:B.packages > 0 ?>, <?cs var:B.packages ?> <?cs var:plural(B.packages, "ebt.pk") ?><?cs /if ?></dd>
</dl>
</div>
<?cs if:B.can_print != "1" ?><p class="alert" id="no-ticket"><?cs var:L.ebt.booking.no_ticket ?></p><?cs /if ?>
<p class="noprint ticket-links"><?cs if:B.can_print == "1" ?><button type="button" class="print" id="print" hidden><?cs var:L.ebt.booking.print ?></button> <a href="/ebt/bookings/<?cs var:url_escape(B.number) ?>/ics" id="ics"><?cs var:L.ebt.booking.ics ?></a> <?cs /if ?><a href="/ebt/"><?cs var:L.ebt.list.title ?></a></p>
</article>
<?cs if:B.can_change == "1" ?>
<section class="noprint change">
<h2><?cs var:L.ebt.booking.change ?></h2>
<p id="deadline"><?cs var:L.ebt.booking.deadline_a ?> <?cs var:B.change_deadline_min ?> <?cs var:plural(B.change_deadline_min, "unit.minute") ?> <?cs var:L.ebt.booking.deadline_b ?></p>
<form method="get" action="/ebt/bookings/<?cs var:url_escape(B.number) ?>#change" class="filters" id="change-day" novalidate>
 <?cs call:input("day", L.ebt.day, "date", Form.day, "required") ?>
 <button type="submit" class="secondary" id="show-hours"><?cs var:L.ebt.start.next ?></button>
</form>
<form method="post" action="/ebt/bookings/<?cs var:url_escape(B.number) ?>/change" id="change" novalidate>
 <?cs call:csrf() ?>
 <?cs if:Pick.day ?><input type="hidden" name="day" value="<?cs var:Pick.day ?>">
 <fieldset><legend><?cs var:L.ebt.hour ?> <span class="nowrap" id="pick-of"><?cs var:Pick.day ?></span></legend>
 <?cs call:hour_picker(Hours, Form.hour) ?>
 </fieldset><?cs /if ?>
 <?cs call:input("reason", L.ebt.reason, "text", Form.reason, "") ?>
 <button type="submit"><?cs var:L.ebt.booking.change_btn ?></button>
</form>
<form method="post" action="/ebt/bookings/<?cs var:url_escape(B.number) ?>/cancel" id="cancel" novalidate>
 <?cs call:csrf() ?>
 <input type="hidden" name="reason" value="">
 <button type="submit" class="danger"><?cs var:L.ebt.booking.cancel_btn ?></button>
</form>
</section>
<?cs /if ?>
<section class="noprint"><h2><?cs var:L.ebt.booking.history ?></h2>
<ul id="history"><?cs each:h = B.History ?><li><?cs var:local_time(h.at) ?>: <?cs var:L.ebt.act[h.action] ?><?cs if:h.reason ?> (<?cs var:h.reason ?>)<?cs /if ?></li><?cs /each ?></ul></section>
<?cs /def ?>
<?cs include:"layout.cs" ?>
