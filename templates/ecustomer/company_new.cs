<?cs # ecustomer/company_new.cs: registering a company (by an approved person, who becomes its administrator) ?>
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
 <p><button type="submit"><?cs var:L.ecustomer.submit ?></button></p>
</form>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
