<?cs # fleet/driver-form.cs: an officer's driving licence (categories, valid until) and the permission to drive service vehicles, for a manager of their unit (never their own) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Driver.form_title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<p class="muted"><a href="/skr/fleet/drivers"><?cs var:L.Fleet.Driver.title ?></a></p>
<h1><?cs var:L.Fleet.Driver.form_title ?>: <?cs var:Driver.full_name ?></h1>
<p class="lead"><?cs var:Driver.login ?> · <?cs var:Driver.unit_code ?></p>
<?cs call:form_errors() ?>
<form method="post" action="/skr/fleet/drivers/<?cs var:Driver.id ?>" id="driver-form">
 <?cs call:csrf() ?>
 <fieldset class="roles<?cs if:Form.cat.Error ?> invalid<?cs /if ?>" id="f-cat">
  <legend><?cs var:L.Fleet.Driver.categories ?></legend>
  <?cs each:o = Opt.cat ?><label class="check"><input type="checkbox" name="cat" value="<?cs var:o.Value ?>"<?cs if:o.Checked ?> checked<?cs /if ?>> <?cs var:o.Label ?></label><?cs /each ?>
  <?cs call:field_error("cat", Form.cat) ?>
 </fieldset>
 <?cs call:input("licence_until", L.Fleet.Driver.licence_until, "date", Form.licence_until, "") ?>
 <button type="submit" id="driver-save"><?cs var:L.Fleet.Driver.save ?></button>
</form>
<h2><?cs var:L.Fleet.Driver.permission ?></h2>
<?cs if:Driver.has ?>
<p id="permission-now"><?cs if:Driver.permitted == "1" ?><span class="badge ok"><?cs var:L.Fleet.Driver.permitted ?></span><?cs else ?><span class="badge"><?cs var:L.Fleet.Driver.not_permitted ?></span><?cs /if ?><?cs if:Driver.lapsed ?> <span class="badge bad"><?cs var:L.Fleet.Driver.lapsed ?> <?cs var:Driver.licence_until ?></span><?cs /if ?></p>
<form method="post" action="/skr/fleet/drivers/<?cs var:Driver.id ?>/permission" id="permission-form">
 <?cs call:csrf() ?>
 <?cs if:Driver.permitted == "1" ?>
 <input type="hidden" name="permit" value="0">
 <button type="submit" class="secondary" id="permission-withdraw"><?cs var:L.Fleet.Driver.withdraw ?></button>
 <?cs else ?>
 <input type="hidden" name="permit" value="1">
 <button type="submit" id="permission-grant"><?cs var:L.Fleet.Driver.grant ?></button>
 <?cs /if ?>
 <?cs call:field_error("permit", Form.permit) ?>
</form>
<?cs else ?>
<p class="muted"><?cs var:L.Fleet.Driver.record_first ?></p>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
