<?cs # ecustomer/app.cs: one of my applications: its status, reason, what it is about and its history ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.app_title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.app_title ?> #<?cs var:App.id ?> · <?cs var:L.ecustomer.kind[App.kind] ?></h1>
<dl class="details">
 <dt><?cs var:L.ecustomer.status ?></dt><dd id="app-status"><?cs call:ec_status(App.status) ?></dd>
 <dt><?cs var:L.ecustomer.subject ?></dt><dd><?cs var:App.subject ?></dd>
 <dt><?cs var:L.ecustomer.created ?></dt><dd><?cs var:local_time(App.created_at) ?></dd>
 <?cs if:App.decided_at ?><dt><?cs var:L.ecustomer.decided ?></dt><dd><?cs var:local_time(App.decided_at) ?></dd><?cs /if ?>
 <?cs if:App.reason ?><dt><?cs var:L.ecustomer.reason ?></dt><dd id="app-reason"><?cs var:App.reason ?></dd><?cs /if ?>
</dl>
<?cs if:subcount(Changes) ?>
<h2><?cs var:L.ecustomer.changes ?></h2>
<?cs call:ec_changes(Changes) ?>
<?cs /if ?>
<?cs if:AkcrReq.start ?>
<h2><?cs var:L.ecustomer.akcr.requested ?></h2>
<?cs call:ec_akcr_request(AkcrReq) ?>
<?cs /if ?>
<h2><?cs var:L.ecustomer.office.data ?></h2>
<?cs if:App.entity == "person" ?><?cs call:ec_person_data(Subject.0) ?><?cs else ?><?cs call:ec_company_data(Subject.0) ?><?cs /if ?>
<h2><?cs var:L.ecustomer.history ?></h2>
<?cs call:ec_history(History) ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
