<?cs # fleet/drivers.cs: the staff of the officer's units with their licences (a lapsed one in red) and permission to drive ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Driver.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Driver.title ?></h1>
<p class="lead"><?cs var:L.Fleet.Driver.intro ?></p>
<?cs if:List.Count == 0 ?>
<p id="drivers-none"><?cs var:L.Fleet.Driver.none ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="drivers">
 <thead><tr><th><?cs var:L.Fleet.Driver.who ?></th><th><?cs var:L.Fleet.v.unit ?></th><th><?cs var:L.Fleet.Driver.categories ?></th><th><?cs var:L.Fleet.Driver.licence_until ?></th><th><?cs var:L.Fleet.Driver.permission ?></th><?cs if:Fleet.CanManage ?><th></th><?cs /if ?></tr></thead>
 <tbody>
 <?cs each:d = Drivers ?>
  <tr data-id="<?cs var:d.id ?>"<?cs if:d.lapsed ?> class="lapsed"<?cs /if ?>>
   <td><?cs var:d.full_name ?><br><span class="muted"><?cs var:d.login ?></span></td>
   <td><?cs var:d.unit_code ?></td>
   <td><?cs if:d.has ?><?cs var:d.categories ?><?cs else ?><span class="muted"><?cs var:L.Fleet.Driver.no_record ?></span><?cs /if ?></td>
   <td><?cs if:d.lapsed ?><span class="badge bad" data-state="lapsed"><?cs var:L.Fleet.Driver.lapsed ?> <?cs var:d.licence_until ?></span><?cs elif:d.licence_until ?><?cs var:d.licence_until ?><?cs /if ?></td>
   <td><?cs if:d.permitted == "1" ?><span class="badge ok" data-permitted="1"><?cs var:L.Fleet.Driver.permitted ?></span><?cs if:d.granted_by_name ?><br><span class="muted"><?cs var:L.Fleet.Driver.granted_by ?> <?cs var:d.granted_by_name ?></span><?cs /if ?><?cs else ?><span class="badge" data-permitted="0"><?cs var:L.Fleet.Driver.not_permitted ?></span><?cs /if ?></td>
   <?cs if:Fleet.CanManage ?><td><?cs if:d.self ?><span class="muted"><?cs var:L.Fleet.Driver.self ?></span><?cs else ?><a href="/skr/fleet/drivers/<?cs var:d.id ?>"><?cs if:d.has ?><?cs var:L.Fleet.Driver.edit ?><?cs else ?><?cs var:L.Fleet.Driver.add ?><?cs /if ?></a><?cs /if ?></td><?cs /if ?>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
