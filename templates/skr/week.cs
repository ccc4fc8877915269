<?cs # skr/week.cs: the start page's small charts of the unit's last 7 days (ui-week.c), drawn alone (view_render_part) because each worker keeps them for the unit for Report.CacheSeconds; skr/dashboard.cs prints the result ?>
<?cs def:content() ?>
<?cs if:subcount(Week.Chart) ?>
<h3 id="week-title"><?cs var:L.skr.week.title ?></h3>
<p class="muted" id="week-as-of"><?cs var:L.skr.today.asof ?> <?cs var:Week.AsOf ?> (<?cs var:L.skr.today.local ?>)</p>
<div class="week-charts">
<?cs each:ch = Week.Chart ?><figure class="week-chart" id="<?cs var:ch.Id ?>-fig">
<?cs # The SVG is svgchart's text, every value in it escaped there (lib/svgchart.c) ?>
<?cs if:ch.Key == "arrived" ?><?cs uvar:Chart.arrived ?><?cs elif:ch.Key == "alerts" ?><?cs uvar:Chart.alerts ?><?cs elif:ch.Key == "tasks" ?><?cs uvar:Chart.tasks ?><?cs elif:ch.Key == "applications" ?><?cs uvar:Chart.applications ?><?cs /if ?>
<div class="table-wrap"><table class="week-table">
<caption><?cs var:ch.Title ?></caption>
<thead><tr><th scope="col"><?cs var:L.skr.week.x ?></th><?cs each:se = ch.Series ?><th scope="col"><?cs var:se ?></th><?cs /each ?></tr></thead>
<tbody><?cs each:d = ch.Day ?><tr><th scope="row"><?cs var:d.Label ?></th><?cs each:v = d.V ?><td class="num"><?cs var:v ?></td><?cs /each ?></tr>
<?cs /each ?></tbody></table></div>
</figure>
<?cs /each ?>
</div>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
