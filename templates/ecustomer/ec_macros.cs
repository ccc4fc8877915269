<?cs # ecustomer/ec_macros.cs: pieces e-Customer's pages share (status words, history, company data and form, representatives) ?>
<?cs def:ec_status(s) ?><span class="badge<?cs if:s == "approved" ?> ok<?cs elif:s == "rejected" || s == "deactivated" ?> bad<?cs else ?> warn<?cs /if ?> st-<?cs var:s ?>"><?cs var:L.ecustomer.st[s] ?></span><?cs /def ?>

<?cs # ec_value(f, v): a stored value of field f in words: statuses, scopes, legal forms, regions, countries, yes/no; other values as they are ?>
<?cs def:ec_value(f, v) ?><?cs if:f == "publish_eori_data" || f == "eori_requested" ?><?cs if:v == "1" ?><?cs var:L.ecustomer.yes ?><?cs elif:v == "0" ?><?cs var:L.ecustomer.no ?><?cs /if ?><?cs elif:!v ?><?cs elif:f == "status" ?><?cs var:L.ecustomer.st[v] ?><?cs elif:f == "scope" ?><?cs var:L.ecustomer.scope_v[v] ?><?cs elif:f == "legal_form" ?><?cs var:L.ecustomer.legal_form[v] ?><?cs elif:f == "voivodship" ?><?cs var:L.ecustomer.voivodship[v] ?><?cs elif:f == "country" ?><?cs var:L.country[v] ?><?cs elif:f == "id_doc_type" ?><?cs var:L.ecustomer.doc_type[v] ?><?cs else ?><?cs var:v ?><?cs /if ?><?cs /def ?>

<?cs # ec_history(list): changes, oldest or newest first as the query gave them; times in Warsaw time ?>
<?cs def:ec_history(list) ?>
<?cs if:subcount(list) ?>
<table class="list history stacked">
 <thead><tr><th><?cs var:L.ecustomer.when ?></th><th><?cs var:L.ecustomer.office.field ?></th><th><?cs var:L.ecustomer.hist.old ?></th><th><?cs var:L.ecustomer.hist.new ?></th><th><?cs var:L.ecustomer.reps_page.who ?></th></tr></thead>
 <tbody>
 <?cs each:h = list ?><tr><td class="nowrap" data-label="<?cs var:L.ecustomer.when ?>"><?cs var:local_time(h.changed_at) ?></td><td data-label="<?cs var:L.ecustomer.office.field ?>"><?cs var:L.ecustomer.field[h.field] ?></td><td data-label="<?cs var:L.ecustomer.hist.old ?>"><?cs call:ec_value(h.field, h.old_value) ?></td><td data-label="<?cs var:L.ecustomer.hist.new ?>"><?cs call:ec_value(h.field, h.new_value) ?></td><td data-label="<?cs var:L.ecustomer.reps_page.who ?>"><?cs var:h.changed_by ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.no_history ?></p><?cs /if ?>
<?cs /def ?>

<?cs # ec_changes(list): what a company-data application asks to change ?>
<?cs def:ec_changes(list) ?>
<dl class="details changes"><?cs each:c = list ?><dt><?cs var:L.ecustomer.field[c.field] ?></dt><dd id="change-<?cs var:c.field ?>"><?cs if:?c.old ?><span class="old"><?cs call:ec_value(c.field, c.old) ?></span> → <?cs /if ?><?cs call:ec_value(c.field, c.value) ?></dd><?cs /each ?></dl>
<?cs /def ?>

<?cs def:ec_company_data(c) ?>
<dl class="details">
 <dt><?cs var:L.ecustomer.company.name ?></dt><dd id="c-name"><?cs var:c.name ?></dd>
 <dt><?cs var:L.ecustomer.status ?></dt><dd id="c-status"><?cs call:ec_status(c.status) ?></dd>
 <dt><?cs var:L.ecustomer.id_sisc ?></dt><dd id="c-sisc"><?cs var:c.id_sisc ?></dd>
 <dt><?cs var:L.ecustomer.eori ?></dt><dd id="c-eori"><?cs var:c.eori ?></dd>
 <dt><?cs var:L.ecustomer.company.legal_form ?></dt><dd><?cs var:L.ecustomer.legal_form[c.legal_form] ?></dd>
 <dt><?cs var:L.ecustomer.company.nip ?></dt><dd id="c-nip"><?cs var:c.nip ?></dd>
 <dt><?cs var:L.ecustomer.company.regon ?></dt><dd id="c-regon"><?cs var:c.regon ?></dd>
 <dt><?cs var:L.ecustomer.company.address ?></dt><dd><?cs var:c.street ?> <?cs var:c.house_no ?>, <?cs var:c.postcode ?> <?cs var:c.town ?>, <?cs var:L.country[c.country] ?></dd>
 <dt><?cs var:L.ecustomer.company.iban ?></dt><dd><?cs var:c.iban ?></dd>
 <dt><?cs var:L.ecustomer.company.main_activity ?></dt><dd><?cs var:c.main_activity ?></dd>
 <dt><?cs var:L.ecustomer.company.contact_email ?></dt><dd><?cs var:c.contact_email ?></dd>
 <dt><?cs var:L.ecustomer.company.contact_phone ?></dt><dd><?cs var:c.contact_phone ?></dd>
 <dt><?cs var:L.ecustomer.company.publish_eori_data ?></dt><dd><?cs if:c.publish_eori_data == "1" ?><?cs var:L.ecustomer.yes ?><?cs else ?><?cs var:L.ecustomer.no ?><?cs /if ?></dd>
</dl>
<?cs /def ?>

<?cs def:ec_person_data(p) ?>
<dl class="details">
 <dt><?cs var:L.ecustomer.person.first_name ?> / <?cs var:L.ecustomer.person.last_name ?></dt><dd id="p-name"><?cs var:p.first_name ?> <?cs var:p.last_name ?></dd>
 <dt><?cs var:L.ecustomer.status ?></dt><dd id="p-status"><?cs call:ec_status(p.status) ?></dd>
 <dt><?cs var:L.ecustomer.id_sisc ?></dt><dd id="p-sisc"><?cs var:p.id_sisc ?></dd>
 <dt><?cs var:L.ecustomer.person.birth_date ?></dt><dd><?cs var:p.birth_date ?></dd>
 <dt><?cs var:L.ecustomer.person.country ?></dt><dd><?cs var:L.country[p.country] ?></dd>
 <?cs if:p.pesel ?><dt><?cs var:L.ecustomer.person.pesel ?></dt><dd><?cs var:p.pesel ?></dd><?cs /if ?>
 <?cs if:p.id_doc_number ?><dt><?cs var:L.ecustomer.person.id_doc_type ?></dt><dd><?cs var:L.ecustomer.doc_type[p.id_doc_type] ?> <?cs var:p.id_doc_number ?></dd><?cs /if ?>
 <dt><?cs var:L.ecustomer.company.address ?></dt><dd><?cs var:p.street ?> <?cs var:p.house_no ?>, <?cs var:p.postcode ?> <?cs var:p.town ?><?cs if:p.voivodship ?>, <?cs var:L.ecustomer.voivodship[p.voivodship] ?><?cs /if ?></dd>
 <dt><?cs var:L.ecustomer.person.phone ?></dt><dd><?cs var:p.phone ?></dd>
 <dt><?cs var:L.ecustomer.person.email ?></dt><dd><?cs var:p.email ?></dd>
 <dt><?cs var:L.ecustomer.person.scope ?></dt><dd><?cs var:L.ecustomer.scope_v[p.scope] ?></dd>
</dl>
<?cs /def ?>

<?cs def:ec_reps(list) ?>
<?cs if:subcount(list) ?>
<table class="list reps stacked">
 <thead><tr><th><?cs var:L.ecustomer.reps_page.who ?></th><th><?cs var:L.ecustomer.id_sisc ?> / <?cs var:L.ecustomer.eori ?></th><th><?cs var:L.ecustomer.reps_page.valid ?></th><th><?cs var:L.ecustomer.reps_page.authz ?></th></tr></thead>
 <tbody>
 <?cs each:p = list ?><tr id="rep-<?cs var:p.id ?>"><td data-label="<?cs var:L.ecustomer.reps_page.who ?>"><?cs var:p.who ?></td><td data-label="<?cs var:L.ecustomer.id_sisc ?> / <?cs var:L.ecustomer.eori ?>"><?cs var:p.who_sisc ?> <?cs var:p.who_eori ?></td><td data-label="<?cs var:L.ecustomer.reps_page.valid ?>"><?cs var:p.valid_from ?> – <?cs if:p.valid_to ?><?cs var:p.valid_to ?><?cs else ?><?cs var:L.ecustomer.reps_page.open_ended ?><?cs /if ?></td><td data-label="<?cs var:L.ecustomer.reps_page.authz ?>"><?cs var:p.authz ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.reps_page.none ?></p><?cs /if ?>
<?cs /def ?>

<?cs # a person's address and contacts: the registration's fields that a change may ask for ?>
<?cs def:ec_person_contact_fields() ?>
 <?cs call:select("voivodship", L.ecustomer.person.voivodship, Options.Voivodship, Form.voivodship) ?>
 <?cs call:input("county", L.ecustomer.person.county, "text", Form.county, "") ?>
 <?cs call:input("municipality", L.ecustomer.person.municipality, "text", Form.municipality, "") ?>
 <?cs call:input("town", L.ecustomer.person.town, "text", Form.town, "required") ?>
 <?cs call:input("postcode", L.ecustomer.person.postcode, "text", Form.postcode, "required") ?>
 <?cs call:input("street", L.ecustomer.person.street, "text", Form.street, "") ?>
 <?cs call:input("house_no", L.ecustomer.person.house_no, "text", Form.house_no, "required") ?>
 <?cs call:input("phone", L.ecustomer.person.phone, "tel", Form.phone, "required") ?>
 <?cs call:input("email", L.ecustomer.person.email, "email", Form.email, "required") ?>
<?cs /def ?>

<?cs def:ec_company_fields() ?>
 <?cs call:input("name", L.ecustomer.company.name, "text", Form.name, "required") ?>
 <?cs call:select("legal_form", L.ecustomer.company.legal_form, Options.LegalForm, Form.legal_form) ?>
 <?cs call:input("nip", L.ecustomer.company.nip, "text", Form.nip, "") ?>
 <?cs call:input("regon", L.ecustomer.company.regon, "text", Form.regon, "") ?>
 <?cs call:select("country", L.ecustomer.person.country, L.portal.countries, Form.country) ?>
 <?cs call:select("voivodship", L.ecustomer.person.voivodship, Options.Voivodship, Form.voivodship) ?>
 <?cs call:input("town", L.ecustomer.person.town, "text", Form.town, "required") ?>
 <?cs call:input("postcode", L.ecustomer.person.postcode, "text", Form.postcode, "required") ?>
 <?cs call:input("street", L.ecustomer.person.street, "text", Form.street, "") ?>
 <?cs call:input("house_no", L.ecustomer.person.house_no, "text", Form.house_no, "required") ?>
 <?cs call:input("iban", L.ecustomer.company.iban, "text", Form.iban, "required") ?>
 <?cs call:input("main_activity", L.ecustomer.company.main_activity, "text", Form.main_activity, "required") ?>
 <?cs call:input("contact_email", L.ecustomer.company.contact_email, "email", Form.contact_email, "required") ?>
 <?cs call:input("contact_phone", L.ecustomer.company.contact_phone, "tel", Form.contact_phone, "required") ?>
 <div class="field check"><label><input type="checkbox" name="publish_eori_data" value="1"<?cs if:Form.publish_eori_data == "1" ?> checked<?cs /if ?>> <?cs var:L.ecustomer.company.publish_eori_data ?></label><?cs call:field_error("publish_eori_data", Form.publish_eori_data) ?></div>
<?cs /def ?>
