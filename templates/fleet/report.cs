<?cs # fleet/report.cs: the fleet report per vehicle: filters (unit, months), the totals of every vehicle, then one page of vehicles: each chart (SVG drawn by lib/svgchart from the same numbers) and the table; ?view=print drops menus, filters and the paging (every vehicle) ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/unit_picker.cs" ?>
<?cs set:Page.Title = L.Fleet.Rep.title ?>
<?cs set:Page.Css = "report.css" ?>
<?cs def:rep_query() ?>unit=<?cs var:url_escape(Form.unit) ?>&amp;from=<?cs var:url_escape(Form.from) ?>&amp;to=<?cs var:url_escape(Form.to) ?><?cs /def ?>
<?cs def:rep_cells(v) ?><td class="num"><?cs var:v.km ?></td><td class="num"><?cs var:v.trips ?></td><td class="num"><?cs var:v.litres ?></td><td class="num"><?cs var:v.fuel ?></td><td class="num"><?cs var:v.repair ?></td><td class="num"><?cs var:v.repair_days ?></td><td class="num"><?cs alt:v.cost_km ?>–<?cs /alt ?></td><td class="num<?cs if:v.over_norm ?> over<?cs /if ?>"><?cs alt:v.cons ?>–<?cs /alt ?></td><td class="num"><?cs alt:v.norm ?>–<?cs /alt ?></td><td class="num<?cs if:v.over_norm ?> over<?cs /if ?>"><?cs alt:v.over ?>–<?cs /alt ?></td><td class="num"><?cs alt:v.avail ?>–<?cs /alt ?></td><?cs /def ?>
<?cs def:rep_pager() ?><?cs if:Fleet.Rep.First ?><p class="pager"><?cs var:L.Fleet.Rep.shown ?> <?cs var:Fleet.Rep.First ?>–<?cs var:Fleet.Rep.Last ?> <?cs var:L.Fleet.Rep.of ?> <?cs var:Fleet.Rep.Count ?><?cs if:Fleet.Rep.Prev ?> · <a rel="prev" href="/skr/fleet/reports/vehicles?<?cs call:rep_query() ?>&amp;page=<?cs var:Fleet.Rep.Prev ?>"><?cs var:L.Fleet.Rep.prev ?></a><?cs /if ?><?cs if:Fleet.Rep.Next ?> · <a rel="next" href="/skr/fleet/reports/vehicles?<?cs call:rep_query() ?>&amp;page=<?cs var:Fleet.Rep.Next ?>"><?cs var:L.Fleet.Rep.next ?></a><?cs /if ?></p><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<?cs include:"fleet/nav.cs" ?>
<h1><?cs var:L.Fleet.Rep.title ?></h1>
<?cs if:!Page.Print ?>
<p class="lead"><?cs var:L.Fleet.Rep.intro ?></p>
<?cs call:form_errors() ?>
<form method="get" action="/skr/fleet/reports/vehicles" class="filters report-filters" novalidate>
<?cs call:fleet_unit_picker() ?>
<?cs call:input("from", L.Fleet.Rep.from, "month", Form.from, "") ?>
<?cs call:input("to", L.Fleet.Rep.to, "month", Form.to, "") ?>
<?cs call:field_error("page", Form.page) ?>
 <button type="submit"><?cs var:L.Fleet.Rep.show ?></button>
</form>
<?cs /if ?>
<?cs if:Fleet.Rep.Ready ?>
<p class="report-links no-print"><a id="csv-link" href="/skr/fleet/reports/vehicles.csv?<?cs call:rep_query() ?>"><?cs var:L.Fleet.Rep.csv ?></a> · <a id="print-link" href="/skr/fleet/reports/vehicles?<?cs call:rep_query() ?>&amp;view=print"><?cs var:L.Fleet.Rep.print ?></a></p>
<p id="period"><?cs var:Fleet.Unit.name ?> (<?cs var:Fleet.Unit.code ?>), <?cs var:L.Fleet.Rep.period ?> <?cs var:Form.from ?> – <?cs var:Form.to ?>. <?cs var:L.Fleet.Rep.note ?></p>
<?cs if:Fleet.Rep.Count == 0 ?><p id="report-empty"><?cs var:L.Fleet.Rep.empty ?></p><?cs else ?>
<div class="table-wrap">
<table id="table-totals" class="compact">
 <caption><?cs var:L.Fleet.Rep.totals ?> (<?cs var:Fleet.Rep.Count ?>)</caption>
 <thead><tr><th scope="col"></th><?cs each:c = L.Fleet.Rep.col ?><th scope="col" class="num"><?cs var:c ?></th><?cs /each ?></tr></thead>
 <tbody><tr id="total"><th scope="row"><?cs var:L.Fleet.Rep.total ?></th><?cs call:rep_cells(Fleet.Rep.Total) ?></tr></tbody>
</table>
</div>
<?cs call:rep_pager() ?>
<section class="report-part" id="part-km"><h2><?cs var:L.Fleet.Rep.km_title ?></h2>
<figure class="chart"><?cs # the SVG is lib/svgchart's output: every text in it escaped there ?><?cs uvar:Fleet.Rep.Chart.km ?></figure></section>
<section class="report-part" id="part-cost"><h2><?cs var:L.Fleet.Rep.cost_title ?></h2>
<figure class="chart"><?cs uvar:Fleet.Rep.Chart.cost ?></figure></section>
<section class="report-part" id="part-cons"><h2><?cs var:L.Fleet.Rep.cons_title ?></h2>
<figure class="chart"><?cs uvar:Fleet.Rep.Chart.cons ?></figure></section>
<section class="report-part" id="part-avail"><h2><?cs var:L.Fleet.Rep.avail_title ?></h2>
<figure class="chart"><?cs uvar:Fleet.Rep.Chart.avail ?></figure></section>
<div class="table-wrap">
<table id="table-vehicles" class="compact">
 <caption><?cs var:L.Fleet.Rep.table ?></caption>
 <thead><tr><th scope="col"><?cs var:L.Fleet.Rep.plate ?></th><th scope="col"><?cs var:L.Fleet.Rep.model ?></th><th scope="col"><?cs var:L.Fleet.Rep.unit ?></th><?cs each:c = L.Fleet.Rep.col ?><th scope="col" class="num"><?cs var:c ?></th><?cs /each ?></tr></thead>
 <tbody>
 <?cs each:v = Fleet.Rep.V ?><tr data-id="<?cs var:v.id ?>"><th scope="row"><a href="/skr/fleet/vehicles/<?cs var:v.id ?>"><?cs var:v.plate ?></a></th><td><?cs var:v.model ?></td><td><?cs var:v.unit ?></td><?cs call:rep_cells(v) ?></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs call:rep_pager() ?>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
