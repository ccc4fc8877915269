<?cs # skr/roles.cs: the role checkboxes of the staff forms (Roles.N.{Name, Label, On}), with the note that three of them wait for a second administrator; included, never rendered alone ?>
<fieldset class="roles<?cs if:Form.role.Error ?> invalid<?cs /if ?>"<?cs if:Form.role.Error ?> aria-describedby="e-role"<?cs /if ?>>
 <legend><?cs var:L.skr.staff.roles ?></legend>
 <?cs each:ro = Roles ?>
 <label class="check"><input type="checkbox" name="role" value="<?cs var:ro.Name ?>"<?cs if:ro.On ?> checked<?cs /if ?>> <?cs var:ro.Label ?></label>
 <?cs /each ?>
 <p class="hint" id="roles-hint"><?cs var:L.skr.grants.hint ?></p>
 <?cs call:field_error("role", Form.role) ?>
</fieldset>
