<?cs # ebt/list.cs: the company's bookings with filters; Page.AllCompanies: those of every company the person sees, each row naming its company ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ebt.list.title ?>
<?cs set:Page.Css = "ebt.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ebt.list.title ?></h1>
<p><a class="button" href="/ebt/book/start" id="new-booking"><?cs var:L.ebt.list.new ?></a></p>
<?cs if:subcount(Companies) == 0 ?><p class="alert" id="no-company"><?cs var:L.ebt.start.no_company ?></p><?cs else ?>
<form method="get" action="/ebt/" class="filters" novalidate>
 <div class="field">
  <label for="f-company"><?cs var:L.ebt.company ?></label>
  <select id="f-company" name="company">
   <?cs if:subcount(Companies) > 1 ?><option value=""><?cs var:L.ebt.list.all_companies ?></option><?cs /if ?>
   <?cs each:o = Companies ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.company ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
 </div>
 <?cs call:select("status", L.ebt.status, L.ebt.opt.status, Form.status) ?>
 <?cs call:select("crossing", L.ebt.crossing, Crossings, Form.crossing) ?>
 <?cs call:input("day", L.ebt.day, "date", Form.day, "") ?>
 <?cs call:input("plate", L.ebt.f.plate, "text", Form.plate, "") ?>
 <button type="submit" class="secondary"><?cs var:L.ebt.list.filter ?></button>
</form>
<?cs if:subcount(Bookings) == 0 ?><p id="list-empty"><?cs var:L.ebt.list.empty ?></p><?cs else ?>
<div class="table-wrap"><table id="bookings" class="stacked">
 <thead><tr><th><?cs var:L.ebt.number ?></th><?cs if:Page.AllCompanies ?><th><?cs var:L.ebt.company ?></th><?cs /if ?><th><?cs var:L.ebt.crossing ?></th><th><?cs var:L.ebt.when ?></th><th><?cs var:L.ebt.f.plate ?></th><th><?cs var:L.ebt.f.driver_name ?></th><th><?cs var:L.ebt.status ?></th></tr></thead>
 <tbody><?cs each:b = Bookings ?><tr><td class="number" data-label="<?cs var:L.ebt.number ?>"><a href="/ebt/bookings/<?cs var:url_escape(b.number) ?>"><?cs var:b.number ?></a></td><?cs if:Page.AllCompanies ?><td data-label="<?cs var:L.ebt.company ?>"><?cs var:b.company_name ?></td><?cs /if ?><td data-label="<?cs var:L.ebt.crossing ?>"><?cs if:Page.Lang == "en" ?><?cs var:b.crossing_en ?><?cs else ?><?cs var:b.crossing_pl ?><?cs /if ?></td><td class="nowrap" data-label="<?cs var:L.ebt.when ?>"><?cs var:b.day ?> <?cs var:b.hour ?>:00</td><td class="nowrap" data-label="<?cs var:L.ebt.f.plate ?>"><?cs var:b.plate ?></td><td data-label="<?cs var:L.ebt.f.driver_name ?>"><?cs var:b.driver_name ?></td><td data-label="<?cs var:L.ebt.status ?>"><span class="st st-<?cs var:b.status ?>"><?cs var:L.ebt.st[b.status] ?></span><?cs if:b.walk_in == "1" ?> <?cs var:L.ebt.walkin_badge ?><?cs /if ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
