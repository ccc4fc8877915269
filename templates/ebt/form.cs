<?cs # ebt/form.cs: the truck, the driver and the goods of a booking; also re-shown with errors or a refusal ?>
<?cs include:"macros.cs" ?>
<?cs include:"ebt/truck-fields.cs" ?>
<?cs set:Page.Title = L.ebt.form.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.form.title ?></h1>
<ol class="steps"><li><?cs var:L.ebt.step.crossing ?></li><li><?cs var:L.ebt.step.hour ?></li><li class="on"><?cs var:L.ebt.step.form ?></li><li><?cs var:L.ebt.step.review ?></li></ol>
<p class="slot" id="slot"><strong><?cs if:Page.Lang == "en" ?><?cs var:Crossing.name_en ?><?cs else ?><?cs var:Crossing.name_pl ?><?cs /if ?></strong>, <?cs var:Book.day ?> <?cs var:Book.hour ?>:00 <?cs var:L.ebt.local ?></p>
<?cs if:Book.Refusal ?><div class="alert" role="alert" id="refusal" data-code="<?cs var:Book.RefusalCode ?>"><?cs var:Book.Refusal ?> <a href="/ebt/calendar?company=<?cs var:url_escape(Book.company) ?>&amp;crossing=<?cs var:url_escape(Crossing.id) ?>"><?cs var:L.ebt.form.other_hour ?></a></div><?cs /if ?>
<?cs call:form_errors() ?>
<form method="post" action="/ebt/book" id="book" novalidate>
 <?cs call:csrf() ?>
 <input type="hidden" name="company" value="<?cs var:Book.company ?>">
 <input type="hidden" name="crossing" value="<?cs var:Crossing.id ?>">
 <input type="hidden" name="day" value="<?cs var:Book.day ?>">
 <input type="hidden" name="hour" value="<?cs var:Book.hour ?>">
 <input type="hidden" name="idem" value="<?cs var:Book.idem ?>">
 <?cs call:truck_fields() ?>
 <button type="submit"><?cs var:L.ebt.form.review ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
