<?cs # skr/help-topic.cs: one help topic (Help.{Topic, Title, Html}) from docs/help/<lang>/<topic>.md ?>
<?cs include:"macros.cs" ?><?cs include:"skr/help-macros.cs" ?>
<?cs set:Page.Title = Help.Title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<nav class="crumbs" aria-label="<?cs var:L.skr.help.title ?>"><a href="/skr/help"><?cs var:L.skr.help.index ?></a></nav>
<?cs call:help_text() ?>
<?cs call:help_search() ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
