<?cs # ecustomer/represent.cs: asking to represent a company by its EORI (type; a customs agent's power of attorney), and one's requests and representations with their state in words ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.represent.title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.represent.title ?></h1>
<p class="lead"><?cs var:L.ecustomer.represent.lead ?></p>
<form class="form" method="post" action="/ecustomer/represent" enctype="multipart/form-data" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:input("eori", L.ecustomer.represent.eori, "text", Form.eori, "required") ?>
 <?cs call:select("rep_type", L.ecustomer.rep_type_label, Options.RepType, Form.rep_type) ?>
 <?cs call:ec_poa_field() ?>
 <?cs call:input("valid_from", L.ecustomer.reps_page.valid_from, "date", Form.valid_from, "required") ?>
 <?cs call:input("valid_to", L.ecustomer.reps_page.valid_to, "date", Form.valid_to, "") ?>
 <p><button type="submit"><?cs var:L.ecustomer.represent.send ?></button></p>
</form>
<h2><?cs var:L.ecustomer.represent.mine ?></h2>
<?cs if:subcount(Mine) ?>
<table class="list mine stacked">
 <thead><tr><th><?cs var:L.ecustomer.company.name ?></th><th><?cs var:L.ecustomer.rep_type_label ?></th><th><?cs var:L.ecustomer.rep_state_label ?></th><th><?cs var:L.ecustomer.reps_page.valid ?></th><th><?cs var:L.ecustomer.reason ?></th></tr></thead>
 <tbody>
 <?cs each:m = Mine ?><tr id="mine-<?cs var:m.id ?>"><td data-label="<?cs var:L.ecustomer.company.name ?>"><?cs var:m.company ?> <?cs var:m.eori ?></td><td data-label="<?cs var:L.ecustomer.rep_type_label ?>"><?cs var:L.ecustomer.rep_type[m.rep_type] ?><?cs if:m.has_poa == "1" ?> · <a href="/ecustomer/company/<?cs var:m.company_id ?>/reps/<?cs var:m.id ?>/poa"><?cs var:L.ecustomer.poa.download ?></a><?cs /if ?></td><td class="rep-state" data-state="<?cs var:m.state ?>" data-label="<?cs var:L.ecustomer.rep_state_label ?>"><?cs var:L.ecustomer.rep_state[m.state] ?></td><td data-label="<?cs var:L.ecustomer.reps_page.valid ?>"><?cs var:m.valid_from ?> – <?cs if:m.valid_to ?><?cs var:m.valid_to ?><?cs else ?><?cs var:L.ecustomer.reps_page.open_ended ?><?cs /if ?></td><td data-label="<?cs var:L.ecustomer.reason ?>"><?cs var:m.reason ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.represent.none ?></p><?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
