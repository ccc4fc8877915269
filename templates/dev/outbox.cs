<?cs # dev/outbox.cs: the e-mails a development stack would have sent ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.outbox.title ?>
<?cs # A link of this site in a body is clickable (lib/outbox.c splits
  the body into parts; href is a path of this site, never another's). ?>
<?cs def:content() ?>
<h1><?cs var:L.outbox.title ?></h1>
<p class="muted"><?cs var:L.outbox.intro ?></p>
<?cs each:m = Outbox ?>
<article class="mail"<?cs if:m.lang ?> lang="<?cs var:m.lang ?>"<?cs /if ?>>
 <header><strong><?cs var:m.subject ?></strong><br>
 <span class="muted"><?cs var:L.outbox.to ?> <span class="to"><?cs var:m.recipient ?></span> · <?cs var:local_time(m.created_at) ?></span></header>
 <pre class="body"><?cs each:p = m.Parts ?><?cs if:p.href ?><a href="<?cs var:p.href ?>"><?cs var:p.text ?></a><?cs else ?><?cs var:p.text ?><?cs /if ?><?cs /each ?></pre>
</article>
<?cs /each ?>
<?cs if:!subcount(Outbox) ?><p><?cs var:L.outbox.empty ?></p><?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
