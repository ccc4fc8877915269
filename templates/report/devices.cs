<?cs # report/devices.cs: the devices report: filters, then each chart (SVG drawn by lib/svgchart from the same numbers) beside the table; ?view=print drops menus and filters ?>
<?cs include:"macros.cs" ?>
<?cs include:"report/filter.cs" ?>
<?cs set:Page.Title = L.report.dev.title ?>
<?cs set:Page.Css = "report.css" ?>
<?cs # a device's silent periods in words: "3 gaps, 2 h 15 min in all" (ui-devices.c sets sil_n, sil_h and sil_m only when not 0) ?>
<?cs def:silent_sum(d) ?><?cs if:d.sil_n ?><?cs var:d.sil_n ?> <?cs var:plural(d.sil_n, "report.dev.gap") ?>, <?cs if:L.report.dev.in_all_before ?><?cs var:L.report.dev.in_all_before ?> <?cs /if ?><?cs if:d.sil_h ?><?cs var:d.sil_h ?> <?cs var:L.report.dev.h ?><?cs if:d.sil_m ?> <?cs /if ?><?cs /if ?><?cs if:d.sil_m ?><?cs var:d.sil_m ?> <?cs var:L.report.dev.min ?><?cs /if ?><?cs if:L.report.dev.in_all_after ?> <?cs var:L.report.dev.in_all_after ?><?cs /if ?><?cs else ?><?cs var:L.report.dev.gaps_none ?><?cs /if ?><?cs /def ?>
<?cs # the list's pages, newest first: the report's filters kept, the list's heading the anchor ?>
<?cs def:silent_link(page, label, rel) ?><a rel="<?cs var:rel ?>" href="/skr/reports/devices?<?cs call:report_query() ?>&amp;page=<?cs var:page ?>#silent-list"><?cs var:label ?></a><?cs /def ?>
<?cs def:silent_pager() ?><p class="pager"><?cs var:L.report.dev.shown ?> <?cs var:SilentPage.First ?>–<?cs var:SilentPage.Last ?> <?cs var:L.report.dev.of ?> <?cs var:SilentPage.Count ?><?cs if:SilentPage.Prev ?> · <?cs call:silent_link(SilentPage.Prev, L.report.dev.newer, "prev") ?><?cs /if ?><?cs if:SilentPage.Next ?> · <?cs call:silent_link(SilentPage.Next, L.report.dev.older, "next") ?><?cs /if ?></p><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.report.dev.title ?></h1>
<?cs if:!Page.Print ?>
<p class="lead"><?cs var:L.report.dev.intro ?></p>
<?cs call:form_errors() ?>
<?cs if:Form.page.Error ?><p class="alert" role="alert" id="e-page"><?cs var:Form.page.Error ?></p><?cs /if ?>
<form method="get" action="/skr/reports/devices" class="filters report-filters" novalidate>
<?cs call:report_filters() ?>
 <button type="submit"><?cs var:L.report.show ?></button>
</form>
<?cs /if ?>
<?cs if:Report.Ready ?>
<p class="report-links no-print"><a id="csv-link" href="/skr/reports/devices.csv?<?cs call:report_query() ?>"><?cs var:L.report.csv ?></a> · <a id="print-link" href="/skr/reports/devices?<?cs call:report_query() ?>&amp;view=print"><?cs var:L.report.print ?></a></p>
<p id="period"><?cs var:L.report.period ?>: <?cs var:Form.from ?> – <?cs var:Form.to ?>, <?cs if:Form.crossing ?><?cs each:o = Opt.crossing ?><?cs if:o.Value == Form.crossing ?><?cs var:o.Label ?><?cs /if ?><?cs /each ?><?cs else ?><?cs var:L.report.f.all_crossings ?><?cs /if ?>. <?cs var:L.report.dev.note ?></p>
<?cs call:report_as_of() ?>
<?cs if:subcount(Dev) == 0 ?><p id="devices-empty"><?cs var:L.report.dev.empty ?></p><?cs else ?>
<section class="report-part" id="part-avail">
<h2><?cs var:L.report.dev.avail ?></h2>
<figure class="chart"><?cs # the SVG is lib/svgchart's output: every text in it escaped there ?><?cs uvar:Chart.avail ?></figure>
</section>
<section class="report-part" id="part-doubtful">
<h2><?cs var:L.report.dev.doubtful ?></h2>
<figure class="chart"><?cs uvar:Chart.doubtful ?></figure>
</section>
<div class="table-wrap">
<table id="table-devices">
 <caption><?cs var:L.report.dev.title ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.dev.device ?></th><th scope="col"><?cs var:L.report.dev.crossing ?></th><th scope="col"><?cs var:L.report.dev.avail_pct ?></th><th scope="col"><?cs var:L.report.dev.silent ?></th><th scope="col"><?cs var:L.report.dev.events ?></th><th scope="col"><?cs var:L.report.dev.doubtful_n ?></th><th scope="col"><?cs var:L.report.dev.dshare ?></th></tr></thead>
 <tbody>
 <?cs each:d = Dev ?><tr><th scope="row"><?cs var:d.code ?></th><td><?cs var:d.crossing ?></td><td class="num"><?cs var:d.avail ?></td><td class="num"><?cs var:d.silent ?></td><td class="num"><?cs var:d.events ?></td><td class="num"><?cs var:d.doubtful ?></td><td class="num"><?cs var:d.dshare ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>

<section class="report-part" id="part-series">
<h2><?cs var:L.report.dev.series ?></h2>
<figure class="chart"><?cs uvar:Chart.series ?></figure>
<p class="no-print"><a id="csv-series" href="/skr/reports/devices.csv?<?cs call:report_query() ?>&amp;part=series"><?cs var:L.report.dev.csv_series ?></a></p>
<div class="table-wrap">
<table id="table-series">
 <caption><?cs var:L.report.dev.series ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.by_title[Form.by] ?></th><?cs each:d = Dev ?><th scope="col"><?cs var:d.code ?></th><?cs /each ?></tr></thead>
 <tbody>
 <?cs each:k = Series ?><tr><th scope="row" class="nowrap"><?cs var:k.Label ?></th><?cs each:v = k.V ?><td class="num"><?cs var:v ?></td><?cs /each ?></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
</section>

<section class="report-part" id="part-silent">
<h2><?cs var:L.report.dev.silent_periods ?></h2>
<p class="muted"><?cs var:L.report.dev.silent_note ?></p>
<div class="table-wrap">
<table id="table-silent-sum">
 <caption><?cs var:L.report.dev.silent_sum ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.dev.device ?></th><th scope="col"><?cs var:L.report.dev.silent_periods ?></th></tr></thead>
 <tbody>
 <?cs each:d = Dev ?><tr><th scope="row"><?cs var:d.code ?></th><td><?cs call:silent_sum(d) ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs if:subcount(Silent) ?>
<p class="no-print"><a id="csv-silent" href="/skr/reports/devices.csv?<?cs call:report_query() ?>&amp;part=silent"><?cs var:L.report.dev.csv_silent ?></a></p>
<h3 id="silent-list"><?cs var:L.report.dev.silent_list ?></h3>
<?cs call:silent_pager() ?>
<div class="table-wrap">
<table id="table-silent">
 <caption><?cs var:L.report.dev.silent_list ?></caption>
 <thead><tr><th scope="col"><?cs var:L.report.dev.device ?></th><th scope="col"><?cs var:L.report.dev.silent_from ?></th><th scope="col"><?cs var:L.report.dev.silent_to ?></th><th scope="col"><?cs var:L.report.dev.silent_minutes ?></th></tr></thead>
 <tbody>
 <?cs each:p = Silent ?><tr><th scope="row"><?cs var:p.device ?></th><td class="nowrap"><?cs var:p.from ?></td><td class="nowrap"><?cs var:p.to ?></td><td class="num"><?cs var:p.minutes ?></td></tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs call:silent_pager() ?>
<?cs if:SilentCut ?><p id="silent-cut"><?cs var:L.report.dev.silent_cut ?></p><?cs /if ?>
<?cs else ?>
<p id="silent-none"><?cs var:L.report.dev.silent_none ?></p>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
