<?cs # skr/staff-list.cs: the staff an administrator manages, filtered by unit, role and status ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.staff.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.skr.staff.title ?></h1>
<p class="actions"><a class="button" href="/skr/admin/staff/new"><?cs var:L.skr.staff.new ?></a> <a class="button secondary" href="/skr/admin/units"><?cs var:L.skr.staff.units_link ?></a> <a class="button secondary" href="/skr/admin/grants"><?cs var:L.skr.grants.title ?></a></p>
<p class="muted"><?cs var:L.skr.staff.scope ?></p>
<form method="get" action="/skr/admin/staff" class="filters">
 <div class="field<?cs if:Form.unit.Error ?> invalid<?cs /if ?>">
  <label for="f-unit"><?cs var:L.skr.staff.unit ?></label>
  <select id="f-unit" name="unit">
   <option value=""><?cs var:L.skr.any ?></option>
   <?cs each:u = Units ?><option value="<?cs var:u.Value ?>"<?cs if:u.Value == Form.unit ?> selected<?cs /if ?>><?cs var:u.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("unit", Form.unit) ?>
 </div>
 <div class="field<?cs if:Form.role.Error ?> invalid<?cs /if ?>">
  <label for="f-role"><?cs var:L.skr.staff.role ?></label>
  <select id="f-role" name="role">
   <option value=""><?cs var:L.skr.any ?></option>
   <?cs each:ro = Roles ?><option value="<?cs var:ro.Name ?>"<?cs if:ro.Name == Form.role ?> selected<?cs /if ?>><?cs var:ro.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("role", Form.role) ?>
 </div>
 <div class="field<?cs if:Form.disabled.Error ?> invalid<?cs /if ?>">
  <label for="f-disabled"><?cs var:L.skr.staff.status ?></label>
  <select id="f-disabled" name="disabled">
   <option value=""><?cs var:L.skr.any ?></option>
   <option value="0"<?cs if:Form.disabled == "0" ?> selected<?cs /if ?>><?cs var:L.skr.staff.active ?></option>
   <option value="1"<?cs if:Form.disabled == "1" ?> selected<?cs /if ?>><?cs var:L.skr.staff.disabled ?></option>
  </select>
  <?cs call:field_error("disabled", Form.disabled) ?>
 </div>
 <button type="submit" class="secondary"><?cs var:L.skr.staff.filter ?></button>
</form>
<?cs if:List.Count == 0 ?>
<p id="staff-none"><?cs var:L.skr.staff.none ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="staff">
 <thead><tr><th><?cs var:L.skr.staff.login ?></th><th><?cs var:L.skr.staff.name ?></th><th><?cs var:L.skr.staff.unit ?></th><th><?cs var:L.skr.staff.roles ?></th><th><?cs var:L.skr.staff.status ?></th></tr></thead>
 <tbody>
 <?cs each:s = Staff ?>
  <tr data-id="<?cs var:s.Id ?>">
   <td><a href="/skr/admin/staff/<?cs var:s.Id ?>"><?cs var:s.Login ?></a></td>
   <td><?cs var:s.Name ?><br><span class="muted"><?cs var:s.Email ?></span></td>
   <td><abbr title="<?cs var:s.UnitName ?>"><?cs var:s.UnitCode ?></abbr></td>
   <td><?cs each:ro = s.Roles ?><span class="badge"><?cs var:ro ?></span> <?cs /each ?></td>
   <td><?cs if:s.Disabled == "1" ?><span class="badge bad"><?cs var:L.skr.staff.disabled ?></span><?cs else ?><span class="badge ok"><?cs var:L.skr.staff.active ?></span><?cs /if ?></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<p class="muted"><?cs var:L.skr.staff.count ?> <?cs var:List.Count ?></p>
<?cs if:List.Capped ?><p class="alert"><?cs var:L.skr.staff.capped ?></p><?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
