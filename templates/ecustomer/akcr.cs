<?cs # ecustomer/akcr.cs: a registered company applies for excise registration (AKC-R) or a change of its activities and places ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.akcr.title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.akcr.title ?></h1>
<p><a href="/ecustomer/company/<?cs var:Company.id ?>"><?cs var:Company.name ?></a></p>
<p class="muted"><?cs var:L.ecustomer.akcr.lead ?></p>
<?cs call:ec_akcr_data(Akcr.0) ?>
<?cs if:Page.Pending ?>
<div class="alert" role="alert" id="akcr-pending"><?cs var:L.ecustomer.akcr.pending ?></div>
<?cs else ?>
<h2><?cs if:Akcr.0.number ?><?cs var:L.ecustomer.akcr.change ?><?cs else ?><?cs var:L.ecustomer.akcr.apply ?><?cs /if ?></h2>
<?cs if:Akcr.0.number ?><p class="muted"><?cs var:L.ecustomer.akcr.lead_change ?></p><?cs /if ?>
<form class="form" method="post" action="/ecustomer/company/<?cs var:Company.id ?>/akcr" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:ec_akcr_fields() ?>
 <p><button type="submit"><?cs var:L.ecustomer.submit ?></button></p>
</form>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
