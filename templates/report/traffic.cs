<?cs # report/traffic.cs: the traffic report: filters, then each chart (SVG drawn by lib/svgchart from the same numbers) beside its table; ?view=print drops menus and filters ?>
<?cs include:"macros.cs" ?>
<?cs include:"report/filter.cs" ?>
<?cs set:Page.Title = L.report.traffic.title ?>
<?cs set:Page.Css = "report.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.report.traffic.title ?></h1>
<?cs if:!Page.Print ?>
<p class="lead"><?cs var:L.report.traffic.intro ?></p>
<?cs call:form_errors() ?>
<form method="get" action="/skr/reports/traffic" class="filters report-filters" novalidate>
<?cs call:report_filters() ?>
<?cs call:report_choice("dim", L.report.traffic.f.dim, L.report.traffic.dim_values, L.report.traffic.dim, Form.dim) ?>
<?cs call:report_choice("measure", L.report.traffic.f.measure, L.report.traffic.measure_values, L.report.traffic.m, Form.measure) ?>
 <button type="submit"><?cs var:L.report.show ?></button>
</form>
<?cs /if ?>
<?cs if:Report.Ready ?>
<?cs set:q = "" ?>
<p class="report-links no-print"><a id="csv-link" href="/skr/reports/traffic.csv?<?cs call:report_query() ?>&amp;dim=<?cs var:url_escape(Form.dim) ?>&amp;measure=<?cs var:url_escape(Form.measure) ?>"><?cs var:L.report.csv ?></a> · <a id="print-link" href="/skr/reports/traffic?<?cs call:report_query() ?>&amp;dim=<?cs var:url_escape(Form.dim) ?>&amp;measure=<?cs var:url_escape(Form.measure) ?>&amp;view=print"><?cs var:L.report.print ?></a></p>
<p id="period"><?cs var:L.report.period ?>: <?cs var:Form.from ?> – <?cs var:Form.to ?>, <?cs var:L.report.by[Form.by] ?>, <?cs if:Form.crossing ?><?cs each:o = Opt.crossing ?><?cs if:o.Value == Form.crossing ?><?cs var:o.Label ?><?cs /if ?><?cs /each ?><?cs else ?><?cs var:L.report.f.all_crossings ?><?cs /if ?>; <?cs var:L.report.traffic.m[Form.measure] ?>.</p>
<?cs call:report_as_of() ?>

<section class="report-part" id="part-time">
<h2><?cs var:L.report.traffic.chart.time ?></h2>
<figure class="chart"><?cs # the SVG is lib/svgchart's output: every text in it escaped there ?><?cs uvar:Chart.time ?></figure>
<div class="table-wrap">
<table id="table-time">
 <caption><?cs var:L.report.traffic.chart.time ?> (<?cs var:L.report.traffic.m[Form.measure] ?>)</caption>
 <thead><tr><th scope="col"><?cs var:L.report.by_title[Form.by] ?></th><?cs each:s = Time.Series ?><th scope="col"><?cs var:s.Label ?></th><?cs /each ?><th scope="col"><?cs var:L.report.traffic.total ?></th><?cs if:Form.compare != "none" ?><th scope="col"><?cs var:L.report.traffic.cmp_bucket[Form.compare] ?></th><th scope="col"><?cs var:L.report.traffic.cmp_total[Form.compare] ?></th><?cs /if ?></tr></thead>
 <tbody>
 <?cs each:row = Time.Rows ?><tr><th scope="row" class="nowrap"><?cs var:row.Label ?></th><?cs each:v = row.V ?><td class="num"><?cs var:v ?></td><?cs /each ?><td class="num total"><?cs var:row.Total ?></td><?cs if:Form.compare != "none" ?><td class="nowrap"><?cs var:row.CmpLabel ?></td><td class="num cmp"><?cs var:row.Cmp ?></td><?cs /if ?></tr>
 <?cs /each ?>
 </tbody>
 <tfoot><tr><th scope="row"><?cs var:L.report.traffic.total ?></th><?cs each:v = Time.Total.V ?><td class="num"><?cs var:v ?></td><?cs /each ?><td class="num total"><?cs var:Time.Total.Total ?></td><?cs if:Form.compare != "none" ?><td></td><td class="num cmp"><?cs var:Time.Total.Cmp ?></td><?cs /if ?></tr></tfoot>
</table>
</div>
<?cs if:Form.by == "week" ?><p class="muted"><?cs var:L.report.traffic.week_note ?></p><?cs /if ?>
</section>

<?cs if:Chart.cmp ?>
<section class="report-part" id="part-cmp">
<h2><?cs var:L.report.traffic.chart.cmp ?></h2>
<figure class="chart"><?cs uvar:Chart.cmp ?></figure>
<p class="muted"><?cs var:L.report.traffic.cmp_note ?></p>
</section>
<?cs /if ?>

<section class="report-part" id="part-heat">
<h2><?cs var:L.report.traffic.chart.heat ?></h2>
<figure class="chart"><?cs uvar:Chart.heat ?></figure>
<p class="muted"><?cs var:L.report.traffic.heat_note ?></p>
<div class="table-wrap">
<table id="table-heat" class="compact">
 <caption><?cs var:L.report.traffic.chart.heat ?> (<?cs var:L.report.traffic.m[Form.measure] ?>)</caption>
 <thead><tr><th scope="col"><?cs var:L.report.traffic.weekday ?></th><?cs each:h = Heat.Hours ?><th scope="col"><?cs var:h ?></th><?cs /each ?></tr></thead>
 <tbody>
 <?cs each:row = Heat.Rows ?><tr><th scope="row"><?cs var:row.Label ?></th><?cs each:v = row.V ?><td class="num"><?cs var:v ?></td><?cs /each ?></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
</section>

<section class="report-part" id="part-countries">
<h2><?cs var:L.report.traffic.chart.countries ?></h2>
<figure class="chart"><?cs uvar:Chart.countries ?></figure>
<?cs if:subcount(Countries) == 0 ?><p id="countries-empty"><?cs var:L.report.traffic.no_plates ?></p><?cs else ?>
<div class="table-wrap">
<table id="table-countries">
 <caption><?cs var:L.report.traffic.chart.countries ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.traffic.country ?></th><th scope="col"><?cs var:L.report.traffic.plates ?></th><th scope="col"><?cs var:L.report.traffic.share ?></th></tr></thead>
 <tbody>
 <?cs each:c = Countries ?><tr<?cs if:c.Home ?> class="home"<?cs /if ?>><th scope="row"><?cs var:c.Label ?></th><td class="num plates"><?cs var:c.Plates ?></td><td class="num share"><?cs var:c.Share ?></td></tr>
 <?cs /each ?>
 </tbody>
 <tfoot><tr><th scope="row"><?cs var:L.report.traffic.total ?></th><td class="num"><?cs var:CountriesTotal ?></td><td class="num">100.0</td></tr></tfoot>
</table>
</div>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
