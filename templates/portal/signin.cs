<?cs # portal/signin.cs: signing in to the portal; next= comes back as a hidden field, already checked to be a local path ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.portal.signin.title ?>
<?cs def:content() ?>
<h1><?cs var:L.portal.signin.title ?></h1>
<form class="form" method="post" action="/portal/signin" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:signin_error() ?>
 <?cs if:Form.next ?><input type="hidden" name="next" value="<?cs var:Form.next ?>"><?cs /if ?>
 <?cs call:input("email", L.portal.signin.email, "email", Form.email, "required") ?>
 <?cs call:input("password", L.portal.signin.password, "password", Form.password, "required") ?>
 <p><button type="submit"><?cs var:L.portal.signin.submit ?></button></p>
 <p><a href="/portal/reset"><?cs var:L.portal.signin.forgot ?></a></p>
 <p class="muted"><?cs var:L.portal.signin.no_account ?> <a href="/portal/signup"><?cs var:L.nav.signup ?></a></p>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
