<?cs # report/list.cs: the reports the officer's roles open, in words ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.report.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.report.title ?></h1>
<p class="lead"><?cs var:L.report.intro ?></p>
<?cs if:subcount(Reports) == 0 ?><p id="reports-empty"><?cs var:L.report.empty ?></p><?cs else ?>
<ul class="cards links" id="reports">
<?cs each:p = Reports ?>
 <li class="card" id="report-<?cs var:p.Id ?>"><?cs if:p.Href ?><h2><a href="<?cs var:p.Href ?>"><?cs var:L.report.list[p.Id] ?></a></h2><?cs else ?><h2><?cs var:L.report.list[p.Id] ?> <span class="muted">(<?cs var:L.report.soon ?>)</span></h2><?cs /if ?><p><?cs var:L.report.list[p.Id + "_text"] ?></p></li>
<?cs /each ?>
</ul>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
