<?cs # ecustomer/home.cs: e-Customer's start page: my registration, the companies I may act for today, my applications ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.title ?></h1>
<p class="lead"><?cs var:L.ecustomer.lead ?></p>
<section class="card" id="me">
 <h2><?cs var:L.ecustomer.me ?></h2>
 <?cs if:Me.status ?>
 <dl class="details">
  <dt><?cs var:L.ecustomer.status ?></dt><dd id="me-status"><?cs call:ec_status(Me.status) ?></dd>
  <dt><?cs var:L.ecustomer.id_sisc ?></dt><dd id="me-sisc"><?cs var:Me.id_sisc ?></dd>
  <dt><?cs var:L.ecustomer.scope ?></dt><dd id="me-scope"><?cs var:L.ecustomer.scope_v[Me.scope] ?></dd>
 </dl>
 <p class="actions"><a href="/ecustomer/person"><?cs var:L.ecustomer.person.title ?></a><?cs if:Me.approved ?> · <a href="/ecustomer/company/new"><?cs var:L.ecustomer.new_company ?></a> · <a href="/ecustomer/certificates"><?cs var:L.ecustomer.certificates ?></a> · <a href="/ecustomer/represent" id="represent-link"><?cs var:L.ecustomer.represent.title ?></a><?cs /if ?></p>
 <?cs else ?>
 <p><?cs var:L.ecustomer.none ?></p>
 <p><a class="button" href="/ecustomer/person"><?cs var:L.ecustomer.register_person ?></a></p>
 <?cs /if ?>
</section>
<section id="acts">
 <h2><?cs var:L.ecustomer.acts_title ?></h2>
 <?cs if:subcount(Acts) ?>
 <table class="list stacked">
  <thead><tr><th><?cs var:L.ecustomer.company.name ?></th><th><?cs var:L.ecustomer.eori ?></th><th><?cs var:L.ecustomer.authz_title ?></th></tr></thead>
  <tbody>
  <?cs each:c = Acts ?><tr class="act" data-id="<?cs var:c.id ?>"><td data-label="<?cs var:L.ecustomer.company.name ?>"><a href="/ecustomer/company/<?cs var:c.id ?>"><?cs var:c.name ?></a></td><td data-label="<?cs var:L.ecustomer.eori ?>"><?cs var:c.eori ?></td><td class="authz" data-label="<?cs var:L.ecustomer.authz_title ?>"><?cs each:a = c.Authz ?><span class="badge" data-authz="<?cs name:a ?>"><?cs var:L.ecustomer.authz[name(a)] ?></span> <?cs /each ?></td></tr><?cs /each ?>
  </tbody>
 </table>
 <?cs else ?><p class="muted"><?cs var:L.ecustomer.acts_none ?></p><?cs /if ?>
</section>
<section id="apps">
 <h2><?cs var:L.ecustomer.apps_title ?></h2>
 <?cs include:"ecustomer/apps_table.cs" ?>
</section>
<?cs /def ?>
<?cs include:"layout.cs" ?>
