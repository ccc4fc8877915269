<?cs # ebt/calendar.cs: a week of bookable days with the free places of each hour. The hour links skip url_escape: Cal.q is made in C from two integers and day/hour come as YYYY-MM-DD and 0..23 from the database (HTML escaping still applies); the page is benchmarked and url_escape was its largest cost ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.cal.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:crossing_name(c) ?><?cs if:Page.Lang == "en" ?><?cs var:c.name_en ?><?cs else ?><?cs var:c.name_pl ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.cal.title ?>: <?cs call:crossing_name(Crossing) ?></h1>
<ol class="steps"><li><?cs var:L.ebt.step.crossing ?></li><li class="on"><?cs var:L.ebt.step.hour ?></li><li><?cs var:L.ebt.step.form ?></li><li><?cs var:L.ebt.step.review ?></li></ol>
<p class="lead"><?cs var:L.ebt.cal.intro ?></p>
<nav class="weeks"><?cs if:?Cal.prev ?><a rel="prev" href="/ebt/calendar?company=<?cs var:url_escape(Book.company) ?>&amp;crossing=<?cs var:url_escape(Crossing.id) ?>&amp;week=<?cs var:url_escape(Cal.prev) ?>">&larr; <?cs var:L.ebt.cal.prev ?></a><?cs /if ?>
 <span><?cs var:Cal.from ?> – <?cs var:Cal.to ?></span>
 <?cs if:?Cal.next ?><a rel="next" href="/ebt/calendar?company=<?cs var:url_escape(Book.company) ?>&amp;crossing=<?cs var:url_escape(Crossing.id) ?>&amp;week=<?cs var:url_escape(Cal.next) ?>"><?cs var:L.ebt.cal.next ?> &rarr;</a><?cs /if ?></nav>
<?cs if:subcount(Slots) == 0 ?><p id="cal-empty"><?cs var:L.ebt.cal.empty ?></p><?cs /if ?>
<div class="calendar" id="calendar">
<?cs set:prev = "" ?>
<?cs each:s = Slots ?>
<?cs if:s.day != prev ?><?cs if:prev != "" ?></ul></section><?cs /if ?><section class="day"><h2><?cs var:s.day ?></h2><ul class="hours"><?cs set:prev = s.day ?><?cs /if ?>
<?cs if:s.past == "1" ?><?cs # hours gone by are left out ?>
<?cs elif:s.closed == "1" ?><li class="hour off"><span class="h"><?cs var:s.hour ?>:00</span> <span class="n"><?cs var:L.ebt.cal.closed ?></span></li>
<?cs elif:s.free == "0" ?><li class="hour full"><span class="h"><?cs var:s.hour ?>:00</span> <span class="n"><?cs var:L.ebt.cal.full ?></span></li>
<?cs else ?><li class="hour free"><a href="/ebt/book?<?cs var:Cal.q ?>&amp;day=<?cs var:s.day ?>&amp;hour=<?cs var:s.hour ?>" data-day="<?cs var:s.day ?>" data-hour="<?cs var:s.hour ?>"><span class="h"><?cs var:s.hour ?>:00</span> <span class="n"><?cs var:s.free ?> <?cs var:L.ebt.cal.free ?></span></a></li><?cs /if ?>
<?cs /each ?>
<?cs if:prev != "" ?></ul></section><?cs /if ?>
</div>
<p class="note"><?cs var:L.ebt.cal.local ?></p>
<?cs /def ?>
<?cs include:"layout.cs" ?>
