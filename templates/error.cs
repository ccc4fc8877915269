<?cs # error.cs: every error page, in the layout, with the status and a message; never details ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = Page.StatusText ?>
<?cs def:content() ?>
<section class="error-page">
 <h1><?cs var:Page.Status ?> · <?cs var:Page.Error ?></h1>
 <p><?cs var:L.err.help ?></p>
 <p class="muted"><?cs var:L.err.request_id ?>: <code><?cs var:Page.RequestId ?></code></p>
 <p><a href="<?cs if:Page.Staff == "1" || Page.Service == "skr" ?>/skr/<?cs else ?>/<?cs /if ?>"><?cs var:L.err.home ?></a></p>
</section>
<?cs /def ?>
<?cs include:"layout.cs" ?>
