<?cs # ebt/skr-crossings.cs: the crossings the officer's branch runs ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.skr.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.skr.title ?></h1>
<?cs if:subcount(Crossings) == 0 ?><p id="none"><?cs var:L.ebt.skr.none ?></p><?cs /if ?>
<ul id="crossings"><?cs each:c = Crossings ?><li><a href="/skr/ebt/<?cs var:url_escape(c.id) ?>"><?cs if:Page.Lang == "en" ?><?cs var:c.name_en ?><?cs else ?><?cs var:c.name_pl ?><?cs /if ?></a></li><?cs /each ?></ul>
<?cs /def ?>
<?cs include:"layout.cs" ?>
