<?cs # report/registrations.cs: the registrations report: filters, then each chart (SVG drawn by lib/svgchart from the same numbers) beside its table; ?view=print drops menus and filters ?>
<?cs include:"macros.cs" ?>
<?cs include:"report/filter.cs" ?>
<?cs set:Page.Title = L.report.reg.title ?>
<?cs set:Page.Css = "report.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.report.reg.title ?></h1>
<?cs if:!Page.Print ?>
<p class="lead"><?cs var:L.report.reg.intro ?></p>
<?cs call:form_errors() ?>
<form method="get" action="/skr/reports/registrations" class="filters report-filters" novalidate>
<?cs call:report_filters() ?>
 <button type="submit"><?cs var:L.report.show ?></button>
</form>
<?cs /if ?>
<?cs if:Report.Ready ?>
<p class="report-links no-print"><?cs var:L.report.csv ?>: <a id="csv-offices" href="/skr/reports/registrations.csv?<?cs call:report_query() ?>&amp;part=offices"><?cs var:L.report.reg.offices ?></a> · <a id="csv-decisions" href="/skr/reports/registrations.csv?<?cs call:report_query() ?>&amp;part=decisions"><?cs var:L.report.reg.decisions ?></a> · <a id="csv-issued" href="/skr/reports/registrations.csv?<?cs call:report_query() ?>&amp;part=issued"><?cs var:L.report.reg.issued ?></a> · <a id="print-link" href="/skr/reports/registrations?<?cs call:report_query() ?>&amp;view=print"><?cs var:L.report.print ?></a></p>
<p id="period"><?cs var:L.report.period ?>: <?cs var:Form.from ?> – <?cs var:Form.to ?>, <?cs var:L.report.by[Form.by] ?>.</p>
<?cs call:report_as_of() ?>

<section class="report-part" id="part-offices">
<h2><?cs var:L.report.reg.offices ?></h2>
<figure class="chart"><?cs # the SVG is lib/svgchart's output: every text in it escaped there ?><?cs uvar:Chart.offices ?></figure>
<?cs if:subcount(Offices) == 0 ?><p id="offices-empty"><?cs var:L.report.reg.no_apps ?></p><?cs else ?>
<div class="table-wrap">
<table id="table-offices">
 <caption><?cs var:L.report.reg.offices ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.reg.office ?></th><?cs each:k = Kinds ?><th scope="col"><?cs var:k ?></th><?cs /each ?><th scope="col"><?cs var:L.report.reg.total ?></th></tr></thead>
 <tbody>
 <?cs each:o = Offices ?><tr><th scope="row"><?cs var:o.Label ?></th><?cs each:v = o.V ?><td class="num"><?cs var:v ?></td><?cs /each ?><td class="num total"><?cs var:o.Total ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
</section>

<section class="report-part" id="part-periods">
<h2><?cs var:L.report.reg.periods ?></h2>
<figure class="chart"><?cs uvar:Chart.periods ?></figure>
<p class="no-print"><a id="csv-periods" href="/skr/reports/registrations.csv?<?cs call:report_query() ?>&amp;part=periods"><?cs var:L.report.reg.csv_periods ?></a></p>
<div class="table-wrap">
<table id="table-periods">
 <caption><?cs var:L.report.reg.periods ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.by_title[Form.by] ?></th><?cs each:k = Kinds ?><th scope="col"><?cs var:k ?></th><?cs /each ?><th scope="col"><?cs var:L.report.reg.total ?></th></tr></thead>
 <tbody>
 <?cs each:p = Periods ?><tr><th scope="row" class="nowrap"><?cs var:p.Label ?></th><?cs each:v = p.V ?><td class="num"><?cs var:v ?></td><?cs /each ?><td class="num total"><?cs var:p.Total ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs if:subcount(Offices) ?>
<div class="table-wrap">
<table id="table-period-offices">
 <caption><?cs var:L.report.reg.period_offices ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.by_title[Form.by] ?></th><?cs each:o = Offices ?><th scope="col"><?cs var:o.Label ?></th><?cs /each ?></tr></thead>
 <tbody>
 <?cs each:p = Periods ?><tr><th scope="row" class="nowrap"><?cs var:p.Label ?></th><?cs each:v = p.O ?><td class="num"><?cs var:v ?></td><?cs /each ?></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
</section>

<section class="report-part" id="part-decisions">
<h2><?cs var:L.report.reg.decisions ?></h2>
<figure class="chart"><?cs uvar:Chart.decisions ?></figure>
<p class="muted"><?cs var:L.report.reg.decisions_note ?></p>
<div class="table-wrap">
<table id="table-decisions">
 <caption><?cs var:L.report.reg.decisions ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.reg.kind ?></th><th scope="col"><?cs var:L.report.reg.approved ?></th><th scope="col"><?cs var:L.report.reg.rejected ?></th><th scope="col"><?cs var:L.report.reg.p50 ?></th><th scope="col"><?cs var:L.report.reg.p90 ?></th></tr></thead>
 <tbody>
 <?cs each:d = Decisions ?><tr><th scope="row"><?cs var:d.Kind ?></th><td class="num"><?cs var:d.Approved ?></td><td class="num"><?cs var:d.Rejected ?></td><td class="num"><?cs var:d.P50 ?></td><td class="num"><?cs var:d.P90 ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<h3><?cs var:L.report.reg.period_decisions ?></h3>
<figure class="chart"><?cs uvar:Chart.perioddecisions ?></figure>
<div class="table-wrap">
<table id="table-period-decisions">
 <caption><?cs var:L.report.reg.period_decisions ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.by_title[Form.by] ?></th><th scope="col"><?cs var:L.report.reg.decided ?></th><th scope="col"><?cs var:L.report.reg.p50 ?></th><th scope="col"><?cs var:L.report.reg.p90 ?></th></tr></thead>
 <tbody>
 <?cs each:p = Periods ?><tr><th scope="row" class="nowrap"><?cs var:p.Label ?></th><td class="num"><?cs var:p.dn ?></td><td class="num"><?cs var:p.p50 ?></td><td class="num"><?cs var:p.p90 ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
</section>

<section class="report-part" id="part-issued">
<h2><?cs var:L.report.reg.issued ?></h2>
<figure class="chart"><?cs uvar:Chart.issued ?></figure>
<p class="muted"><?cs var:L.report.reg.issued_note ?></p>
<div class="table-wrap">
<table id="table-issued">
 <caption><?cs var:L.report.reg.issued ?> (<?cs var:Form.from ?> – <?cs var:Form.to ?>)</caption>
 <thead><tr><th scope="col"><?cs var:L.report.reg.figure ?></th><th scope="col"><?cs var:L.report.reg.count ?></th></tr></thead>
 <tbody>
 <?cs each:row = Issued ?><tr><th scope="row"><?cs var:row.Label ?></th><td class="num"><?cs var:row.V ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
</section>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
