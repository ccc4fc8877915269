<?cs # fleet/damage.cs: the damage reports of the officer's vehicles, filtered by vehicle, state and days, with a CSV ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/damage-macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Damage.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Damage.title ?></h1>
<p class="lead"><?cs var:L.Fleet.Damage.intro ?></p>
<p class="actions"><?cs if:Fleet.CanEnter ?><a class="button" id="damage-new" href="/skr/fleet/damage/new"><?cs var:L.Fleet.Damage.new ?></a> <?cs /if ?><a class="button secondary" href="/skr/fleet/repairs"><?cs var:L.Fleet.Repair.title ?></a></p>
<?cs call:form_errors() ?>
<form method="get" action="/skr/fleet/damage" class="filters" id="damage-filters">
 <?cs call:vehicle_filter() ?>
 <div class="field<?cs if:Form.status.Error ?> invalid<?cs /if ?>">
  <label for="f-status"><?cs var:L.Fleet.Damage.state ?></label>
  <select id="f-status" name="status">
   <option value=""><?cs var:L.Fleet.any ?></option>
   <option value="open"<?cs if:Form.status == "open" ?> selected<?cs /if ?>><?cs var:L.Fleet.Damage.status.open ?></option>
   <option value="closed"<?cs if:Form.status == "closed" ?> selected<?cs /if ?>><?cs var:L.Fleet.Damage.status.closed ?></option>
  </select>
  <?cs call:field_error("status", Form.status) ?>
 </div>
 <?cs call:input("from", L.Fleet.Fuel.from, "date", Form.from, "") ?>
 <?cs call:input("to", L.Fleet.Fuel.to, "date", Form.to, "") ?>
 <button type="submit" class="secondary"><?cs var:L.Fleet.filter ?></button>
</form>
<?cs if:Page.Status != 422 ?>
<?cs if:List.Count == 0 ?>
<p id="damage-none"><?cs var:L.Fleet.Damage.none ?></p>
<?cs else ?>
<p class="actions"><a class="button secondary" id="damage-csv" href="/skr/fleet/damage.csv<?cs if:List.Query ?>?<?cs var:List.Query ?><?cs /if ?>"><?cs var:L.Fleet.csv ?></a></p>
<div class="table-wrap">
<table id="damage">
 <thead><tr><th><?cs var:L.Fleet.Damage.happened_on ?></th><th><?cs var:L.Fleet.v.plate ?></th><th><?cs var:L.Fleet.Damage.place ?></th><th><?cs var:L.Fleet.Damage.third_party ?></th><th><?cs var:L.Fleet.Damage.state ?></th></tr></thead>
 <tbody>
 <?cs each:d = Damage ?>
  <tr data-id="<?cs var:d.id ?>">
   <td data-label="<?cs var:L.Fleet.Damage.happened_on ?>"><a href="/skr/fleet/damage/<?cs var:d.id ?>"><?cs var:d.happened_on ?></a></td>
   <td data-label="<?cs var:L.Fleet.v.plate ?>"><?cs var:d.plate ?></td>
   <td data-label="<?cs var:L.Fleet.Damage.place ?>"><?cs var:d.place ?></td>
   <td data-label="<?cs var:L.Fleet.Damage.third_party ?>"><?cs if:d.third_party == "1" ?><?cs var:L.Fleet.yes ?><?cs else ?><?cs var:L.Fleet.no ?><?cs /if ?></td>
   <td data-label="<?cs var:L.Fleet.Damage.state ?>"><span class="badge<?cs if:d.status == "open" ?> warn<?cs else ?> ok<?cs /if ?>"><?cs var:L.Fleet.Damage.status[d.status] ?></span></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<p class="muted" id="damage-count"><?cs var:List.Count ?> <?cs var:plural(List.Count, "Fleet.Damage.word") ?></p>
<?cs if:List.Capped ?><p class="alert"><?cs var:L.Fleet.Damage.capped ?></p><?cs /if ?>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
