<?cs # ecustomer/ec_macros.cs: pieces e-Customer's pages share (status words, history, company data and form, representatives) ?>
<?cs def:ec_status(s) ?><span class="badge<?cs if:s == "approved" ?> ok<?cs elif:s == "rejected" || s == "deactivated" ?> bad<?cs else ?> warn<?cs /if ?> st-<?cs var:s ?>"><?cs var:L.ecustomer.st[s] ?></span><?cs /def ?>

<?cs # ec_value(f, v): a stored value of field f in words: statuses, scopes, legal forms, regions, countries, excise activities, yes/no; other values as they are ?>
<?cs def:ec_value(f, v) ?><?cs if:f == "publish_eori_data" || f == "eori_requested" ?><?cs if:v == "1" ?><?cs var:L.ecustomer.yes ?><?cs elif:v == "0" ?><?cs var:L.ecustomer.no ?><?cs /if ?><?cs elif:!v ?><?cs elif:f == "status" ?><?cs var:L.ecustomer.st[v] ?><?cs elif:f == "scope" ?><?cs var:L.ecustomer.scope_v[v] ?><?cs elif:f == "legal_form" ?><?cs var:L.ecustomer.legal_form[v] ?><?cs elif:f == "voivodship" ?><?cs var:L.ecustomer.voivodship[v] ?><?cs elif:f == "country" ?><?cs var:L.country[v] ?><?cs elif:f == "id_doc_type" ?><?cs var:L.ecustomer.doc_type[v] ?><?cs elif:f == "akcr_activity" ?><?cs var:L.ecustomer.akcr.activity[v] ?><?cs elif:f == "akcr_status" ?><?cs var:L.ecustomer.akcr.st[v] ?><?cs else ?><?cs var:v ?><?cs /if ?><?cs /def ?>

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
 <thead><tr><th><?cs var:L.ecustomer.reps_page.who ?></th><th><?cs var:L.ecustomer.rep_type_label ?></th><th><?cs var:L.ecustomer.id_sisc ?> / <?cs var:L.ecustomer.eori ?></th><th><?cs var:L.ecustomer.reps_page.valid ?></th><th><?cs var:L.ecustomer.reps_page.authz ?></th></tr></thead>
 <tbody>
 <?cs each:p = list ?><tr id="rep-<?cs var:p.id ?>"><td data-label="<?cs var:L.ecustomer.reps_page.who ?>"><?cs var:p.who ?></td><td class="rep-type" data-label="<?cs var:L.ecustomer.rep_type_label ?>"><?cs var:L.ecustomer.rep_type[p.rep_type] ?></td><td data-label="<?cs var:L.ecustomer.id_sisc ?> / <?cs var:L.ecustomer.eori ?>"><?cs var:p.who_sisc ?> <?cs var:p.who_eori ?></td><td data-label="<?cs var:L.ecustomer.reps_page.valid ?>"><?cs var:p.valid_from ?> – <?cs if:p.valid_to ?><?cs var:p.valid_to ?><?cs else ?><?cs var:L.ecustomer.reps_page.open_ended ?><?cs /if ?></td><td data-label="<?cs var:L.ecustomer.reps_page.authz ?>"><?cs var:p.authz ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.reps_page.none ?></p><?cs /if ?>
<?cs /def ?>

<?cs # ec_poa_field(): the power of attorney's file, needed for a customs agent (the form says so; C checks it) ?>
<?cs def:ec_poa_field() ?>
<div class="field<?cs if:Form.poa.Error ?> invalid<?cs /if ?>">
 <label for="f-poa"><?cs var:L.ecustomer.poa.label ?></label>
 <input id="f-poa" name="poa" type="file" accept="application/pdf,.pdf"<?cs if:Form.poa.Error ?> aria-invalid="true" aria-describedby="e-poa"<?cs /if ?>>
 <p class="muted"><?cs var:L.ecustomer.poa.hint ?></p>
 <?cs call:field_error("poa", Form.poa) ?>
</div>
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

<?cs # ec_akcr_places(list): places of excise activity, one per line ?>
<?cs def:ec_akcr_places(list) ?><ul class="plain akcr-places"><?cs each:p = list ?><li><?cs if:p.street ?><?cs var:p.street ?> <?cs /if ?><?cs var:p.house_no ?>, <?cs var:p.postcode ?> <?cs var:p.town ?></li><?cs /each ?></ul><?cs /def ?>

<?cs # ec_akcr_activities(list): excise activities in words ?>
<?cs def:ec_akcr_activities(list) ?><ul class="plain akcr-activities"><?cs each:a = list ?><li data-code="<?cs var:a.code ?>"><?cs var:L.ecustomer.akcr.activity[a.code] ?></li><?cs /each ?></ul><?cs /def ?>

<?cs # ec_akcr_data(a): a company's excise registration (AKC-R) as registered: a = Company.0.Akcr.0 ?>
<?cs def:ec_akcr_data(a) ?>
<?cs if:a.number ?>
<dl class="details" id="akcr">
 <dt><?cs var:L.ecustomer.akcr.number ?></dt><dd id="c-akcr"><?cs var:a.number ?></dd>
 <dt><?cs var:L.ecustomer.akcr.status ?></dt><dd id="c-akcr-status"><span class="badge<?cs if:a.status == "active" ?> ok<?cs else ?> bad<?cs /if ?>"><?cs var:L.ecustomer.akcr.st[a.status] ?></span><?cs if:a.ended_at ?> <?cs var:local_time(a.ended_at) ?><?cs /if ?></dd>
 <dt><?cs var:L.ecustomer.akcr.start_short ?></dt><dd><?cs var:a.start_date ?></dd>
 <dt><?cs var:L.ecustomer.akcr.activities ?></dt><dd><?cs call:ec_akcr_activities(a.Activity) ?></dd>
 <dt><?cs var:L.ecustomer.akcr.places ?></dt><dd><?cs call:ec_akcr_places(a.Place) ?></dd>
</dl>
<?cs else ?><p class="muted" id="akcr-none"><?cs var:L.ecustomer.akcr.none ?></p><?cs /if ?>
<?cs /def ?>

<?cs # ec_akcr_request(q): what an application asks for (AkcrReq) ?>
<?cs def:ec_akcr_request(q) ?>
<dl class="details" id="akcr-request">
 <dt><?cs var:L.ecustomer.akcr.start_short ?></dt><dd><?cs var:q.start ?></dd>
 <dt><?cs var:L.ecustomer.akcr.activities ?></dt><dd><?cs call:ec_akcr_activities(q.Activity) ?></dd>
 <dt><?cs var:L.ecustomer.akcr.places ?></dt><dd><?cs call:ec_akcr_places(q.Place) ?></dd>
</dl>
<?cs /def ?>

<?cs # ec_akcr_fields(): the AKC-R fields: start date, activities (Options.Activity), places p1..p4 (Options.Place) ?>
<?cs def:ec_akcr_fields() ?>
 <?cs call:input("akcr_start", L.ecustomer.akcr.start, "text", Form.akcr_start, "") ?>
 <fieldset class="field<?cs if:Form.activity.Error ?> invalid<?cs /if ?>" id="f-activity">
  <legend><?cs var:L.ecustomer.akcr.activities ?></legend>
  <?cs each:o = Options.Activity ?><label><input type="checkbox" name="activity" value="<?cs var:o.Value ?>"<?cs if:Form.activity[o.Value] ?> checked<?cs /if ?>> <?cs var:o.Label ?></label><br><?cs /each ?>
  <?cs call:field_error("activity", Form.activity) ?>
 </fieldset>
 <p class="muted"><?cs var:L.ecustomer.akcr.place_hint ?></p>
 <?cs each:pl = Options.Place ?>
 <fieldset class="akcr-place" id="place-<?cs var:pl.num ?>">
  <legend><?cs var:L.ecustomer.akcr.place ?> <?cs var:pl.num ?></legend>
  <?cs call:input(pl.pre + "_postcode", L.ecustomer.person.postcode, "text", Form[pl.pre + "_postcode"], "") ?>
  <?cs call:input(pl.pre + "_town", L.ecustomer.person.town, "text", Form[pl.pre + "_town"], "") ?>
  <?cs call:input(pl.pre + "_street", L.ecustomer.person.street, "text", Form[pl.pre + "_street"], "") ?>
  <?cs call:input(pl.pre + "_house_no", L.ecustomer.person.house_no, "text", Form[pl.pre + "_house_no"], "") ?>
 </fieldset>
 <?cs /each ?>
<?cs /def ?>
