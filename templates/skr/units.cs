<?cs # skr/units.cs: the organisational hierarchy as nested lists (Tree.N.{Code, Name, Kind, Staff, Children}) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.units.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:unit_list(units) ?>
<ul>
 <?cs each:u = units ?>
 <li id="unit-<?cs var:u.Id ?>" class="unit unit-<?cs var:u.Kind ?>">
  <span class="unit-kind"><?cs var:L.skr.kind[u.Kind] ?></span>
  <strong><?cs var:u.Name ?></strong> <code><?cs var:u.Code ?></code>
  <span class="muted">· <?cs var:u.Staff ?> <?cs var:plural(u.Staff, "unit.person") ?></span>
  <?cs if:subcount(u.Children) > 0 ?><?cs call:unit_list(u.Children) ?><?cs /if ?>
 </li>
 <?cs /each ?>
</ul>
<?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.skr.units.title ?></h1>
<p class="lead"><?cs var:L.skr.units.intro ?></p>
<nav class="unit-tree" id="units"><?cs call:unit_list(Tree) ?></nav>
<?cs /def ?>
<?cs include:"layout.cs" ?>
