<?cs # ebt/skr-occupancy.cs: a day's occupancy per hour, with CSV export ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.skr.occupancy ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.skr.occupancy ?>: <?cs if:Page.Lang == "en" ?><?cs var:Crossing.name_en ?><?cs else ?><?cs var:Crossing.name_pl ?><?cs /if ?></h1>
<form method="get" action="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/occupancy" class="filters" novalidate>
 <?cs call:input("day", L.ebt.day, "date", Form.day, "") ?>
 <button type="submit" class="secondary"><?cs var:L.ebt.list.filter ?></button>
</form>
<p><a id="csv" href="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/occupancy.csv?day=<?cs var:url_escape(Form.day) ?>">CSV</a></p>
<div class="table-wrap"><table id="occupancy">
 <thead><tr><th><?cs var:L.ebt.hour ?></th><th><?cs var:L.ebt.occ.capacity ?></th><th><?cs var:L.ebt.occ.taken ?></th><th><?cs var:L.ebt.st.booked ?></th><th><?cs var:L.ebt.st.arrived ?></th><th><?cs var:L.ebt.st.served ?></th><th><?cs var:L.ebt.st.no_show ?></th><th><?cs var:L.ebt.walkin_badge ?></th><th><?cs var:L.ebt.st.cancelled ?></th></tr></thead>
 <tbody><?cs each:o = Occ ?><tr><td><?cs var:o.hour ?>:00</td><td><?cs var:o.capacity ?></td><td><?cs var:o.taken ?></td><td><?cs var:o.booked ?></td><td><?cs var:o.arrived ?></td><td><?cs var:o.served ?></td><td><?cs var:o.no_show ?></td><td><?cs var:o.walk_in ?></td><td><?cs var:o.cancelled ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /def ?>
<?cs include:"layout.cs" ?>
