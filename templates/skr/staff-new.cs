<?cs # skr/staff-new.cs: a new staff account: login, name, e-mail, initial password, unit and roles ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.staff.new ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.skr.staff.new ?></h1>
<form method="post" action="/skr/admin/staff/new" class="form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:input("login", L.skr.staff.login, "text", Form.login, "required") ?>
 <p class="hint"><?cs var:L.skr.staff.login_hint ?></p>
 <?cs call:input("full_name", L.skr.staff.name, "text", Form.full_name, "required") ?>
 <?cs call:input("email", L.skr.staff.email, "email", Form.email, "required") ?>
 <?cs call:input("password", L.skr.staff.password, "password", Form.password, "required") ?>
 <p class="hint"><?cs var:L.skr.staff.password_hint ?></p>
 <?cs call:select("unit", L.skr.staff.unit, Units, Form.unit) ?>
 <?cs include:"skr/roles.cs" ?>
 <button type="submit"><?cs var:L.skr.staff.create ?></button>
 <a href="/skr/admin/staff"><?cs var:L.form.cancel ?></a>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
