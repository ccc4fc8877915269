<?cs # portal/confirm.cs: the page behind the e-mail link; only its button (a POST) confirms, since mail scanners fetch links ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.portal.confirm.title ?>
<?cs def:content() ?>
<h1><?cs var:L.portal.confirm.title ?></h1>
<form class="form" method="post" action="/portal/confirm">
 <?cs call:csrf() ?>
 <input type="hidden" name="t" value="<?cs var:Form.t ?>">
 <p><?cs var:L.portal.confirm.text ?></p>
 <p><button type="submit"><?cs var:L.portal.confirm.submit ?></button></p>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
