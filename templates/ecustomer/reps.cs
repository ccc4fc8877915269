<?cs # ecustomer/reps.cs: a company's representatives today; a manager adds and ends them within what she may grant (C marks a.may, p.can_end) ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.reps_page.title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.reps_page.title ?>: <a href="/ecustomer/company/<?cs var:Company.0.id ?>"><?cs var:Company.0.name ?></a></h1>
<?cs if:subcount(Company.0.Reps) ?>
<table class="list reps stacked">
 <thead><tr><th><?cs var:L.ecustomer.reps_page.who ?></th><th><?cs var:L.ecustomer.id_sisc ?> / <?cs var:L.ecustomer.eori ?></th><th><?cs var:L.ecustomer.reps_page.valid ?></th><th><?cs var:L.ecustomer.reps_page.authz ?></th><?cs if:Can.Manage ?><th></th><?cs /if ?></tr></thead>
 <tbody>
 <?cs each:p = Company.0.Reps ?><tr id="rep-<?cs var:p.id ?>"><td data-label="<?cs var:L.ecustomer.reps_page.who ?>"><?cs var:p.who ?></td><td data-label="<?cs var:L.ecustomer.id_sisc ?> / <?cs var:L.ecustomer.eori ?>"><?cs var:p.who_sisc ?> <?cs var:p.who_eori ?></td><td data-label="<?cs var:L.ecustomer.reps_page.valid ?>"><?cs var:p.valid_from ?> – <?cs if:p.valid_to ?><?cs var:p.valid_to ?><?cs else ?><?cs var:L.ecustomer.reps_page.open_ended ?><?cs /if ?></td><td data-label="<?cs var:L.ecustomer.reps_page.authz ?>"><?cs var:p.authz ?></td>
 <?cs if:Can.Manage ?><td><?cs if:p.can_end ?><form method="post" action="/ecustomer/company/<?cs var:Company.0.id ?>/reps/<?cs var:p.id ?>/end" class="inline"><?cs call:csrf() ?><button type="submit" class="danger"><?cs var:L.ecustomer.reps_page.end ?></button></form><?cs /if ?></td><?cs /if ?></tr><?cs /each ?>
 </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.reps_page.none ?></p><?cs /if ?>
<?cs if:Can.Manage ?>
<h2><?cs var:L.ecustomer.reps_page.add ?></h2>
<form class="form" method="post" action="/ecustomer/company/<?cs var:Company.0.id ?>/reps" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:input("rep", L.ecustomer.reps_page.rep, "text", Form.rep, "required") ?>
 <fieldset class="field<?cs if:Form.authz.Error ?> invalid<?cs /if ?>">
  <legend><?cs var:L.ecustomer.reps_page.authz ?></legend>
  <p class="muted"><?cs var:L.ecustomer.reps_page.grant_rule ?></p>
  <?cs each:a = Options.Authz ?><?cs if:a.may ?><label><input type="checkbox" name="authz" value="<?cs var:a.code ?>"<?cs if:Form.authz[a.code] ?> checked<?cs /if ?>> <?cs var:a.name ?></label><br><?cs /if ?><?cs /each ?>
  <?cs call:field_error("authz", Form.authz) ?>
 </fieldset>
 <?cs call:input("valid_from", L.ecustomer.reps_page.valid_from, "date", Form.valid_from, "required") ?>
 <?cs call:input("valid_to", L.ecustomer.reps_page.valid_to, "date", Form.valid_to, "") ?>
 <p><button type="submit"><?cs var:L.ecustomer.reps_page.add ?></button></p>
</form>
<?cs /if ?>
<h2><?cs var:L.ecustomer.history ?></h2>
<?cs call:ec_history(Company.0.History) ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
