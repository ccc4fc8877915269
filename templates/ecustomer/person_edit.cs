<?cs # ecustomer/person_edit.cs: an approved person's data and history, and asking the office to change the address, phone or e-mail ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.person.edit_title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.person.edit_title ?></h1>
<?cs call:ec_person_data(Person) ?>
<?cs if:Person.pending ?>
<p class="notice" id="pending"><?cs var:L.ecustomer.person.pending ?> <a href="/ecustomer/applications/<?cs var:Person.pending ?>"><?cs var:L.ecustomer.app_title ?> #<?cs var:Person.pending ?></a></p>
<?cs else ?>
<h2><?cs var:L.ecustomer.person.edit_form ?></h2>
<p class="lead"><?cs var:L.ecustomer.person.edit_lead ?></p>
<?cs if:Page.Error ?><div class="alert" role="alert"><?cs var:Page.Error ?></div><?cs /if ?>
<form class="form" method="post" action="/ecustomer/person/edit" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:ec_person_contact_fields() ?>
 <p><button type="submit"><?cs var:L.ecustomer.submit ?></button> <a href="/ecustomer/"><?cs var:L.form.cancel ?></a></p>
</form>
<?cs /if ?>
<h2><?cs var:L.ecustomer.history ?></h2>
<?cs call:ec_history(Person.History) ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
