<?cs # fleet/damage-macros.cs: the filters of the damage and repair lists, and the repairs table (with a manager's closing form for an open one) ?>
<?cs def:vehicle_filter() ?>
 <div class="field<?cs if:Form.vehicle.Error ?> invalid<?cs /if ?>">
  <label for="f-vehicle"><?cs var:L.Fleet.Fuel.vehicle ?></label>
  <select id="f-vehicle" name="vehicle"<?cs if:Form.vehicle.Error ?> aria-invalid="true" aria-describedby="e-vehicle"<?cs /if ?>>
   <option value=""><?cs var:L.Fleet.any ?></option>
   <?cs each:o = Opt.vehicle ?><option value="<?cs var:o.id ?>"<?cs if:o.id == Form.vehicle ?> selected<?cs /if ?>><?cs var:o.plate ?> · <?cs var:o.make ?> <?cs var:o.model ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("vehicle", Form.vehicle) ?>
 </div>
<?cs /def ?>
<?cs def:repairs_table(list) ?>
<div class="table-wrap">
<table id="repairs">
 <thead><tr><th><?cs var:L.Fleet.v.plate ?></th><th><?cs var:L.Fleet.Repair.reason_label ?></th><th><?cs var:L.Fleet.Repair.workshop ?></th><th><?cs var:L.Fleet.Repair.from ?></th><th><?cs var:L.Fleet.Repair.to ?></th><th class="num"><?cs var:L.Fleet.Repair.days ?></th><th class="num"><?cs var:L.Fleet.Repair.cost ?></th></tr></thead>
 <tbody>
 <?cs each:p = list ?>
  <tr data-id="<?cs var:p.id ?>">
   <td data-label="<?cs var:L.Fleet.v.plate ?>"><?cs if:Fleet.DriverOnly ?><?cs var:p.plate ?><?cs else ?><a href="/skr/fleet/vehicles/<?cs var:p.vehicle_id ?>"><?cs var:p.plate ?></a><?cs /if ?></td>
   <td data-label="<?cs var:L.Fleet.Repair.reason_label ?>"><?cs if:p.damage_id ?><a href="/skr/fleet/damage/<?cs var:p.damage_id ?>"><?cs var:L.Fleet.Repair.reason[p.reason] ?></a><?cs else ?><?cs var:L.Fleet.Repair.reason[p.reason] ?><?cs /if ?><?cs if:p.note ?><br><span class="muted"><?cs var:p.note ?></span><?cs /if ?></td>
   <td data-label="<?cs var:L.Fleet.Repair.workshop ?>"><?cs var:p.workshop ?></td>
   <td data-label="<?cs var:L.Fleet.Repair.from ?>"><?cs var:p.from_day ?></td>
   <td data-label="<?cs var:L.Fleet.Repair.to ?>"><?cs if:p.to_day ?><?cs var:p.to_day ?><?cs else ?><span class="badge warn"><?cs var:L.Fleet.Repair.in_progress ?></span>
   <?cs if:Fleet.CanManage ?>
   <form method="post" action="/skr/fleet/repairs/<?cs var:p.id ?>/close" class="form inline" id="close-<?cs var:p.id ?>" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.repair == p.id && Form.to_day.Error ?> invalid<?cs /if ?>">
     <label for="f-to_day-<?cs var:p.id ?>"><?cs var:L.Fleet.Repair.to ?></label>
     <input id="f-to_day-<?cs var:p.id ?>" name="to_day" type="date" required value="<?cs if:Form.repair == p.id ?><?cs var:Form.to_day ?><?cs /if ?>"<?cs if:Form.repair == p.id && Form.to_day.Error ?> aria-invalid="true" aria-describedby="e-to_day"<?cs /if ?>>
     <?cs if:Form.repair == p.id ?><?cs call:field_error("to_day", Form.to_day) ?><?cs /if ?>
    </div>
    <div class="field<?cs if:Form.repair == p.id && Form.cost.Error ?> invalid<?cs /if ?>">
     <label for="f-cost-<?cs var:p.id ?>"><?cs var:L.Fleet.Repair.cost_input ?></label>
     <input id="f-cost-<?cs var:p.id ?>" name="cost" type="text" required value="<?cs if:Form.repair == p.id ?><?cs var:Form.cost ?><?cs /if ?>"<?cs if:Form.repair == p.id && Form.cost.Error ?> aria-invalid="true" aria-describedby="e-cost"<?cs /if ?>>
     <?cs if:Form.repair == p.id ?><?cs call:field_error("cost", Form.cost) ?><?cs /if ?>
    </div>
    <button type="submit"><?cs var:L.Fleet.Repair.close ?></button>
   </form>
   <?cs /if ?><?cs /if ?></td>
   <td class="num" data-label="<?cs var:L.Fleet.Repair.days ?>"><?cs if:p.days ?><?cs var:p.days ?><?cs else ?>—<?cs /if ?></td>
   <td class="num" data-label="<?cs var:L.Fleet.Repair.cost ?>"><?cs if:p.to_day ?><?cs var:p.cost ?> zł<?cs else ?>—<?cs /if ?></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /def ?>
