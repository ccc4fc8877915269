<?cs # ecustomer/person.cs: registering the account holder as a natural person (or their registration's state) ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.person.title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.person.title ?></h1>
<?cs if:Page.Error ?><div class="alert" role="alert"><?cs var:Page.Error ?></div><?cs /if ?>
<?cs if:!Person.may_submit ?>
<?cs call:ec_person_data(Person) ?>
<?cs if:Person.may_change ?><p><a href="/ecustomer/person/edit" id="person-edit"><?cs var:L.ecustomer.person.edit ?></a></p><?cs /if ?>
<?cs else ?>
<?cs if:Person.resubmit ?><p class="alert"><?cs var:L.ecustomer.person.resubmit ?></p><?cs /if ?>
<p class="lead"><?cs var:L.ecustomer.person.lead ?></p>
<form class="form" method="post" action="/ecustomer/person" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:input("first_name", L.ecustomer.person.first_name, "text", Form.first_name, "required") ?>
 <?cs call:input("last_name", L.ecustomer.person.last_name, "text", Form.last_name, "required") ?>
 <?cs call:input("birth_date", L.ecustomer.person.birth_date, "text", Form.birth_date, "required") ?>
 <?cs call:select("country", L.ecustomer.person.country, L.portal.countries, Form.country) ?>
 <?cs call:input("pesel", L.ecustomer.person.pesel, "text", Form.pesel, "") ?>
 <?cs call:select("id_doc_type", L.ecustomer.person.id_doc_type, Options.DocType, Form.id_doc_type) ?>
 <?cs call:input("id_doc_number", L.ecustomer.person.id_doc_number, "text", Form.id_doc_number, "") ?>
 <?cs call:ec_person_contact_fields() ?>
 <fieldset class="field<?cs if:Form.scope.Error ?> invalid<?cs /if ?>">
  <legend><?cs var:L.ecustomer.person.scope ?></legend>
  <label><input type="radio" name="scope" value="basic"<?cs if:Form.scope == "basic" ?> checked<?cs /if ?>> <?cs var:L.ecustomer.person.scope_basic ?></label>
  <label><input type="radio" name="scope" value="extended"<?cs if:Form.scope == "extended" ?> checked<?cs /if ?>> <?cs var:L.ecustomer.person.scope_extended ?></label>
  <?cs call:field_error("scope", Form.scope) ?>
 </fieldset>
 <p><button type="submit"><?cs var:L.ecustomer.submit ?></button></p>
</form>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
