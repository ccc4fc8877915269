<?cs # ebt/skr-config.cs: a crossing's configuration: rules, opening hours and capacity per day of week, closures ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.cfg.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:num(name, label, value) ?><?cs if:Form[name].Error ?><?cs call:input(name, label, "text", Form[name], "required") ?><?cs else ?><?cs set:Tmp[name] = value ?><?cs call:input(name, label, "text", Tmp[name], "required") ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.cfg.title ?>: <?cs if:Page.Lang == "en" ?><?cs var:Crossing.name_en ?><?cs else ?><?cs var:Crossing.name_pl ?><?cs /if ?></h1>
<p><a href="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>"><?cs var:L.ebt.skr.back ?></a></p>
<?cs call:form_errors() ?>
<form method="post" action="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/config" id="config" novalidate>
 <?cs call:csrf() ?>
 <fieldset><legend><?cs var:L.ebt.cfg.rules ?></legend>
 <?cs call:num("horizon_days", L.ebt.cfg.horizon, Crossing.horizon_days) ?>
 <?cs call:num("change_deadline_min", L.ebt.cfg.deadline, Crossing.change_deadline_min) ?>
 <?cs call:num("arrive_before_min", L.ebt.cfg.before, Crossing.arrive_before_min) ?>
 <?cs call:num("arrive_after_min", L.ebt.cfg.after, Crossing.arrive_after_min) ?>
 <?cs call:num("noshow_delay_min", L.ebt.cfg.noshow, Crossing.noshow_delay_min) ?>
 <?cs call:num("lanes", L.ebt.cfg.lanes, Crossing.lanes) ?>
 </fieldset>
 <fieldset><legend><?cs var:L.ebt.cfg.week ?></legend>
 <div class="table-wrap"><table id="days">
 <thead><tr><th></th><th><?cs var:L.ebt.cfg.open ?></th><th><?cs var:L.ebt.cfg.close ?></th><th><?cs var:L.ebt.cfg.capacity ?></th></tr></thead>
 <tbody><?cs each:d = Days ?><tr><th><?cs var:L.ebt.dow[d.dow] ?></th>
 <td><?cs call:num("open_" + d.dow, L.ebt.cfg.open, d.open_hour) ?></td>
 <td><?cs call:num("close_" + d.dow, L.ebt.cfg.close, d.close_hour) ?></td>
 <td><?cs call:num("cap_" + d.dow, L.ebt.cfg.capacity, d.capacity) ?></td></tr><?cs /each ?></tbody>
 </table></div>
 </fieldset>
 <button type="submit"><?cs var:L.ebt.cfg.save ?></button>
</form>
<h2><?cs var:L.ebt.cfg.closures ?></h2>
<?cs if:subcount(Closures) == 0 ?><p><?cs var:L.ebt.cfg.no_closures ?></p><?cs /if ?>
<ul id="closures"><?cs each:c = Closures ?><li><?cs var:c.day ?> <?cs var:c.from_hour ?>:00–<?cs var:c.to_hour ?>:00: <?cs var:c.reason ?></li><?cs /each ?></ul>
<form method="post" action="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/closures" id="closure" class="filters" novalidate>
 <?cs call:csrf() ?>
 <?cs call:input("day", L.ebt.day, "date", Form.day, "required") ?>
 <?cs call:input("from_hour", L.ebt.cfg.from, "text", Form.from_hour, "required") ?>
 <?cs call:input("to_hour", L.ebt.cfg.to, "text", Form.to_hour, "required") ?>
 <?cs call:input("reason", L.ebt.cfg.reason, "text", Form.reason, "required") ?>
 <button type="submit" class="danger"><?cs var:L.ebt.cfg.close_btn ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
