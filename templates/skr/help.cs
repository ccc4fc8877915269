<?cs # skr/help.cs: the help's index (docs/help/<lang>/index.md) and, after a search, what it found (Found.N.{Topic, Title, Before, Match, After, CutStart, CutEnd}) ?>
<?cs include:"macros.cs" ?><?cs include:"skr/help-macros.cs" ?>
<?cs if:Search.Done || Form.q.Error ?><?cs set:Page.Title = L.skr.help.results ?><?cs else ?><?cs set:Page.Title = Help.Title ?><?cs /if ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<?cs if:Search.Done || Form.q.Error ?>
<h1><?cs var:L.skr.help.results ?></h1>
<?cs call:help_search() ?>
<?cs if:Search.Done ?>
<?cs if:Search.Count > 0 ?>
<p class="muted" id="found"><?cs var:L.skr.help.found ?> <?cs var:Search.Count ?> <?cs var:plural(Search.Count, "skr.help.topic") ?></p>
<ol class="help-results" id="results">
<?cs each:f = Found ?> <li class="result"><a href="/skr/help/<?cs var:f.Topic ?>"><?cs var:f.Title ?></a>
  <p class="snippet"><?cs if:f.CutStart ?>…<?cs /if ?><?cs var:f.Before ?><?cs if:f.Match ?><mark><?cs var:f.Match ?></mark><?cs /if ?><?cs var:f.After ?><?cs if:f.CutEnd ?>…<?cs /if ?></p></li>
<?cs /each ?></ol>
<?cs else ?>
<p class="muted" id="nothing"><?cs var:L.skr.help.nothing ?></p>
<?cs /if ?>
<?cs /if ?>
<p><a href="/skr/help"><?cs var:L.skr.help.back ?></a></p>
<?cs else ?>
<?cs call:help_search() ?>
<?cs call:help_text() ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
