<?cs # portal/signup.cs: opening a portal account ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.portal.signup.title ?>
<?cs def:content() ?>
<h1><?cs var:L.portal.signup.title ?></h1>
<p class="lead"><?cs var:L.portal.signup.lead ?></p>
<form class="form" method="post" action="/portal/signup" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:input("first_name", L.portal.signup.first_name, "text", Form.first_name, "required") ?>
 <?cs call:input("last_name", L.portal.signup.last_name, "text", Form.last_name, "required") ?>
 <?cs call:select("country", L.portal.signup.country, L.portal.countries, Form.country) ?>
 <?cs call:input("email", L.portal.signup.email, "email", Form.email, "required") ?>
 <p class="hint" id="h-phone"><?cs var:L.portal.signup.phone_hint ?></p>
 <?cs call:input("phone", L.portal.signup.phone, "tel", Form.phone, "required") ?>
 <p class="hint" id="h-password"><?cs var:L.portal.signup.password_hint ?></p>
 <?cs call:input("password", L.portal.signup.password, "password", Form.password, "required") ?>
 <?cs call:input("password2", L.portal.signup.password2, "password", Form.password2, "required") ?>
 <p><button type="submit"><?cs var:L.portal.signup.submit ?></button></p>
 <p class="muted"><?cs var:L.portal.signup.have_account ?> <a href="/portal/signin"><?cs var:L.nav.signin ?></a></p>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
