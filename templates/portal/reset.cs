<?cs # portal/reset.cs: asking for a link to set a new password ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.portal.reset.title ?>
<?cs def:content() ?>
<h1><?cs var:L.portal.reset.title ?></h1>
<form class="form" method="post" action="/portal/reset" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <p><?cs var:L.portal.reset.lead ?></p>
 <?cs call:input("email", L.portal.reset.email, "email", Form.email, "required") ?>
 <p><button type="submit"><?cs var:L.portal.reset.submit ?></button></p>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
