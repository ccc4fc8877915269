<?cs # portal/account.cs: the signed-in account's details and the password change ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.portal.account.title ?>
<?cs def:content() ?>
<h1><?cs var:L.portal.account.title ?></h1>
<section class="card">
 <h2><?cs var:L.portal.account.details ?></h2>
 <dl class="details">
  <dt><?cs var:L.portal.account.name ?></dt><dd id="account-name"><?cs var:Account.first_name ?> <?cs var:Account.last_name ?></dd>
  <dt><?cs var:L.portal.account.email ?></dt><dd id="account-email"><?cs var:Account.email ?></dd>
  <dt><?cs var:L.portal.account.country ?></dt><dd id="account-country"><?cs each:c = L.portal.countries ?><?cs if:c.Value == Account.country ?><?cs var:c.Label ?><?cs /if ?><?cs /each ?></dd>
  <dt><?cs var:L.portal.account.phone ?></dt><dd id="account-phone"><?cs var:Account.phone ?></dd>
 </dl>
</section>
<h2><?cs var:L.portal.account.password_title ?></h2>
<form class="form" method="post" action="/portal/password" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <p class="muted"><?cs var:L.portal.account.password_lead ?></p>
 <?cs call:input("current", L.portal.account.current, "password", Form.current, "required") ?>
 <p class="hint"><?cs var:L.portal.signup.password_hint ?></p>
 <?cs call:input("password", L.portal.account.password, "password", Form.password, "required") ?>
 <?cs call:input("password2", L.portal.account.password2, "password", Form.password2, "required") ?>
 <p><button type="submit"><?cs var:L.portal.account.submit ?></button></p>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
