<?cs # portal/home.cs: the start page of the e-services portal; for a signed-in person, what to do next (ui-home.c decides, this presents) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.home.title ?>
<?cs def:content() ?>
<?cs if:Home.Reg ?>
<h1><?cs var:L.home.next.title ?></h1>
<section class="cards" id="next">
 <article class="card" id="home-reg">
  <h2><?cs var:L.home.next.reg ?></h2>
  <?cs if:Home.Reg == "none" ?>
  <p><?cs var:L.home.next.reg_none ?></p>
  <?cs if:Home.Ecustomer ?><p><a class="button" href="/ecustomer/person"><?cs var:L.home.next.reg_start ?></a></p><?cs /if ?>
  <?cs elif:Home.Reg == "submitted" || Home.Reg == "under_review" ?>
  <p><?cs var:L.home.next.reg_waiting ?> <span class="nowrap"><?cs var:local_time(Home.Since) ?></span> (<?cs var:L.ecustomer.st[Home.Reg] ?>).</p>
  <?cs if:Home.Ecustomer ?><p><a href="/ecustomer/"><?cs var:L.home.next.reg_see ?></a></p><?cs /if ?>
  <?cs elif:Home.Reg == "rejected" ?>
  <p><?cs var:L.home.next.reg_rejected ?></p>
  <?cs if:Home.Ecustomer ?><p><a class="button" href="/ecustomer/person"><?cs var:L.home.next.reg_again ?></a></p><?cs /if ?>
  <?cs else ?>
  <dl class="details">
   <dt><?cs var:L.ecustomer.status ?></dt><dd id="home-status"><?cs var:L.ecustomer.st[Home.Reg] ?></dd>
   <dt><?cs var:L.ecustomer.id_sisc ?></dt><dd id="home-sisc"><?cs var:Home.Sisc ?></dd>
   <dt><?cs var:L.ecustomer.scope ?></dt><dd><?cs var:L.ecustomer.scope_v[Home.Scope] ?></dd>
  </dl>
  <?cs if:Home.Ecustomer ?><p class="actions"><a href="/ecustomer/company/new"><?cs var:L.ecustomer.new_company ?></a> · <a href="/ecustomer/certificates"><?cs var:L.ecustomer.certificates ?></a></p><?cs /if ?>
  <?cs /if ?>
 </article>
 <?cs if:Home.Reg == "approved" ?>
 <article class="card" id="home-acts">
  <h2><?cs var:L.home.next.acts ?></h2>
  <?cs if:subcount(Home.Acts) ?>
  <ul class="plain">
  <?cs each:c = Home.Acts ?><li class="act" data-id="<?cs var:c.id ?>"><a href="/ecustomer/company/<?cs var:c.id ?>"><?cs var:c.name ?></a><?cs if:c.eori ?> · <?cs var:L.ecustomer.eori ?> <span class="nowrap"><?cs var:c.eori ?></span><?cs /if ?><br><span class="muted"><?cs var:L.home.next.may ?> <?cs set:first = 1 ?><?cs each:a = c.Authz ?><?cs if:!first ?>, <?cs /if ?><?cs var:L.ecustomer.authz[name(a)] ?><?cs set:first = 0 ?><?cs /each ?></span></li><?cs /each ?>
  </ul>
  <?cs else ?>
  <p class="muted"><?cs var:L.ecustomer.acts_none ?></p>
  <?cs /if ?>
 </article>
 <?cs if:Home.Ebt ?>
 <article class="card" id="home-bookings">
  <h2><?cs var:L.home.next.bookings ?></h2>
  <?cs if:subcount(Home.Bookings) ?>
  <ul class="plain">
  <?cs each:b = Home.Bookings ?><li class="booking" data-number="<?cs var:b.number ?>"><?cs if:b.today ?><span class="badge warn"><?cs var:L.home.next.today ?></span> <?cs /if ?><a href="/ebt/bookings/<?cs var:url_escape(b.number) ?>" class="nowrap"><?cs var:b.number ?></a> · <span class="nowrap"><?cs var:b.day ?> <?cs if:b.hour < 10 ?>0<?cs /if ?><?cs var:b.hour ?>:00</span> · <?cs var:b.crossing ?> · <span class="nowrap"><?cs var:b.plate ?></span> · <?cs var:L.ebt.st[b.status] ?></li><?cs /each ?>
  </ul>
  <?cs else ?>
  <p class="muted"><?cs var:L.home.next.bookings_none ?></p>
  <?cs /if ?>
  <p><a href="/ebt/"><?cs var:L.home.next.book ?></a></p>
 </article>
 <?cs /if ?>
 <?cs if:subcount(Home.Certs) ?>
 <article class="card" id="home-certs">
  <h2><?cs var:L.home.next.certs ?></h2>
  <ul class="plain">
  <?cs each:c = Home.Certs ?><li class="cert"><code><?cs var:c.serial_hex ?></code> · <?cs var:L.home.next.cert_until ?> <span class="nowrap"><?cs var:local_time(c.not_after) ?></span></li><?cs /each ?>
  </ul>
  <p><a href="/ecustomer/certificates"><?cs var:L.home.next.cert_renew ?></a></p>
 </article>
 <?cs /if ?>
 <?cs /if ?>
</section>
<?cs else ?>
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
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
