<?cs # ecustomer/skr_search.cs: the office searches persons, companies and representations ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.office.search ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.office.search ?></h1>
<form class="form" method="get" action="/skr/ecustomer/search">
 <p class="hint"><?cs var:L.ecustomer.office.search_lead ?></p>
 <?cs call:input("q", L.ecustomer.office.q, "search", Form.q, "required") ?>
 <p><button type="submit"><?cs var:L.ecustomer.office.search ?></button></p>
</form>
<?cs if:Search.Done ?>
<?cs call:fresh() ?>
<h2><?cs var:L.ecustomer.office.companies ?></h2>
<?cs if:subcount(Companies) ?>
<table class="list companies stacked"><thead><tr><th><?cs var:L.ecustomer.company.name ?></th><th><?cs var:L.ecustomer.company.nip ?></th><th><?cs var:L.ecustomer.company.regon ?></th><th><?cs var:L.ecustomer.eori ?></th><th><?cs var:L.ecustomer.id_sisc ?></th><th><?cs var:L.ecustomer.status ?></th></tr></thead>
<tbody><?cs each:c = Companies ?><tr class="company"><td data-label="<?cs var:L.ecustomer.company.name ?>"><a href="/skr/ecustomer/companies/<?cs var:c.id ?>"><?cs var:c.name ?></a></td><td data-label="<?cs var:L.ecustomer.company.nip ?>"><?cs var:c.nip ?></td><td data-label="<?cs var:L.ecustomer.company.regon ?>"><?cs var:c.regon ?></td><td data-label="<?cs var:L.ecustomer.eori ?>"><?cs var:c.eori ?></td><td data-label="<?cs var:L.ecustomer.id_sisc ?>"><?cs var:c.id_sisc ?></td><td data-label="<?cs var:L.ecustomer.status ?>"><?cs call:ec_status(c.status) ?></td></tr><?cs /each ?></tbody></table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.office.nothing ?></p><?cs /if ?>
<h2><?cs var:L.ecustomer.office.persons ?></h2>
<?cs if:subcount(Persons) ?>
<table class="list persons stacked"><thead><tr><th><?cs var:L.ecustomer.person.last_name ?></th><th><?cs var:L.ecustomer.id_sisc ?></th><th><?cs var:L.ecustomer.person.email ?></th><th><?cs var:L.ecustomer.scope ?></th><th><?cs var:L.ecustomer.status ?></th></tr></thead>
<tbody><?cs each:p = Persons ?><tr class="person"><td data-label="<?cs var:L.ecustomer.person.last_name ?>"><?cs var:p.first_name ?> <?cs var:p.last_name ?></td><td data-label="<?cs var:L.ecustomer.id_sisc ?>"><?cs var:p.id_sisc ?></td><td data-label="<?cs var:L.ecustomer.person.email ?>"><?cs var:p.email ?></td><td data-label="<?cs var:L.ecustomer.scope ?>"><?cs var:L.ecustomer.scope_v[p.scope] ?></td><td data-label="<?cs var:L.ecustomer.status ?>"><?cs call:ec_status(p.status) ?></td></tr><?cs /each ?></tbody></table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.office.nothing ?></p><?cs /if ?>
<h2><?cs var:L.ecustomer.office.representations ?></h2>
<?cs if:subcount(Reps) ?>
<table class="list reps stacked"><thead><tr><th><?cs var:L.ecustomer.office.represented ?></th><th><?cs var:L.ecustomer.reps_page.who ?></th><th><?cs var:L.ecustomer.reps_page.valid ?></th><th><?cs var:L.ecustomer.reps_page.authz ?></th></tr></thead>
<tbody><?cs each:p = Reps ?><tr class="rep"><td data-label="<?cs var:L.ecustomer.office.represented ?>"><a href="/skr/ecustomer/companies/<?cs var:p.company_id ?>"><?cs var:p.company ?></a></td><td data-label="<?cs var:L.ecustomer.reps_page.who ?>"><?cs var:p.who ?> <?cs var:p.who_sisc ?></td><td data-label="<?cs var:L.ecustomer.reps_page.valid ?>"><?cs var:p.valid_from ?> – <?cs if:p.valid_to ?><?cs var:p.valid_to ?><?cs else ?><?cs var:L.ecustomer.reps_page.open_ended ?><?cs /if ?></td><td data-label="<?cs var:L.ecustomer.reps_page.authz ?>"><?cs var:p.authz ?></td></tr><?cs /each ?></tbody></table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.office.nothing ?></p><?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
