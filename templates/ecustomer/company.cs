<?cs # ecustomer/company.cs: a company I may act for: its data, representatives today and history ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = Company.0.name ?>
<?cs def:content() ?>
<h1><?cs var:Company.0.name ?></h1>
<?cs call:ec_company_data(Company.0) ?>
<?cs if:Can.Update ?>
<p class="actions"><a class="button" href="/ecustomer/company/<?cs var:Company.0.id ?>/edit"><?cs var:L.ecustomer.company.edit ?></a></p>
<form method="post" action="/ecustomer/company/<?cs var:Company.0.id ?>/deactivate">
 <?cs call:csrf() ?>
 <p class="muted"><?cs var:L.ecustomer.company.deactivate_lead ?></p>
 <button type="submit" class="danger"><?cs var:L.ecustomer.company.deactivate ?></button>
</form>
<?cs /if ?>
<?cs if:Can.Reps ?>
<h2><?cs var:L.ecustomer.reps ?></h2>
<?cs call:ec_reps(Company.0.Reps) ?>
<p><a href="/ecustomer/company/<?cs var:Company.0.id ?>/reps"><?cs var:L.ecustomer.reps_page.title ?></a></p>
<?cs /if ?>
<h2><?cs var:L.ecustomer.akcr.title ?></h2>
<?cs call:ec_akcr_data(Company.0.Akcr.0) ?>
<?cs if:Can.Update && Company.0.status == "approved" ?><p><a href="/ecustomer/company/<?cs var:Company.0.id ?>/akcr" id="akcr-link"><?cs if:Company.0.Akcr.0.number ?><?cs var:L.ecustomer.akcr.change ?><?cs else ?><?cs var:L.ecustomer.akcr.apply ?><?cs /if ?></a></p><?cs /if ?>
<h2><?cs var:L.ecustomer.history ?></h2>
<?cs call:ec_history(Company.0.History) ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
