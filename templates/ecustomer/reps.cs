<?cs # ecustomer/reps.cs: a company's representatives today (type in words), what waits (requests, powers of attorney before the office); a manager adds, answers and ends them within what she may grant (C marks a.may, p.can_end) ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.reps_page.title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.reps_page.title ?>: <a href="/ecustomer/company/<?cs var:Company.0.id ?>"><?cs var:Company.0.name ?></a></h1>
<?cs if:subcount(Company.0.Reps) ?>
<table class="list reps stacked">
 <thead><tr><th><?cs var:L.ecustomer.reps_page.who ?></th><th><?cs var:L.ecustomer.rep_type_label ?></th><th><?cs var:L.ecustomer.id_sisc ?> / <?cs var:L.ecustomer.eori ?></th><th><?cs var:L.ecustomer.reps_page.valid ?></th><th><?cs var:L.ecustomer.reps_page.authz ?></th><?cs if:Can.Manage ?><th></th><?cs /if ?></tr></thead>
 <tbody>
 <?cs each:p = Company.0.Reps ?><tr id="rep-<?cs var:p.id ?>"><td data-label="<?cs var:L.ecustomer.reps_page.who ?>"><?cs var:p.who ?></td><td class="rep-type" data-label="<?cs var:L.ecustomer.rep_type_label ?>"><?cs var:L.ecustomer.rep_type[p.rep_type] ?><?cs if:p.has_poa == "1" && Can.Manage ?> · <a href="/ecustomer/company/<?cs var:Company.0.id ?>/reps/<?cs var:p.id ?>/poa"><?cs var:L.ecustomer.poa.download ?></a><?cs /if ?></td><td data-label="<?cs var:L.ecustomer.id_sisc ?> / <?cs var:L.ecustomer.eori ?>"><?cs var:p.who_sisc ?> <?cs var:p.who_eori ?></td><td data-label="<?cs var:L.ecustomer.reps_page.valid ?>"><?cs var:p.valid_from ?> – <?cs if:p.valid_to ?><?cs var:p.valid_to ?><?cs else ?><?cs var:L.ecustomer.reps_page.open_ended ?><?cs /if ?></td><td data-label="<?cs var:L.ecustomer.reps_page.authz ?>"><?cs var:p.authz ?></td>
 <?cs if:Can.Manage ?><td><?cs if:p.can_end ?><form method="post" action="/ecustomer/company/<?cs var:Company.0.id ?>/reps/<?cs var:p.id ?>/end" class="inline"><?cs call:csrf() ?><button type="submit" class="danger"><?cs var:L.ecustomer.reps_page.end ?></button></form><?cs /if ?></td><?cs /if ?></tr><?cs /each ?>
 </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.reps_page.none ?></p><?cs /if ?>
<?cs if:subcount(Pending) ?>
<h2 id="pending-title"><?cs var:L.ecustomer.reps_page.pending ?></h2>
<?cs each:p = Pending ?>
<section class="card pending" id="pending-<?cs var:p.id ?>">
 <dl class="details">
  <dt><?cs var:L.ecustomer.reps_page.who ?></dt><dd><?cs var:p.who ?> <?cs var:p.who_sisc ?> <?cs var:p.who_eori ?></dd>
  <dt><?cs var:L.ecustomer.rep_type_label ?></dt><dd class="rep-type"><?cs var:L.ecustomer.rep_type[p.rep_type] ?></dd>
  <dt><?cs var:L.ecustomer.rep_state_label ?></dt><dd class="rep-state" data-state="<?cs var:p.state ?>"><?cs var:L.ecustomer.rep_state[p.state] ?></dd>
  <dt><?cs var:L.ecustomer.reps_page.valid ?></dt><dd><?cs var:p.valid_from ?> – <?cs if:p.valid_to ?><?cs var:p.valid_to ?><?cs else ?><?cs var:L.ecustomer.reps_page.open_ended ?><?cs /if ?></dd>
  <?cs if:p.reason ?><dt><?cs var:L.ecustomer.reason ?></dt><dd><?cs var:p.reason ?></dd><?cs /if ?>
  <?cs if:p.has_poa == "1" && Can.Manage ?><dt><?cs var:L.ecustomer.poa.label ?></dt><dd><a href="/ecustomer/company/<?cs var:Company.0.id ?>/reps/<?cs var:p.id ?>/poa"><?cs var:L.ecustomer.poa.download ?></a></dd><?cs /if ?>
 </dl>
 <?cs if:Can.Manage && p.state == "requested" ?>
 <form class="form" method="post" action="/ecustomer/company/<?cs var:Company.0.id ?>/reps/<?cs var:p.id ?>/accept" novalidate>
  <?cs call:csrf() ?>
  <fieldset class="field<?cs if:Form.answer == p.id && Form.answer_authz.Error ?> invalid<?cs /if ?>">
   <legend><?cs var:L.ecustomer.reps_page.accept_authz ?></legend>
   <?cs each:a = Options.Authz ?><?cs if:a.may ?><label><input type="checkbox" name="authz" value="<?cs var:a.code ?>"> <?cs var:a.name ?></label><br><?cs /if ?><?cs /each ?>
   <?cs if:Form.answer == p.id ?><?cs call:field_error("answer_authz", Form.answer_authz) ?><?cs /if ?>
  </fieldset>
  <p><button type="submit"><?cs var:L.ecustomer.reps_page.accept ?></button></p>
 </form>
 <form class="form" method="post" action="/ecustomer/company/<?cs var:Company.0.id ?>/reps/<?cs var:p.id ?>/refuse" novalidate>
  <?cs call:csrf() ?>
  <?cs if:Form.answer == p.id ?><?cs call:textarea("reason", L.ecustomer.office.reason, Form.reason, 2) ?><?cs else ?><?cs call:textarea("reason", L.ecustomer.office.reason, "", 2) ?><?cs /if ?>
  <p><button type="submit" class="danger"><?cs var:L.ecustomer.reps_page.refuse ?></button></p>
 </form>
 <?cs /if ?>
</section>
<?cs /each ?>
<?cs /if ?>
<?cs if:Can.Manage ?>
<h2><?cs var:L.ecustomer.reps_page.add ?></h2>
<form class="form" method="post" action="/ecustomer/company/<?cs var:Company.0.id ?>/reps" enctype="multipart/form-data" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:input("rep", L.ecustomer.reps_page.rep, "text", Form.rep, "required") ?>
 <?cs call:select("rep_type", L.ecustomer.rep_type_label, Options.RepType, Form.rep_type) ?>
 <?cs call:ec_poa_field() ?>
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
