<?cs # skr/signin.cs: the staff sign-in form; a failure shows one message that never says which part was wrong ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.signin.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.skr.signin.title ?></h1>
<p class="lead"><?cs var:L.skr.signin.intro ?></p>
<form method="post" action="/skr/signin" class="form" novalidate>
 <?cs call:csrf() ?>
 <?cs call:signin_error() ?>
 <?cs call:form_errors() ?>
 <?cs if:Form.next ?><input type="hidden" name="next" value="<?cs var:Form.next ?>"><?cs /if ?>
 <?cs call:input("login", L.skr.signin.login, "text", Form.login, "required") ?>
 <?cs call:input("password", L.skr.signin.password, "password", Form.password, "required") ?>
 <button type="submit"><?cs var:L.skr.signin.submit ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
