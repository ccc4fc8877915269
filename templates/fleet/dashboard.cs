<?cs # fleet/dashboard.cs: the fleet dashboard of a unit's subtree: each figure a count (Fleet.Dash, filled by domain/fleet_dash.c) linking to the list it counts; a unit picker; one column at a phone's width ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/unit_picker.cs" ?>
<?cs set:Page.Title = L.Fleet.Dash.title ?>
<?cs set:Page.Css = "report.css" ?>
<?cs def:dash_count(id, n, key, href, cls) ?><li class="card dash-count<?cs if:cls && n > 0 ?> <?cs var:cls ?><?cs /if ?>" id="<?cs var:id ?>"><a href="<?cs var:href ?>"><strong class="n"><?cs var:n ?></strong> <span><?cs var:plural(n, key) ?></span></a></li><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Dash.title ?><?cs if:Fleet.Unit.code ?> · <?cs var:Fleet.Unit.name ?><?cs if:Fleet.Unit.all ?> <?cs var:L.Fleet.Dash.and_below ?><?cs /if ?><?cs /if ?></h1>
<?cs call:form_errors() ?>
<form method="get" action="/skr/fleet" class="filters report-filters" novalidate>
<?cs call:fleet_unit_picker() ?>
 <button type="submit"><?cs var:L.Fleet.Dash.show ?></button>
</form>
<?cs if:Fleet.Dash.Ready ?><?cs with:d = Fleet.Dash ?><?cs if:Form.unit ?><?cs set:u = "unit=" + Form.unit + "&" ?><?cs else ?><?cs set:u = "" ?><?cs /if ?>
<section class="report-part" id="dash-status">
<h2><?cs var:L.Fleet.Dash.vehicles ?></h2>
<ul class="cards links dash">
<?cs call:dash_count("count-in_service", d.Status.in_service, "Fleet.Dash.n.in_service", "/skr/fleet/vehicles?" + u + "status=in_service", "") ?>
<?cs call:dash_count("count-in_repair", d.Status.in_repair, "Fleet.Dash.n.in_repair", "/skr/fleet/vehicles?" + u + "status=in_repair", "warn") ?>
<?cs call:dash_count("count-out_of_service", d.Status.out_of_service, "Fleet.Dash.n.out_of_service", "/skr/fleet/vehicles?" + u + "status=out_of_service", "warn") ?>
<?cs call:dash_count("count-written_off", d.Status.written_off, "Fleet.Dash.n.written_off", "/skr/fleet/vehicles?" + u + "status=written_off", "") ?>
</ul>
</section>
<section class="report-part" id="dash-now">
<h2><?cs var:L.Fleet.Dash.attention ?></h2>
<ul class="cards links dash">
<?cs call:dash_count("count-overdue", d.Overdue, "Fleet.Dash.n.overdue", "/skr/fleet/deadlines?" + u + "overdue=1", "bad") ?>
<?cs call:dash_count("count-due", d.Due, "Fleet.Dash.n.due", "/skr/fleet/deadlines?" + u + "within=29", "warn") ?>
<?cs call:dash_count("count-damage", d.Damage, "Fleet.Dash.n.damage", "/skr/fleet/damage?status=open", "warn") ?>
<?cs call:dash_count("count-on_trip", d.OnTrip, "Fleet.Dash.n.on_trip", "/skr/fleet/trips?" + u + "status=open", "") ?>
</ul>
</section>
<p class="report-links"><a id="reports-link" href="/skr/fleet/reports/vehicles?unit=<?cs var:url_escape(Form.unit) ?>"><?cs var:L.Fleet.Dash.reports ?></a></p>
<?cs /with ?><?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
