<?cs # fleet/nav.cs: the fleet's own navigation, at the top of every fleet page's content: the entries cgi-bin/fleet/nav.c found this officer's scope opens (FleetNav.N), the current one marked; none in a print view ?>
<?cs if:subcount(FleetNav) && !Page.Print ?><nav class="subnav" id="fleet-nav" aria-label="<?cs var:L.Fleet.Nav.label ?>">
<ul><?cs each:n = FleetNav ?><li><a href="<?cs var:n.Href ?>" id="fleet-nav-<?cs var:n.Id ?>"<?cs if:n.Current ?> aria-current="<?cs var:n.Current ?>"<?cs /if ?>><?cs var:L.Fleet.Nav[n.Id] ?></a></li><?cs /each ?></ul>
</nav><?cs /if ?>
