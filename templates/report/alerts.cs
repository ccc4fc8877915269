<?cs # report/alerts.cs: the alerts and control report: filters, then each chart (SVG drawn by lib/svgchart from the same numbers) beside its table; ?view=print drops menus and filters ?>
<?cs include:"macros.cs" ?>
<?cs include:"report/filter.cs" ?>
<?cs set:Page.Title = L.report.alerts.title ?>
<?cs set:Page.Css = "report.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.report.alerts.title ?></h1>
<?cs if:!Page.Print ?>
<p class="lead"><?cs var:L.report.alerts.intro ?></p>
<?cs call:form_errors() ?>
<form method="get" action="/skr/reports/alerts" class="filters report-filters" novalidate>
<?cs call:report_filters() ?>
 <button type="submit"><?cs var:L.report.show ?></button>
</form>
<?cs /if ?>
<?cs if:Report.Ready ?>
<p class="report-links no-print"><a id="csv-link" href="/skr/reports/alerts.csv?<?cs call:report_query() ?>"><?cs var:L.report.csv ?></a> · <a id="print-link" href="/skr/reports/alerts?<?cs call:report_query() ?>&amp;view=print"><?cs var:L.report.print ?></a></p>
<p id="period"><?cs var:L.report.period ?>: <?cs var:Form.from ?> – <?cs var:Form.to ?>, <?cs if:Form.crossing ?><?cs each:o = Opt.crossing ?><?cs if:o.Value == Form.crossing ?><?cs var:o.Label ?><?cs /if ?><?cs /each ?><?cs else ?><?cs var:L.report.f.all_crossings ?><?cs /if ?>. <?cs var:L.report.alerts.period_note ?></p>
<?cs call:report_as_of() ?>

<section class="report-part" id="part-alerts">
<h2><?cs var:L.report.alerts.closed ?></h2>
<figure class="chart"><?cs # the SVG is lib/svgchart's output: every text in it escaped there ?><?cs uvar:Chart.alerts ?></figure>
<div class="table-wrap">
<table id="table-alerts">
 <caption><?cs var:L.report.alerts.closed ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.alerts.priority ?></th><th scope="col"><?cs var:L.report.alerts.raised ?></th><?cs each:o = Outcomes ?><th scope="col"><?cs var:o ?></th><?cs /each ?></tr></thead>
 <tbody>
 <?cs each:p = Prio ?><tr><th scope="row"><?cs var:p.Label ?></th><td class="num"><?cs var:p.raised ?></td><?cs each:v = p.V ?><td class="num"><?cs var:v ?></td><?cs /each ?></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
</section>

<section class="report-part" id="part-times">
<h2><?cs var:L.report.alerts.times ?></h2>
<p class="muted"><?cs var:L.report.alerts.times_note ?></p>
<div class="table-wrap">
<table id="table-times">
 <caption><?cs var:L.report.alerts.times ?> (<?cs var:L.report.alerts.minutes ?>)</caption>
 <thead><tr><th scope="col"><?cs var:L.report.alerts.priority ?></th><th scope="col"><?cs var:L.report.alerts.ack_n ?></th><th scope="col"><?cs var:L.report.alerts.ack ?> p50</th><th scope="col"><?cs var:L.report.alerts.ack ?> p90</th><th scope="col"><?cs var:L.report.alerts.close_n ?></th><th scope="col"><?cs var:L.report.alerts.close ?> p50</th><th scope="col"><?cs var:L.report.alerts.close ?> p90</th></tr></thead>
 <tbody>
 <?cs each:p = Prio ?><tr><th scope="row"><?cs var:p.Label ?></th><td class="num"><?cs var:p.ack_n ?></td><td class="num"><?cs var:p.ack50 ?></td><td class="num"><?cs var:p.ack90 ?></td><td class="num"><?cs var:p.close_n ?></td><td class="num"><?cs var:p.close50 ?></td><td class="num"><?cs var:p.close90 ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
</section>

<section class="report-part" id="part-control">
<h2><?cs var:L.report.alerts.control ?></h2>
<figure class="chart"><?cs uvar:Chart.control ?></figure>
<div class="table-wrap">
<table id="table-control">
 <caption><?cs var:L.report.alerts.control ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.alerts.colour ?></th><th scope="col"><?cs var:L.report.alerts.decided ?></th><th scope="col"><?cs var:L.report.alerts.random ?></th><?cs each:o = Outcomes ?><th scope="col"><?cs var:o ?></th><?cs /each ?></tr></thead>
 <tbody>
 <?cs each:c = Colour ?><tr><th scope="row"><?cs var:c.Label ?></th><td class="num"><?cs var:c.decided ?></td><td class="num"><?cs var:c.random ?></td><?cs each:v = c.V ?><td class="num"><?cs var:v ?></td><?cs /each ?></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
</section>

<section class="report-part" id="part-profiles">
<h2><?cs var:L.report.alerts.profiles ?></h2>
<p class="muted"><?cs var:L.report.alerts.profiles_note ?></p>
<?cs if:subcount(Profiles) ?>
<figure class="chart"><?cs uvar:Chart.profiles ?></figure>
<div class="table-wrap">
<table id="table-profiles">
 <caption><?cs var:L.report.alerts.profiles ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.alerts.profile ?></th><th scope="col"><?cs var:L.report.alerts.version ?></th><th scope="col"><?cs var:L.report.alerts.fired ?></th><th scope="col"><?cs var:L.report.alerts.shadow ?></th><?cs each:o = Outcomes ?><th scope="col"><?cs var:o ?></th><?cs /each ?></tr></thead>
 <tbody>
 <?cs each:p = Profiles ?><tr><th scope="row"><?cs if:!p.name ?><?cs var:L.report.alerts.none ?><?cs elif:Report.ProfileLinks && !Page.Print ?><a href="/skr/risk/profiles/<?cs var:url_escape(p.profile_id) ?>"><?cs var:p.name ?></a><?cs else ?><?cs var:p.name ?><?cs /if ?></th><td class="num"><?cs var:p.version_no ?></td><td class="num"><?cs var:p.fired ?></td><td class="num"><?cs var:p.shadow ?></td><?cs each:v = p.V ?><td class="num"><?cs var:v ?></td><?cs /each ?></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs else ?>
<p id="profiles-none"><?cs var:L.report.alerts.no_profiles ?></p>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
