<?cs # portal/home.cs: the start page of the e-services portal ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.home.title ?>
<?cs def:content() ?>
<section class="hero">
 <h1><?cs var:L.home.title ?></h1>
 <p class="lead"><?cs var:L.home.lead ?></p>
 <?cs if:!Session.Name ?>
 <p class="actions"><a class="button" href="/portal/signup"><?cs var:L.nav.signup ?></a> <a class="button secondary" href="/portal/signin"><?cs var:L.nav.signin ?></a></p>
 <?cs /if ?>
</section>
<section class="cards">
 <article class="card"><h2><?cs var:L.home.ecustomer ?></h2><p><?cs var:L.home.ecustomer_text ?></p></article>
 <article class="card"><h2><?cs var:L.home.ebt ?></h2><p><?cs var:L.home.ebt_text ?></p><?cs if:!Session.Name ?><p><a href="/ebt/guest" id="ebt-guest"><?cs var:L.home.ebt_guest ?></a></p><?cs /if ?></article>
 <article class="card"><h2><?cs var:L.home.xml ?></h2><p><?cs var:L.home.xml_text ?></p></article>
</section>
<?cs /def ?>
<?cs include:"layout.cs" ?>
