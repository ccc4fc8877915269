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
 <?cs call:select("voivodship", L.ecustomer.person.voivodship, Options.Voivodship, Form.voivodship) ?>
 <?cs call:input("county", L.ecustomer.person.county, "text", Form.county, "") ?>
 <?cs call:input("municipality", L.ecustomer.person.municipality, "text", Form.municipality, "") ?>
 <?cs call:input("town", L.ecustomer.person.town, "text", Form.town, "required") ?>
 <?cs call:input("postcode", L.ecustomer.person.postcode, "text", Form.postcode, "required") ?>
 <?cs call:input("street", L.ecustomer.person.street, "text", Form.street, "") ?>
 <?cs call:input("house_no", L.ecustomer.person.house_no, "text", Form.house_no, "required") ?>
 <?cs call:input("phone", L.ecustomer.person.phone, "tel", Form.phone, "required") ?>
 <?cs call:input("email", L.ecustomer.person.email, "email", Form.email, "required") ?>
 <p><button type="submit"><?cs var:L.ecustomer.submit ?></button> <a href="/ecustomer/"><?cs var:L.form.cancel ?></a></p>
</form>
<?cs /if ?>
<h2><?cs var:L.ecustomer.history ?></h2>
<?cs call:ec_history(Person.History) ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
