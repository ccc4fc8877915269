<?cs # menu.cs: the menu of the signed-in account: the entries domain/access.c found it may open (Menu.N) ?>
<nav class="menu wrap" aria-label="<?cs var:L.site.main_nav ?>">
<?cs each:m = Menu ?><?cs if:m.Nav ?> <a href="<?cs var:m.Href ?>"><?cs var:L.menu[m.Id] ?></a>
<?cs /if ?><?cs /each ?></nav>
