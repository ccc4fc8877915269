<?cs # ecustomer/company_new.cs: registering a company (by an approved person, who becomes its administrator), with the EORI and AKC-R asked for in the same application ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.company.title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.company.title ?></h1>
<?cs if:Page.NoPerson ?>
<div class="alert" role="alert" id="no-person"><?cs var:L.ecustomer.company.no_person ?></div>
<p><a href="/ecustomer/person"><?cs var:L.ecustomer.register_person ?></a></p>
<?cs else ?>
<form class="form" method="post" action="/ecustomer/company/new" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:ec_company_fields() ?>
 <div class="field check"><label><input type="checkbox" name="eori_requested" value="1"<?cs if:Form.eori_requested == "1" ?> checked<?cs /if ?>> <?cs var:L.ecustomer.company.eori_requested ?></label></div>
 <h2><?cs var:L.ecustomer.akcr.together ?></h2>
 <p class="muted"><?cs var:L.ecustomer.akcr.together_lead ?></p>
 <div class="field check"><label><input type="checkbox" name="akcr_requested" value="1"<?cs if:Form.akcr_requested == "1" ?> checked<?cs /if ?>> <?cs var:L.ecustomer.company.akcr_requested ?></label></div>
 <?cs call:ec_akcr_fields() ?>
 <p><button type="submit"><?cs var:L.ecustomer.submit ?></button></p>
</form>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
