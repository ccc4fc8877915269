<?cs # fleet/repairs.cs: the repairs of the officer's vehicles, filtered by vehicle, state and days, with a CSV; a fleet manager closes an open one here ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/damage-macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Repair.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Repair.title ?></h1>
<p class="lead"><?cs var:L.Fleet.Repair.intro ?></p>
<p class="actions"><?cs if:Fleet.CanManage ?><a class="button" id="repair-new" href="/skr/fleet/repairs/new"><?cs var:L.Fleet.Repair.new ?></a> <?cs /if ?><a class="button secondary" href="/skr/fleet/damage"><?cs var:L.Fleet.Damage.title ?></a></p>
<?cs call:form_errors() ?>
<form method="get" action="/skr/fleet/repairs" class="filters" id="repair-filters">
 <?cs call:vehicle_filter() ?>
 <div class="field<?cs if:Form.state.Error ?> invalid<?cs /if ?>">
  <label for="f-state"><?cs var:L.Fleet.Damage.state ?></label>
  <select id="f-state" name="state">
   <option value=""><?cs var:L.Fleet.any ?></option>
   <option value="open"<?cs if:Form.state == "open" ?> selected<?cs /if ?>><?cs var:L.Fleet.Repair.in_progress ?></option>
   <option value="closed"<?cs if:Form.state == "closed" ?> selected<?cs /if ?>><?cs var:L.Fleet.Repair.finished ?></option>
  </select>
  <?cs call:field_error("state", Form.state) ?>
 </div>
 <?cs call:input("from", L.Fleet.Fuel.from, "date", Form.from, "") ?>
 <?cs call:input("to", L.Fleet.Fuel.to, "date", Form.to, "") ?>
 <button type="submit" class="secondary"><?cs var:L.Fleet.filter ?></button>
</form>
<?cs if:List.Count == 0 ?>
<p id="repairs-none"><?cs var:L.Fleet.Repair.none ?></p>
<?cs else ?>
<p class="actions"><a class="button secondary" id="repairs-csv" href="/skr/fleet/repairs.csv<?cs if:List.Query ?>?<?cs var:List.Query ?><?cs /if ?>"><?cs var:L.Fleet.csv ?></a></p>
<?cs call:repairs_table(Repairs) ?>
<p class="muted" id="repairs-count"><?cs var:List.Count ?> <?cs var:plural(List.Count, "Fleet.Repair.word") ?></p>
<?cs if:List.Capped ?><p class="alert"><?cs var:L.Fleet.Damage.capped ?></p><?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
