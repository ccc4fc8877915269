<?cs # ebt/guest.cs: a one-off booking without an account: the crossing and day (a GET form), the day's free hours to pick (Pick, Hours), the truck, the e-mail and phone the code goes to; re-shown with errors ?>
<?cs include:"macros.cs" ?>
<?cs include:"ebt/hour-picker.cs" ?>
<?cs include:"ebt/truck-fields.cs" ?>
<?cs set:Page.Title = L.ebt.guest.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.guest.title ?></h1>
<p class="lead"><?cs var:L.ebt.guest.intro ?></p>
<?cs call:form_errors() ?>
<form method="get" action="/ebt/guest#hours" class="filters" id="guest-day" novalidate>
 <?cs call:select("crossing", L.ebt.crossing, Crossings, Form.crossing) ?>
 <?cs call:input("day", L.ebt.day, "date", Form.day, "required") ?>
 <button type="submit" class="secondary" id="show-hours"><?cs var:L.ebt.start.next ?></button>
</form>
<form method="post" action="/ebt/guest" id="guest" novalidate>
 <?cs call:csrf() ?>
 <fieldset><legend><?cs var:L.ebt.step.hour ?></legend>
 <?cs if:Pick.crossing ?>
 <input type="hidden" name="crossing" value="<?cs var:Pick.crossing ?>">
 <input type="hidden" name="day" value="<?cs var:Pick.day ?>">
 <p id="pick-of"><?cs if:Page.Lang == "en" ?><?cs var:Pick.name_en ?><?cs else ?><?cs var:Pick.name_pl ?><?cs /if ?>, <span class="nowrap"><?cs var:Pick.day ?></span></p>
 <?cs call:hour_picker(Hours, Form.hour) ?>
 <?cs else ?>
 <p id="pick-first"><?cs var:L.ebt.guest.pick_first ?></p><?cs call:field_error("hour", Form.hour) ?>
 <?cs /if ?>
 </fieldset>
 <?cs call:truck_fields() ?>
 <fieldset><legend><?cs var:L.ebt.guest.contact ?></legend>
 <p class="muted"><?cs var:L.ebt.guest.contact_text ?></p>
 <?cs call:input("email", L.ebt.guest.email, "email", Form.email, "required") ?>
 <?cs call:input("phone", L.ebt.guest.phone, "tel", Form.phone, "required") ?>
 </fieldset>
 <button type="submit"><?cs var:L.ebt.guest.send ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
