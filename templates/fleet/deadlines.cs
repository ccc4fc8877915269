<?cs # fleet/deadlines.cs: the deadlines of the officer's units, most urgent first, with the filters of the URL and a CSV ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/due.cs" ?>
<?cs set:Page.Title = L.Fleet.Doc.deadlines ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Doc.deadlines ?></h1>
<p class="lead"><?cs var:L.Fleet.Doc.deadlines_intro ?></p>
<?cs call:form_errors() ?>
<form method="get" action="/skr/fleet/deadlines" class="filters" id="deadline-filters">
 <div class="field<?cs if:Form.unit.Error ?> invalid<?cs /if ?>">
  <label for="f-unit"><?cs var:L.Fleet.v.unit ?></label>
  <select id="f-unit" name="unit">
   <option value=""><?cs var:L.Fleet.any ?></option>
   <?cs each:o = Opt.unit ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.unit ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("unit", Form.unit) ?>
 </div>
 <?cs call:input("within", L.Fleet.Doc.within, "number", Form.within, "") ?>
 <div class="field">
  <label class="check"><input type="checkbox" name="overdue" value="1" id="f-overdue"<?cs if:Form.overdue == "1" ?> checked<?cs /if ?>> <?cs var:L.Fleet.Doc.only_overdue ?></label>
  <?cs call:field_error("overdue", Form.overdue) ?>
 </div>
 <button type="submit" class="secondary"><?cs var:L.Fleet.filter ?></button>
</form>
<?cs if:Page.Status != 422 ?>
<?cs if:List.Count == 0 ?>
<p id="deadlines-none"><?cs var:L.Fleet.Doc.deadlines_none ?></p>
<?cs else ?>
<p class="actions"><a class="button secondary" id="deadlines-csv" href="/skr/fleet/deadlines.csv<?cs if:List.Query ?>?<?cs var:List.Query ?><?cs /if ?>"><?cs var:L.Fleet.csv ?></a></p>
<div class="table-wrap">
<table id="deadlines">
 <thead><tr><th><?cs var:L.Fleet.v.plate ?></th><th><?cs var:L.Fleet.v.unit ?></th><th><?cs var:L.Fleet.Doc.f.kind ?></th><th><?cs var:L.Fleet.Doc.due.date ?></th><th><?cs var:L.Fleet.Doc.due.state ?></th></tr></thead>
 <tbody>
 <?cs each:d = Deadlines ?>
  <tr data-id="<?cs var:d.id ?>" class="due-<?cs var:d.state ?>">
   <td><a href="/skr/fleet/vehicles/<?cs var:d.vehicle_id ?>/documents"><?cs var:d.plate ?></a><br><span class="muted"><?cs var:d.make ?> <?cs var:d.model ?></span></td>
   <td><?cs var:d.unit_code ?></td>
   <td><?cs var:L.Fleet.doc_kind[d.kind] ?><?cs if:d.number ?><br><span class="muted"><?cs var:d.number ?></span><?cs /if ?></td>
   <td><?cs call:fleet_due_when(d) ?></td>
   <td><?cs call:fleet_due(d) ?></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<p class="muted" id="deadlines-count"><?cs var:List.Count ?> <?cs var:plural(List.Count, "Fleet.Doc.deadline_word") ?></p>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
