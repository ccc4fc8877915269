<?cs # portal/reset_confirm.cs: setting a new password from the e-mailed link ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.portal.reset.new_title ?>
<?cs def:content() ?>
<h1><?cs var:L.portal.reset.new_title ?></h1>
<form class="form" method="post" action="/portal/reset/confirm" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <input type="hidden" name="t" value="<?cs var:Form.t ?>">
 <p class="muted"><?cs var:L.portal.reset.new_lead ?></p>
 <p class="hint"><?cs var:L.portal.signup.password_hint ?></p>
 <?cs call:input("password", L.portal.reset.password, "password", Form.password, "required") ?>
 <?cs call:input("password2", L.portal.reset.password2, "password", Form.password2, "required") ?>
 <p><button type="submit"><?cs var:L.portal.reset.submit_new ?></button></p>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
