<?cs # portal/message.cs: a page that only says something ("check your e-mail", "this link has expired") ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = Msg.Title ?>
<?cs def:content() ?>
<section class="message">
 <h1><?cs var:Msg.Title ?></h1>
 <p><?cs var:Msg.Text ?></p>
 <?cs if:Msg.Href ?><p><a class="button" href="<?cs var:Msg.Href ?>"><?cs var:Msg.Link ?></a></p><?cs /if ?>
</section>
<?cs /def ?>
<?cs include:"layout.cs" ?>
