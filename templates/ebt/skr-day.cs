<?cs # ebt/skr-day.cs: a crossing's waiting zone, check-in, and today's and tomorrow's bookings by hour; the buttons are those C allows (can_call, can_serve, can_no_show) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.skr.day ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs if:Page.Lang == "en" ?><?cs var:Crossing.name_en ?><?cs else ?><?cs var:Crossing.name_pl ?><?cs /if ?></h1>
<p><a href="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/walkin"><?cs var:L.ebt.skr.walkin ?></a> · <a href="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/occupancy"><?cs var:L.ebt.skr.occupancy ?></a> · <a href="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/config"><?cs var:L.ebt.cfg.link ?></a></p>
<?cs if:Page.Refusal ?><div class="alert" role="alert"><?cs var:Page.Refusal ?></div><?cs /if ?>
<?cs if:Checkin.result == "elsewhere" ?><div class="alert" role="status" id="checkin-result" data-result="elsewhere"><?cs var:L.ebt.checkin.elsewhere_a ?> <span class="number"><?cs var:Checkin.number ?></span> <?cs var:L.ebt.checkin.elsewhere_b ?> <strong id="checkin-crossing"><?cs if:Page.Lang == "en" ?><?cs var:Checkin.Other.name_en ?><?cs else ?><?cs var:Checkin.Other.name_pl ?><?cs /if ?></strong>, <span class="nowrap" id="checkin-when"><?cs var:Checkin.day ?> <?cs var:Checkin.hour ?>:00</span> <?cs var:L.ebt.local ?>; <?cs var:L.ebt.checkin.elsewhere_st ?> <span class="st st-<?cs var:Checkin.status ?>"><?cs var:L.ebt.st[Checkin.status] ?></span>. <?cs var:L.ebt.checkin.elsewhere_c ?></div>
<?cs elif:Checkin.result ?><div class="<?cs if:Checkin.result == "done" ?>notice<?cs else ?>alert<?cs /if ?>" role="status" id="checkin-result" data-result="<?cs var:Checkin.result ?>"><?cs var:L.ebt.checkin[Checkin.result] ?> <?cs var:Checkin.number ?><?cs if:Checkin.fuzzy == "1" ?> (<?cs var:L.ebt.checkin.fuzzy ?> <?cs var:Checkin.plate ?>)<?cs /if ?></div><?cs /if ?>
<form method="post" action="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/checkin" class="filters" id="checkin" novalidate>
 <?cs call:csrf() ?>
 <?cs call:input("q", L.ebt.skr.q, "text", Form.q, "required") ?>
 <button type="submit"><?cs var:L.ebt.skr.checkin ?></button>
</form>
<h2><?cs var:L.ebt.skr.waiting ?></h2>
<?cs if:subcount(Waiting) == 0 ?><p id="waiting-empty"><?cs var:L.ebt.skr.waiting_empty ?></p><?cs else ?>
<ol id="waiting"><?cs each:w = Waiting ?><li data-number="<?cs var:w.number ?>"><strong><?cs var:w.plate ?></strong> <span class="number"><?cs var:w.number ?></span> (<?cs var:w.hour ?>:00<?cs if:w.walk_in == "1" ?>, <?cs var:L.ebt.walkin_badge ?><?cs /if ?>) <span class="st st-<?cs var:w.status ?>"><?cs var:L.ebt.st[w.status] ?></span><?cs if:w.lane ?> <?cs var:L.ebt.skr.lane ?> <?cs var:w.lane ?><?cs /if ?><?cs if:w.decision_id ?> <?cs call:decision_badge(w.decision_id, w.decision_colour, w.decision_random) ?><?cs /if ?>
 <?cs if:w.can_call == "1" ?><form method="post" action="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/bookings/<?cs var:url_escape(w.number) ?>/called" class="inline"><?cs call:csrf() ?><label><?cs var:L.ebt.skr.lane ?> <input name="lane" type="number" min="1" max="<?cs var:Crossing.lanes ?>" value="1" size="2"></label> <button type="submit"><?cs var:L.ebt.skr.call ?></button></form><?cs /if ?>
 <?cs if:w.can_serve == "1" ?><form method="post" action="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/bookings/<?cs var:url_escape(w.number) ?>/served" class="inline"><?cs call:csrf() ?><button type="submit"><?cs var:L.ebt.skr.served ?></button></form><?cs /if ?>
</li><?cs /each ?></ol>
<?cs /if ?>
<h2><?cs var:L.ebt.skr.bookings ?> <?cs var:Day.today ?> – <?cs var:Day.tomorrow ?></h2>
<div class="table-wrap"><table id="day" class="stacked">
 <thead><tr><th><?cs var:L.ebt.when ?></th><th><?cs var:L.ebt.number ?></th><th><?cs var:L.ebt.f.plate ?></th><th><?cs var:L.ebt.company ?></th><th><?cs var:L.ebt.status ?></th><th></th></tr></thead>
 <tbody><?cs each:b = Bookings ?><tr><td class="nowrap" data-label="<?cs var:L.ebt.when ?>"><?cs var:b.day ?> <?cs var:b.hour ?>:00</td><td class="number" data-label="<?cs var:L.ebt.number ?>"><a href="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/bookings/<?cs var:url_escape(b.number) ?>"><?cs var:b.number ?></a></td><td class="nowrap" data-label="<?cs var:L.ebt.f.plate ?>"><?cs var:b.plate ?> (<?cs var:b.plate_country ?>)</td><td data-label="<?cs var:L.ebt.company ?>"><?cs var:b.company_name ?></td><td data-label="<?cs var:L.ebt.status ?>"><span class="st st-<?cs var:b.status ?>"><?cs var:L.ebt.st[b.status] ?></span><?cs if:b.walk_in == "1" ?> <?cs var:L.ebt.walkin_badge ?><?cs /if ?></td>
 <td data-label=""><?cs if:b.can_no_show == "1" ?><form method="post" action="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/bookings/<?cs var:url_escape(b.number) ?>/no_show" class="inline"><?cs call:csrf() ?><button type="submit" class="danger"><?cs var:L.ebt.skr.no_show ?></button></form><?cs /if ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /def ?>
<?cs include:"layout.cs" ?>
