<?cs # portal/menu.cs: the menu of a signed-in portal user ?>
<nav class="menu wrap" aria-label="<?cs var:L.site.main_nav ?>">
 <a href="/"><?cs var:L.menu.home ?></a>
 <a href="/ecustomer/"><?cs var:L.menu.ecustomer ?></a>
 <a href="/ebt/"><?cs var:L.menu.ebt ?></a>
 <a href="/portal/account"><?cs var:L.menu.account ?></a>
</nav>
