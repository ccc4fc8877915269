<?cs # skr/dashboard.cs: the intranet start page ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.dashboard ?>
<?cs def:content() ?>
<h1><?cs var:L.skr.dashboard ?></h1>
<p><?cs var:L.skr.welcome ?>, <?cs var:Session.Name ?>.</p>
<?cs /def ?>
<?cs include:"layout.cs" ?>
