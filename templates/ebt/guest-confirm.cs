<?cs # ebt/guest-confirm.cs: typing the code sent for a booking without an account ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.guest.confirm ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.guest.confirm ?></h1>
<p class="lead"><?cs var:L.ebt.guest.sent ?> <strong><?cs var:Guest.email ?></strong>.</p>
<?cs call:form_errors() ?>
<?cs if:Guest.left ?><p class="muted" id="left"><?cs var:L.ebt.guest.left ?> <?cs var:Guest.left ?></p><?cs /if ?>
<form method="post" action="/ebt/guest/confirm" id="guest-confirm" novalidate>
 <?cs call:csrf() ?>
 <input type="hidden" name="r" value="<?cs var:Guest.r ?>">
 <?cs call:input("code", L.ebt.guest.code, "text", Form.code, "required") ?>
 <button type="submit"><?cs var:L.ebt.guest.book ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
