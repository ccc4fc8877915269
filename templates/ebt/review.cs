<?cs # ebt/review.cs: what will be booked, to confirm or change; the values travel as hidden fields ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.review.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:hidden(n, v) ?><input type="hidden" name="<?cs var:n ?>" value="<?cs var:v ?>"><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.review.title ?></h1>
<ol class="steps"><li><?cs var:L.ebt.step.crossing ?></li><li><?cs var:L.ebt.step.hour ?></li><li><?cs var:L.ebt.step.form ?></li><li class="on"><?cs var:L.ebt.step.review ?></li></ol>
<dl class="facts" id="review">
 <dt><?cs var:L.ebt.crossing ?></dt><dd><?cs if:Page.Lang == "en" ?><?cs var:Crossing.name_en ?><?cs else ?><?cs var:Crossing.name_pl ?><?cs /if ?></dd>
 <dt><?cs var:L.ebt.when ?></dt><dd><?cs var:Book.day ?> <?cs var:Book.hour ?>:00 <?cs var:L.ebt.local ?></dd>
 <dt><?cs var:L.ebt.f.plate ?></dt><dd><?cs var:Form.plate ?> (<?cs var:Form.plate_country ?>)<?cs if:Form.trailer_plate ?> + <?cs var:Form.trailer_plate ?><?cs /if ?></dd>
 <dt><?cs var:L.ebt.f.driver_name ?></dt><dd><?cs var:Form.driver_name ?>, <?cs var:Form.driver_doc ?>, <?cs var:Form.driver_phone ?></dd>
 <dt><?cs var:L.ebt.mrn ?></dt><dd><?cs each:m = Review.Mrn ?><code><?cs var:m ?></code> <?cs /each ?></dd>
 <dt><?cs var:L.ebt.f.goods ?></dt><dd><?cs var:Form.goods ?>; <?cs var:Form.mass_kg ?> kg<?cs if:Form.packages ?>, <?cs var:Form.packages ?> <?cs var:plural(Form.packages, "ebt.pk") ?><?cs /if ?></dd>
</dl>
<form method="post" action="/ebt/book" id="confirm">
 <?cs call:csrf() ?>
 <?cs call:hidden("company", Book.company) ?><?cs call:hidden("crossing", Crossing.id) ?><?cs call:hidden("day", Book.day) ?><?cs call:hidden("hour", Book.hour) ?><?cs call:hidden("idem", Book.idem) ?>
 <?cs call:hidden("plate", Form.plate) ?><?cs call:hidden("plate_country", Form.plate_country) ?><?cs call:hidden("trailer_plate", Form.trailer_plate) ?>
 <?cs call:hidden("driver_name", Form.driver_name) ?><?cs call:hidden("driver_doc", Form.driver_doc) ?><?cs call:hidden("driver_phone", Form.driver_phone) ?>
 <?cs call:hidden("mrns", Form.mrns) ?><?cs call:hidden("goods", Form.goods) ?><?cs call:hidden("mass_kg", Form.mass_kg) ?><?cs call:hidden("packages", Form.packages) ?>
 <button type="submit" name="confirm" value="1"><?cs var:L.ebt.review.confirm ?></button>
 <button type="submit" name="edit" value="1" class="secondary"><?cs var:L.ebt.review.edit ?></button>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
