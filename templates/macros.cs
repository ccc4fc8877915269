<?cs # macros.cs: form fields and shared pieces. Each field shows its value back, its error beside it, and ties the two with aria ?>
<?cs def:field_error(name, node) ?><?cs if:node.Error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:node.Error ?></p><?cs /if ?><?cs /def ?>

<?cs def:input(name, label, type, node, extra) ?>
<div class="field<?cs if:node.Error ?> invalid<?cs /if ?>">
 <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
 <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>"<?cs if:type != "password" ?> value="<?cs var:node ?>"<?cs /if ?><?cs if:extra == "required" ?> required<?cs /if ?><?cs if:node.Error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
 <?cs call:field_error(name, node) ?>
</div>
<?cs /def ?>

<?cs def:textarea(name, label, node, rows) ?>
<div class="field<?cs if:node.Error ?> invalid<?cs /if ?>">
 <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
 <textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="<?cs var:rows ?>"<?cs if:node.Error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>><?cs var:node ?></textarea>
 <?cs call:field_error(name, node) ?>
</div>
<?cs /def ?>

<?cs # options: a list node whose children have .Value and .Label ?>
<?cs def:select(name, label, options, node) ?>
<div class="field<?cs if:node.Error ?> invalid<?cs /if ?>">
 <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
 <select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:node.Error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
  <option value=""><?cs var:L.form.choose ?></option>
  <?cs each:o = options ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == node ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
 </select>
 <?cs call:field_error(name, node) ?>
</div>
<?cs /def ?>

<?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:Page.Csrf ?>"><?cs /def ?>

<?cs # A refused sign-in (domain/signin.c): the program's message, and for a wait how long in words and until when ?>
<?cs def:signin_error() ?><?cs if:Signin.Error ?><div class="alert" role="alert" id="signin-error"><?cs var:Signin.Error ?><?cs if:Signin.Until ?> <?cs var:L.wait.try_in ?> <?cs var:Signin.Minutes ?> <?cs var:plural(Signin.Minutes, "wait.minute") ?> (<?cs var:L.wait.at ?> <?cs var:Signin.Until ?>).<?cs /if ?></div><?cs /if ?><?cs /def ?>

<?cs def:form_errors() ?><?cs if:Page.FormErrors ?><div class="alert" role="alert"><?cs var:L.form.has_errors ?></div><?cs /if ?><?cs /def ?>

<?cs # The confirmation step of a destructive action (lib/view.c: view_confirm): the question in words, a danger button that posts the same form again with confirm=1, and a way back that changes nothing ?>
<?cs def:confirm_step() ?>
<section class="confirm" id="confirm-step">
 <h1 id="confirm-question"><?cs var:Confirm.Question ?></h1>
 <p><?cs var:L.confirm.nothing_yet ?></p>
 <form method="post" action="<?cs var:Confirm.Action ?>" id="confirm-form" class="actions">
  <?cs call:csrf() ?>
  <?cs each:k = Confirm.Keep ?><input type="hidden" name="<?cs var:k.name ?>" value="<?cs var:k.value ?>"><?cs /each ?>
  <input type="hidden" name="confirm" value="1">
  <button type="submit" class="danger" id="confirm-yes"><?cs var:Confirm.Yes ?></button>
  <a class="button secondary" href="<?cs var:Confirm.Back ?>" id="confirm-back"><?cs var:L.confirm.back ?></a>
 </form>
</section>
<?cs /def ?>

<?cs # A control decision (domain/risk) in words, linked to why it was made when the page's reader may open that (Risk.DecisionLink) ?>
<?cs def:decision_badge(id, colour, random) ?><?cs if:Risk.DecisionLink ?><a class="badge <?cs if:colour == "red" ?>bad<?cs elif:colour == "yellow" ?>warn<?cs else ?>ok<?cs /if ?>" data-decision="<?cs var:colour ?>" href="/skr/control/decisions/<?cs var:id ?>"><?cs var:L.risk.colour[colour] ?><?cs if:random == "1" ?> · <?cs var:L.risk.random_short ?><?cs /if ?></a><?cs else ?><span class="badge <?cs if:colour == "red" ?>bad<?cs elif:colour == "yellow" ?>warn<?cs else ?>ok<?cs /if ?>" data-decision="<?cs var:colour ?>"><?cs var:L.risk.colour[colour] ?><?cs if:random == "1" ?> · <?cs var:L.risk.random_short ?><?cs /if ?></span><?cs /if ?><?cs /def ?>
<?cs # How fresh the data of a page read from a regional copy are (lib/dbstate.c: Page.Fresh, set only when the program reads a copy) ?>
<?cs def:fresh() ?><?cs if:Page.Fresh.Mode == "copy" && Page.Fresh.AsOf ?><p id="fresh" class="muted"><?cs var:L.fresh.as_of ?> <?cs var:local_time(Page.Fresh.AsOf) ?> (<?cs var:L.fresh.local ?>; <?cs var:Page.Fresh.Behind ?> <?cs var:plural(Page.Fresh.Behind, "unit.second") ?> <?cs var:L.fresh.behind ?>)</p><?cs elif:Page.Fresh.Mode == "copy" ?><p id="fresh" class="muted"><?cs var:L.fresh.unknown ?></p><?cs elif:Page.Fresh.Mode == "main" ?><p id="fresh" class="muted"><?cs var:L.fresh.main ?></p><?cs /if ?><?cs /def ?>
