<?cs # menu.cs: the menu of the signed-in account: the entries domain/access.c found it may open (Menu.N), with a count beside an entry that has one (the inbox's unread items) ?>
<nav class="menu wrap" aria-label="<?cs var:L.site.main_nav ?>">
<?cs each:m = Menu ?><?cs if:m.Nav ?> <a href="<?cs var:m.Href ?>"><?cs var:L.menu[m.Id] ?><?cs if:m.Count > 0 ?> <span class="count" id="menu-<?cs var:m.Id ?>-count" title="<?cs var:L.menu.unread ?>"><?cs var:m.Count ?></span><?cs /if ?></a>
<?cs /if ?><?cs /each ?></nav>
