<?cs # ebt/start.cs: the first step of a booking: the company and the crossing ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.start.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.start.title ?></h1>
<ol class="steps"><li class="on"><?cs var:L.ebt.step.crossing ?></li><li><?cs var:L.ebt.step.hour ?></li><li><?cs var:L.ebt.step.form ?></li><li><?cs var:L.ebt.step.review ?></li></ol>
<?cs if:subcount(Companies) == 0 ?>
<p class="alert" id="no-company"><?cs var:L.ebt.start.no_company ?></p>
<?cs else ?>
<form method="get" action="/ebt/calendar" id="start" novalidate>
 <?cs call:select("company", L.ebt.company, Companies, Companies.0.id) ?>
 <fieldset class="crossings"><legend><?cs var:L.ebt.crossing ?></legend>
 <?cs each:c = Crossings ?>
  <label class="crossing"><input type="radio" name="crossing" value="<?cs var:c.id ?>"<?cs if:name(c) == "0" ?> checked<?cs /if ?>> <strong><?cs if:Page.Lang == "en" ?><?cs var:c.name_en ?><?cs else ?><?cs var:c.name_pl ?><?cs /if ?></strong></label>
 <?cs /each ?>
 </fieldset>
 <button type="submit"><?cs var:L.ebt.start.next ?></button>
</form>
<?cs /if ?>
<p><a href="/ebt/"><?cs var:L.ebt.list.title ?></a></p>
<?cs /def ?>
<?cs include:"layout.cs" ?>
