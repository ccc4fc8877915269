<?cs # ebt/skr-walkin.cs: registering a truck without a booking ?>
<?cs include:"macros.cs" ?>
<?cs include:"ebt/truck-fields.cs" ?>
<?cs set:Page.Title = L.ebt.skr.walkin ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.skr.walkin ?></h1>
<p class="lead"><?cs var:L.ebt.skr.walkin_intro ?></p>
<?cs if:Page.Refusal ?><div class="alert" role="alert" id="refusal"><?cs var:Page.Refusal ?></div><?cs /if ?>
<?cs call:form_errors() ?>
<form method="post" action="/skr/ebt/<?cs var:url_escape(Crossing.id) ?>/walkin" id="walkin" novalidate>
 <?cs call:csrf() ?>
 <?cs call:truck_fields() ?>
 <button type="submit"><?cs var:L.ebt.skr.walkin_btn ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
