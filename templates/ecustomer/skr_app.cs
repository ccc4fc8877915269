<?cs # ecustomer/skr_app.cs: one application for the office: data, validators' verdicts, duplicates, history; take and decide as C allows (App.may_take, App.may_decide) ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.app_title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.app_title ?> #<?cs var:App.id ?> · <?cs var:L.ecustomer.kind[App.kind] ?></h1>
<dl class="details">
 <dt><?cs var:L.ecustomer.status ?></dt><dd id="app-status"><?cs call:ec_status(App.status) ?></dd>
 <dt><?cs var:L.ecustomer.office.office ?></dt><dd><?cs var:App.office ?></dd>
 <dt><?cs var:L.ecustomer.office.submitter ?></dt><dd><?cs var:App.submitter ?> &lt;<?cs var:App.submitter_email ?>&gt;</dd>
 <dt><?cs var:L.ecustomer.created ?></dt><dd><?cs var:local_time(App.created_at) ?></dd>
 <?cs if:App.assignee ?><dt><?cs var:L.ecustomer.office.assignee ?></dt><dd id="app-assignee"><?cs var:App.assignee ?></dd><?cs /if ?>
 <?cs if:App.decider ?><dt><?cs var:L.ecustomer.office.decider ?></dt><dd><?cs var:App.decider ?> · <?cs var:local_time(App.decided_at) ?></dd><?cs /if ?>
 <?cs if:App.reason ?><dt><?cs var:L.ecustomer.reason ?></dt><dd id="app-reason"><?cs var:App.reason ?></dd><?cs /if ?>
</dl>
<?cs if:App.Own ?><div class="alert" role="alert" id="own"><?cs var:L.ecustomer.office.own ?></div><?cs /if ?>
<?cs if:App.Mine ?><p class="notice"><?cs var:L.ecustomer.office.taken_by_me ?></p><?cs /if ?>
<?cs if:App.may_take ?>
<form method="post" action="/skr/ecustomer/applications/<?cs var:App.id ?>/take" class="inline"><?cs call:csrf() ?><button type="submit"><?cs var:L.ecustomer.office.take ?></button></form>
<?cs /if ?>
<?cs if:App.may_decide ?>
<h2><?cs var:L.ecustomer.office.decide ?></h2>
<form class="form" method="post" action="/skr/ecustomer/applications/<?cs var:App.id ?>/decide" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:textarea("reason", L.ecustomer.office.reason, Form.reason, 3) ?>
 <p><button type="submit" name="decision" value="approve"><?cs var:L.ecustomer.office.approve ?></button>
 <button type="submit" name="decision" value="reject" class="danger"><?cs var:L.ecustomer.office.reject ?></button></p>
</form>
<?cs /if ?>
<?cs if:App.kind == "representation_poa" ?>
<h2><?cs var:L.ecustomer.poa.office_title ?></h2>
<?cs if:Rep.id ?>
<dl class="details" id="rep">
 <dt><?cs var:L.ecustomer.reps_page.who ?></dt><dd id="rep-who"><?cs var:Rep.who ?> <?cs var:Rep.who_sisc ?> <?cs var:Rep.who_eori ?></dd>
 <dt><?cs var:L.ecustomer.rep_type_label ?></dt><dd id="rep-type"><?cs var:L.ecustomer.rep_type[Rep.rep_type] ?></dd>
 <dt><?cs var:L.ecustomer.rep_state_label ?></dt><dd id="rep-state"><?cs var:L.ecustomer.rep_state[Rep.state] ?></dd>
 <dt><?cs var:L.ecustomer.reps_page.valid ?></dt><dd><?cs var:Rep.valid_from ?> – <?cs if:Rep.valid_to ?><?cs var:Rep.valid_to ?><?cs else ?><?cs var:L.ecustomer.reps_page.open_ended ?><?cs /if ?></dd>
 <?cs if:Rep.has_poa ?><dt><?cs var:L.ecustomer.poa.label ?></dt><dd><a id="poa-link" href="/skr/ecustomer/applications/<?cs var:App.id ?>/poa"><?cs var:L.ecustomer.poa.download ?></a> (<?cs var:Rep.poa_name ?>, <?cs var:Rep.poa_size ?> B)</dd><?cs /if ?>
</dl>
<p class="muted"><?cs var:L.ecustomer.poa.office_hint ?></p>
<?cs /if ?>
<?cs /if ?>
<?cs if:subcount(Changes) ?>
<h2><?cs var:L.ecustomer.changes ?></h2>
<?cs call:ec_changes(Changes) ?>
<?cs /if ?>
<?cs if:AkcrReq.start ?>
<h2><?cs var:L.ecustomer.akcr.requested ?></h2>
<?cs call:ec_akcr_request(AkcrReq) ?>
<?cs /if ?>
<h2><?cs var:L.ecustomer.office.data ?></h2>
<?cs if:App.entity == "person" ?><?cs call:ec_person_data(Subject.0) ?><?cs else ?><?cs call:ec_company_data(Subject.0) ?>
<p><a href="/skr/ecustomer/companies/<?cs var:Subject.0.id ?>"><?cs var:L.ecustomer.office.picture ?></a></p><?cs /if ?>
<h2><?cs var:L.ecustomer.office.checks ?></h2>
<table class="list checks stacked">
 <thead><tr><th><?cs var:L.ecustomer.office.field ?></th><th><?cs var:L.ecustomer.office.value ?></th><th><?cs var:L.ecustomer.office.verdict ?></th></tr></thead>
 <tbody><?cs each:c = Checks ?><tr class="check-<?cs var:c.field ?>"><td data-label="<?cs var:L.ecustomer.office.field ?>"><?cs var:L.ecustomer.field[c.field] ?></td><td data-label="<?cs var:L.ecustomer.office.value ?>"><?cs var:c.value ?></td><td data-label="<?cs var:L.ecustomer.office.verdict ?>"><span class="badge <?cs if:c.ok == "1" ?>ok<?cs else ?>bad<?cs /if ?>"><?cs if:c.ok == "1" ?><?cs var:L.ecustomer.office.ok ?><?cs else ?><?cs var:L.ecustomer.office.bad ?><?cs /if ?></span></td></tr><?cs /each ?></tbody>
</table>
<h2><?cs var:L.ecustomer.office.dups ?></h2>
<?cs if:subcount(Dups) ?>
<table class="list dups stacked">
 <thead><tr><th>#</th><th><?cs var:L.ecustomer.company.name ?></th><th><?cs var:L.ecustomer.id_sisc ?></th><th><?cs var:L.ecustomer.status ?></th><th><?cs var:L.ecustomer.office.matched ?></th></tr></thead>
 <tbody><?cs each:d = Dups ?><tr class="dup"><td data-label="#"><?cs var:d.id ?></td><td data-label="<?cs var:L.ecustomer.company.name ?>"><?cs var:d.name ?></td><td data-label="<?cs var:L.ecustomer.id_sisc ?>"><?cs var:d.id_sisc ?> <?cs var:d.eori ?></td><td data-label="<?cs var:L.ecustomer.status ?>"><?cs call:ec_status(d.status) ?></td><td data-label="<?cs var:L.ecustomer.office.matched ?>"><?cs each:m = d ?><?cs if:string.slice(name(m), 0, 2) == "m_" && m == "1" ?><span class="badge"><?cs var:L.ecustomer.field[string.slice(name(m), 2, 64)] ?></span> <?cs /if ?><?cs /each ?></td></tr><?cs /each ?></tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.office.no_dups ?></p><?cs /if ?>
<h2><?cs var:L.ecustomer.history ?></h2>
<?cs call:ec_history(History) ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
