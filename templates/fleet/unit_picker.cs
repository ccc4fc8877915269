<?cs # fleet/unit_picker.cs: the unit a fleet page is about (that unit's vehicles, as the fleet's lists filter), or all the reader's units (Opt.unit, filled by fleet_unit_read) ?>
<?cs def:fleet_unit_picker() ?>
<div class="field<?cs if:Form.unit.Error ?> invalid<?cs /if ?>">
 <label for="f-unit"><?cs var:L.Fleet.Dash.unit ?></label>
 <select id="f-unit" name="unit"<?cs if:Form.unit.Error ?> aria-invalid="true" aria-describedby="e-unit"<?cs /if ?>>
  <option value=""><?cs var:L.Fleet.Dash.all_units ?></option>
  <?cs each:o = Opt.unit ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.unit ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
 </select>
 <?cs call:field_error("unit", Form.unit) ?>
</div>
<?cs /def ?>
