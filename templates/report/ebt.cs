<?cs # report/ebt.cs: the e-Booking TRUCK report: filters, then each chart (SVG drawn by lib/svgchart from the same numbers) beside its table; ?view=print drops menus and filters ?>
<?cs include:"macros.cs" ?>
<?cs include:"report/filter.cs" ?>
<?cs set:Page.Title = L.report.ebt.title ?>
<?cs set:Page.Css = "report.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.report.ebt.title ?></h1>
<?cs if:!Page.Print ?>
<p class="lead"><?cs var:L.report.ebt.intro ?></p>
<?cs call:form_errors() ?>
<form method="get" action="/skr/reports/ebt" class="filters report-filters" novalidate>
<?cs call:report_filters() ?>
<?cs call:report_choice("top", L.report.ebt.f.top, L.report.ebt.top_values, L.report.ebt.top, Form.top) ?>
 <button type="submit"><?cs var:L.report.show ?></button>
</form>
<?cs /if ?>
<?cs if:Report.Ready ?>
<p class="report-links no-print"><a id="csv-link" href="/skr/reports/ebt.csv?<?cs call:report_query() ?>"><?cs var:L.report.csv ?></a> · <a id="print-link" href="/skr/reports/ebt?<?cs call:report_query() ?>&amp;top=<?cs var:url_escape(Form.top) ?>&amp;view=print"><?cs var:L.report.print ?></a></p>
<p id="period"><?cs var:L.report.period ?>: <?cs var:Form.from ?> – <?cs var:Form.to ?>, <?cs var:L.report.by[Form.by] ?>, <?cs if:Form.crossing ?><?cs each:o = Opt.crossing ?><?cs if:o.Value == Form.crossing ?><?cs var:o.Label ?><?cs /if ?><?cs /each ?><?cs else ?><?cs var:L.report.f.all_crossings ?><?cs /if ?>.</p>
<?cs call:report_as_of() ?>

<section class="report-part" id="part-days">
<h2><?cs var:L.report.ebt.days ?></h2>
<figure class="chart"><?cs # the SVG is lib/svgchart's output: every text in it escaped there ?><?cs uvar:Chart.days ?></figure>
<div class="table-wrap">
<table id="table-days">
 <caption><?cs var:L.report.ebt.days ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.by_title[Form.by] ?></th><?cs each:c = Cols ?><th scope="col"><?cs var:c ?></th><?cs /each ?></tr></thead>
 <tbody>
 <?cs each:row = Days ?><tr><th scope="row" class="nowrap"><?cs var:row.Label ?></th><?cs each:v = row.V ?><td class="num"><?cs var:v ?></td><?cs /each ?></tr>
 <?cs /each ?>
 </tbody>
 <tfoot><tr><th scope="row"><?cs var:L.report.ebt.total ?></th><?cs each:v = DaysTotal ?><td class="num"><?cs var:v ?></td><?cs /each ?></tr></tfoot>
</table>
</div>
</section>

<section class="report-part" id="part-wait">
<h2><?cs var:L.report.ebt.wait ?></h2>
<p id="wait-all"><?cs var:L.report.ebt.wait_n ?>: <strong class="num"><?cs var:Wait.n ?></strong> · p50: <strong><?cs var:Wait.p50 ?></strong> · p90: <strong><?cs var:Wait.p90 ?></strong> (<?cs var:L.report.ebt.minutes ?>)</p>
<p class="muted"><?cs var:L.report.ebt.wait_note ?></p>
<?cs if:subcount(Waits) ?>
<div class="table-wrap">
<table id="table-wait">
 <caption><?cs var:L.report.ebt.wait ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.by_title[Form.by] ?></th><th scope="col"><?cs var:L.report.ebt.wait_n ?></th><th scope="col">p50 (<?cs var:L.report.ebt.minutes ?>)</th><th scope="col">p90 (<?cs var:L.report.ebt.minutes ?>)</th></tr></thead>
 <tbody>
 <?cs each:w = Waits ?><tr><th scope="row" class="nowrap"><?cs var:w.Label ?></th><td class="num"><?cs var:w.n ?></td><td class="num"><?cs var:w.p50 ?></td><td class="num"><?cs var:w.p90 ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
</section>

<section class="report-part" id="part-hours">
<h2><?cs var:L.report.ebt.hours ?></h2>
<figure class="chart"><?cs uvar:Chart.hours ?></figure>
<div class="table-wrap">
<table id="table-hours" class="compact">
 <caption><?cs var:L.report.ebt.hours ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.ebt.hour ?></th><th scope="col"><?cs var:L.report.ebt.capacity ?></th><th scope="col"><?cs var:L.report.ebt.taken ?></th><th scope="col"><?cs var:L.report.ebt.share ?></th></tr></thead>
 <tbody>
 <?cs each:h = Hours ?><tr><th scope="row"><?cs var:h.Label ?></th><td class="num"><?cs var:h.cap ?></td><td class="num"><?cs var:h.used ?></td><td class="num"><?cs var:h.share ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
</section>

<section class="report-part" id="part-companies">
<h2><?cs var:L.report.ebt.companies ?></h2>
<p class="muted" id="months-note"><?cs var:L.report.ebt.months_note ?> <?cs var:Months.from ?> – <?cs var:Months.to ?>.</p>
<p class="no-print"><a id="csv-companies" href="/skr/reports/ebt.csv?<?cs call:report_query() ?>&amp;top=<?cs var:url_escape(Form.top) ?>&amp;part=companies"><?cs var:L.report.ebt.csv_companies ?></a></p>
<?cs if:subcount(Companies) ?>
<figure class="chart"><?cs uvar:Chart.companies ?></figure>
<div class="table-wrap">
<table id="table-companies">
 <caption><?cs var:L.report.ebt.companies ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.ebt.rank ?></th><th scope="col"><?cs var:L.report.ebt.company ?></th><th scope="col"><?cs var:L.report.ebt.bookings ?></th></tr></thead>
 <tbody>
 <?cs each:c = Companies ?><tr><td class="num"><?cs var:c.rank ?></td><th scope="row"><?cs if:c.name ?><?cs var:c.name ?><?cs else ?><?cs var:L.report.ebt.none ?><?cs /if ?></th><td class="num"><?cs var:c.n ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs else ?>
<p id="companies-none"><?cs var:L.report.ebt.no_bookings ?></p>
<?cs /if ?>
</section>

<section class="report-part" id="part-agencies">
<h2><?cs var:L.report.ebt.agencies ?></h2>
<p id="who"><?cs var:L.report.ebt.who_own ?>: <strong class="num"><?cs var:Who.own ?></strong> · <?cs var:L.report.ebt.who_through ?>: <strong class="num"><?cs var:Who.through ?></strong> · <?cs var:L.report.ebt.who_guests ?>: <strong class="num"><?cs var:Who.guests ?></strong></p>
<?cs if:subcount(Agencies) ?>
<p class="no-print"><a id="csv-agencies" href="/skr/reports/ebt.csv?<?cs call:report_query() ?>&amp;part=agencies"><?cs var:L.report.ebt.csv_agencies ?></a></p>
<div class="table-wrap">
<table id="table-agencies">
 <caption><?cs var:L.report.ebt.agencies ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.ebt.agency ?></th><th scope="col"><?cs var:L.report.ebt.bookings ?></th><th scope="col"><?cs var:L.report.ebt.served ?></th></tr></thead>
 <tbody>
 <?cs each:a = Agencies ?><tr><th scope="row"><?cs if:a.name ?><?cs var:a.name ?><?cs else ?><?cs var:L.report.ebt.none ?><?cs /if ?></th><td class="num"><?cs var:a.n ?></td><td class="num"><?cs var:a.companies ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
