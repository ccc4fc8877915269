<?cs # fleet/vehicle-documents.cs: the vehicle page's documents section (ui-docs.c fleet_section_documents): the documents in force with their deadlines, renew and edit for its manager, and the older ones ?>
<?cs include:"fleet/due.cs" ?>
<section id="documents">
<h2><?cs var:L.Fleet.Doc.title ?></h2>
<?cs if:Fleet.CanManage ?><p class="actions"><a class="button" id="document-new" href="/skr/fleet/vehicles/<?cs var:Vehicle.id ?>/documents/new"><?cs var:L.Fleet.Doc.add ?></a></p><?cs /if ?>
<?cs if:DocsCount == 0 ?>
<p id="documents-none"><?cs var:L.Fleet.Doc.none ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="documents-table">
 <thead><tr><th><?cs var:L.Fleet.Doc.f.kind ?></th><th><?cs var:L.Fleet.Doc.f.number ?></th><th><?cs var:L.Fleet.Doc.f.terms ?></th><th><?cs var:L.Fleet.Doc.due.date ?></th><th><?cs var:L.Fleet.Doc.due.state ?></th><?cs if:Fleet.CanManage ?><th></th><?cs /if ?></tr></thead>
 <tbody>
 <?cs each:d = Docs ?>
  <tr data-id="<?cs var:d.id ?>"<?cs if:d.current != "1" ?> class="muted"<?cs /if ?>>
   <td><?cs var:L.Fleet.doc_kind[d.kind] ?><?cs if:d.current != "1" ?> (<?cs var:L.Fleet.Doc.older ?>)<?cs /if ?></td>
   <td><?cs var:d.number ?></td>
   <td><?cs if:d.kind == "service" ?><?cs var:L.Fleet.Doc.done ?> <?cs var:d.done_on ?>, <?cs var:d.done_km ?> km; <?cs var:L.Fleet.Doc.every ?><?cs if:d.service_every_km ?> <?cs var:d.service_every_km ?> km<?cs /if ?><?cs if:d.service_every_km && d.service_every_months ?> <?cs var:L.Fleet.Doc.due.or ?><?cs /if ?><?cs if:d.service_every_months ?> <?cs var:d.service_every_months ?> <?cs var:plural(d.service_every_months, "Fleet.Doc.month_word") ?><?cs /if ?><?cs elif:d.kind == "tyres" ?><?cs var:L.Fleet.Doc.season[d.season] ?>, <?cs var:L.Fleet.Doc.done ?> <?cs var:d.done_on ?><?cs elif:d.valid_until ?><?cs var:L.Fleet.Doc.valid_until ?> <?cs var:d.valid_until ?><?cs /if ?><?cs if:d.note ?><br><span class="muted"><?cs var:d.note ?></span><?cs /if ?></td>
   <td><?cs if:d.current == "1" ?><?cs call:fleet_due_when(d) ?><?cs /if ?></td>
   <td><?cs if:d.current == "1" ?><?cs call:fleet_due(d) ?><?cs /if ?></td>
   <?cs if:Fleet.CanManage ?><td class="nowrap"><?cs if:d.current == "1" ?><a href="/skr/fleet/vehicles/<?cs var:Vehicle.id ?>/documents/new?kind=<?cs var:url_escape(d.kind) ?>"><?cs var:L.Fleet.Doc.renew ?></a> · <?cs /if ?><a href="/skr/fleet/documents/<?cs var:d.id ?>"><?cs var:L.Fleet.Doc.edit ?></a></td><?cs /if ?>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
</section>
