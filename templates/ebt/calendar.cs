<?cs # ebt/calendar.cs: two levels: the crossing's bookable days (free places per day) and the chosen day's hours. Links skip url_escape: Cal.q is made in C from two integers, d comes as YYYY-MM-DD and h as 0..23 from the database (HTML escaping still applies); the page is benchmarked ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.cal.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:crossing_name(c) ?><?cs if:Page.Lang == "en" ?><?cs var:c.name_en ?><?cs else ?><?cs var:c.name_pl ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.cal.title ?>: <?cs call:crossing_name(Crossing) ?></h1>
<ol class="steps"><li><?cs var:L.ebt.step.crossing ?></li><li class="on"><?cs var:L.ebt.step.hour ?></li><li><?cs var:L.ebt.step.form ?></li><li><?cs var:L.ebt.step.review ?></li></ol>
<p class="lead"><?cs var:L.ebt.cal.intro ?></p>
<div class="cal2">
<nav class="days" id="days" aria-label="<?cs var:L.ebt.cal.days ?>"><h2><?cs var:L.ebt.cal.days ?></h2><ul>
<?cs each:d = Days ?><li class="day<?cs if:d.s == "closed" ?> off<?cs elif:d.s == "full" ?> full<?cs /if ?><?cs if:d.d == Cal.day ?> on<?cs /if ?>"><a href="/ebt/calendar?<?cs var:Cal.q ?>&amp;day=<?cs var:d.d ?>#hours" data-day="<?cs var:d.d ?>"<?cs if:d.d == Cal.day ?> aria-current="date"<?cs /if ?>><span class="w"><?cs var:L.ebt.cal.dow[d.w] ?></span> <span class="d"><?cs var:d.d ?></span> <span class="n"><?cs if:d.s == "closed" ?><?cs var:L.ebt.cal.closed ?><?cs elif:d.s == "full" ?><?cs var:L.ebt.cal.full ?><?cs else ?><?cs var:d.f ?> <?cs var:plural(d.f, "ebt.cal.free") ?><?cs /if ?></span></a></li>
<?cs /each ?></ul></nav>
<section class="day-hours" id="hours"><?cs if:Cal.day ?><h2><?cs var:L.ebt.cal.hours_of ?> <span id="cal-day"><?cs var:Cal.day ?></span></h2><?cs /if ?>
<?cs if:subcount(Hours) == 0 ?><p id="cal-empty"><?cs var:L.ebt.cal.empty ?></p><?cs /if ?>
<ul class="hours" id="calendar">
<?cs each:h = Hours ?><?cs if:h.s == "free" ?><li class="hour free"><a href="/ebt/book?<?cs var:Cal.q ?>&amp;day=<?cs var:Cal.day ?>&amp;hour=<?cs var:h.h ?>" data-day="<?cs var:Cal.day ?>" data-hour="<?cs var:h.h ?>"><span class="h"><?cs var:h.h ?>:00</span> <span class="n"><?cs var:h.f ?>/<?cs var:h.c ?> <?cs var:plural(h.f, "ebt.cal.free") ?></span></a></li>
<?cs else ?><li class="hour <?cs if:h.s == "full" ?>full<?cs else ?>off<?cs /if ?>"><span class="h"><?cs var:h.h ?>:00</span> <span class="n"><?cs if:h.s == "full" ?><?cs var:L.ebt.cal.full ?><?cs else ?><?cs var:L.ebt.cal.closed ?><?cs /if ?></span></li>
<?cs /if ?><?cs /each ?></ul>
</section>
</div>
<p class="note"><?cs var:L.ebt.cal.local ?></p>
<?cs /def ?>
<?cs include:"layout.cs" ?>
