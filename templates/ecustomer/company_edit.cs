<?cs # ecustomer/company_edit.cs: asking the office to change a company's data ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.company.edit_title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.company.edit_title ?>: <?cs var:Company.name ?></h1>
<?cs if:Company.pending ?>
<p class="notice" id="pending"><?cs var:L.ecustomer.company.pending ?> <a href="/ecustomer/applications/<?cs var:Company.pending ?>"><?cs var:L.ecustomer.app_title ?> #<?cs var:Company.pending ?></a></p>
<?cs /if ?>
<p class="lead"><?cs var:L.ecustomer.company.edit_lead ?></p>
<?cs if:Page.Error ?><div class="alert" role="alert"><?cs var:Page.Error ?></div><?cs /if ?>
<form class="form" method="post" action="/ecustomer/company/<?cs var:Company.id ?>/edit" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:ec_company_fields() ?>
 <p><button type="submit"><?cs var:L.ecustomer.submit ?></button> <a href="/ecustomer/company/<?cs var:Company.id ?>"><?cs var:L.form.cancel ?></a></p>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
