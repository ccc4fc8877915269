<?cs # fleet/document-form.cs: add, renew or correct a vehicle's document; the fields its kind needs (each kind's are marked, the others ignored) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.Fleet.Doc.form_title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<p class="muted"><a href="/skr/fleet/vehicles/<?cs var:Vehicle.id ?>/documents"><?cs var:Vehicle.plate ?> · <?cs var:L.Fleet.Doc.title ?></a></p>
<h1><?cs if:Doc.Edit ?><?cs var:L.Fleet.Doc.edit_title ?><?cs else ?><?cs var:L.Fleet.Doc.form_title ?><?cs /if ?>: <?cs var:Vehicle.plate ?></h1>
<p class="lead"><?cs var:L.Fleet.Doc.form_intro ?></p>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:Doc.Action ?>" id="document-form">
 <?cs call:csrf() ?>
 <?cs if:Doc.Edit ?>
 <p><strong><?cs var:L.Fleet.Doc.f.kind ?>:</strong> <?cs var:L.Fleet.doc_kind[Form.kind] ?></p>
 <?cs else ?>
 <?cs call:select("kind", L.Fleet.Doc.f.kind, Opt.kind, Form.kind) ?>
 <?cs /if ?>
 <fieldset>
  <legend><?cs var:L.Fleet.Doc.f.paper ?></legend>
  <?cs call:input("number", L.Fleet.Doc.f.number_hint, "text", Form.number, "") ?>
  <?cs call:input("valid_until", L.Fleet.Doc.f.valid_until, "date", Form.valid_until, "") ?>
 </fieldset>
 <fieldset>
  <legend><?cs var:L.Fleet.Doc.f.done_legend ?></legend>
  <?cs call:input("done_on", L.Fleet.Doc.f.done_on, "date", Form.done_on, "") ?>
  <?cs call:input("done_km", L.Fleet.Doc.f.done_km, "number", Form.done_km, "") ?>
  <?cs call:input("every_km", L.Fleet.Doc.f.every_km, "number", Form.every_km, "") ?>
  <?cs call:input("every_months", L.Fleet.Doc.f.every_months, "number", Form.every_months, "") ?>
  <div class="field<?cs if:Form.season.Error ?> invalid<?cs /if ?>">
   <label for="f-season"><?cs var:L.Fleet.Doc.f.season ?></label>
   <select id="f-season" name="season"<?cs if:Form.season.Error ?> aria-invalid="true" aria-describedby="e-season"<?cs /if ?>>
    <option value=""><?cs var:L.form.choose ?></option>
    <option value="winter"<?cs if:Form.season == "winter" ?> selected<?cs /if ?>><?cs var:L.Fleet.Doc.season.winter ?></option>
    <option value="summer"<?cs if:Form.season == "summer" ?> selected<?cs /if ?>><?cs var:L.Fleet.Doc.season.summer ?></option>
   </select>
   <?cs call:field_error("season", Form.season) ?>
  </div>
 </fieldset>
 <?cs call:textarea("note", L.Fleet.Doc.f.note, Form.note, 2) ?>
 <button type="submit" id="document-save"><?cs var:L.Fleet.Doc.save ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
