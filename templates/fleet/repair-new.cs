<?cs # fleet/repair-new.cs: a fleet manager opens a repair: vehicle, the damage repaired (or a service), workshop, first day out of service ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/damage-macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Repair.new ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Repair.new ?></h1>
<p class="lead"><?cs var:L.Fleet.Repair.new_intro ?></p>
<form method="post" action="/skr/fleet/repairs" class="form" id="repair-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:vehicle_filter() ?>
 <?cs if:Form.damage ?><input type="hidden" name="damage" value="<?cs var:Form.damage ?>"><p><?cs var:L.Fleet.Repair.for_damage ?> <a href="/skr/fleet/damage/<?cs var:Form.damage ?>">#<?cs var:Form.damage ?></a></p><?cs call:field_error("damage", Form.damage) ?><?cs else ?><p class="muted"><?cs var:L.Fleet.Repair.service_hint ?></p><?cs /if ?>
 <?cs call:input("workshop", L.Fleet.Repair.workshop, "text", Form.workshop, "required") ?>
 <?cs call:input("from", L.Fleet.Repair.from, "date", Form.from, "required") ?>
 <?cs call:textarea("note", L.Fleet.Repair.note, Form.note, 3) ?>
 <button type="submit"><?cs var:L.Fleet.Repair.open ?></button>
 <a href="/skr/fleet/repairs"><?cs var:L.form.cancel ?></a>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
