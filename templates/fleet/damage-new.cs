<?cs # fleet/damage-new.cs: a damage report: vehicle, day, place, what happened, a third party and its details ?>
<?cs include:"macros.cs" ?>
<?cs include:"fleet/damage-macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Damage.new ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.Fleet.Damage.new ?></h1>
<form method="post" action="/skr/fleet/damage" class="form" id="damage-form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:vehicle_filter() ?>
 <?cs call:input("day", L.Fleet.Damage.happened_on, "date", Form.day, "required") ?>
 <?cs call:input("place", L.Fleet.Damage.place, "text", Form.place, "required") ?>
 <?cs call:textarea("description", L.Fleet.Damage.description, Form.description, 5) ?>
 <div class="field<?cs if:Form.third_party.Error ?> invalid<?cs /if ?>"><label><input type="checkbox" name="third_party" value="1"<?cs if:Form.third_party == "1" ?> checked<?cs /if ?>> <?cs var:L.Fleet.Damage.third_party_q ?></label><?cs call:field_error("third_party", Form.third_party) ?></div>
 <?cs call:textarea("third_details", L.Fleet.Damage.third_details, Form.third_details, 3) ?>
 <p class="hint"><?cs var:L.Fleet.Damage.third_hint ?></p>
 <button type="submit"><?cs var:L.Fleet.Damage.save ?></button>
 <a href="/skr/fleet/damage"><?cs var:L.form.cancel ?></a>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
