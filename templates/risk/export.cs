<?cs # risk/export.cs: the export of a risk data set: period, crossings, decisions, alerts, object kind, format ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.exchange.export.title ?>
<?cs def:content() ?>
<p><a href="/skr/risk/exchange"><?cs var:L.exchange.title ?></a></p>
<h1><?cs var:L.exchange.export.title ?></h1>
<p class="lead"><?cs var:L.exchange.export.intro ?></p>
<?cs call:form_errors() ?>
<form method="post" action="/skr/risk/export" id="export-form" class="form">
 <?cs call:csrf() ?>
 <?cs call:input("from", L.exchange.export.from, "date", Form.from, "required") ?>
 <?cs call:input("to", L.exchange.export.to, "date", Form.to, "required") ?>
 <fieldset class="field<?cs if:Form.crossing.Error ?> invalid<?cs /if ?>" id="f-crossings">
  <legend><?cs var:L.exchange.export.crossings ?></legend>
  <?cs each:c = Export.Crossings ?><label class="check"><input type="checkbox" name="crossing" value="<?cs var:c.Value ?>"<?cs if:Form.crossing[c.Value] ?> checked<?cs /if ?>> <?cs var:c.Label ?></label><?cs /each ?>
  <p class="hint"><?cs var:L.exchange.export.crossings_hint ?></p>
  <?cs call:field_error("crossing", Form.crossing) ?>
 </fieldset>
 <fieldset class="field<?cs if:Form.colour.Error ?> invalid<?cs /if ?>" id="f-colours">
  <legend><?cs var:L.exchange.export.colours ?></legend>
  <?cs each:a = L.exchange.export.colour ?><label class="check"><input type="checkbox" name="colour" value="<?cs name:a ?>"<?cs if:Form.colour[name(a)] ?> checked<?cs /if ?>> <?cs var:a ?></label><?cs /each ?>
  <p class="hint"><?cs var:L.exchange.export.colours_hint ?></p>
  <?cs call:field_error("colour", Form.colour) ?>
 </fieldset>
 <fieldset class="field<?cs if:Form.alert.Error ?> invalid<?cs /if ?>" id="f-alerts">
  <legend><?cs var:L.exchange.export.alerts ?></legend>
  <?cs each:a = L.exchange.export.alert ?><label class="check"><input type="checkbox" name="alert" value="<?cs name:a ?>"<?cs if:Form.alert[name(a)] ?> checked<?cs /if ?>> <?cs var:a ?></label><?cs /each ?>
  <p class="hint"><?cs var:L.exchange.export.alerts_hint ?></p>
  <?cs call:field_error("alert", Form.alert) ?>
 </fieldset>
 <div class="field<?cs if:Form.kind.Error ?> invalid<?cs /if ?>">
  <label for="f-kind"><?cs var:L.exchange.export.object_kind ?></label>
  <select id="f-kind" name="kind">
   <option value=""><?cs var:L.exchange.export.any ?></option>
   <?cs each:k = L.exchange.export.kinds ?><option value="<?cs name:k ?>"<?cs if:Form.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("kind", Form.kind) ?>
 </div>
 <fieldset class="field<?cs if:Form.format.Error ?> invalid<?cs /if ?>" id="f-format">
  <legend><?cs var:L.exchange.export.format ?></legend>
  <?cs each:f = L.exchange.export.formats ?><label class="check"><input type="radio" name="format" value="<?cs name:f ?>"<?cs if:Form.format == name(f) ?> checked<?cs /if ?>> <?cs var:f ?></label><?cs /each ?>
  <?cs call:field_error("format", Form.format) ?>
 </fieldset>
 <button type="submit"><?cs var:L.exchange.export.submit ?></button>
</form>
<p><a href="/exchange/schema/risk-export.xsd" id="export-schema"><?cs var:L.exchange.export.schema ?></a></p>
<?cs /def ?>
<?cs include:"layout.cs" ?>
