<?cs # layout.cs: the page every template fills; a page defines content() and includes this ?><?cs # Page.Part: the content alone, for a cache shared by readers (lib/view.c: view_render_part); part.cs draws this frame around it later ?><?cs if:Page.Part ?><?cs call:content() ?><?cs else ?><!DOCTYPE html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> · <?cs /if ?><?cs var:L.site.name ?></title>
<link rel="stylesheet" href="/static/zsog.css">
<?cs if:Page.Css ?><link rel="stylesheet" href="/static/<?cs var:Page.Css ?>"><?cs /if ?>
<?cs if:Page.Script ?><script src="/static/<?cs var:Page.Script ?>" defer></script><?cs /if ?>
</head>
<?cs # The look is the route's, from the kind of session serving the path (lib/route.c: route_look); a path no kind serves looks like the portal. ?>
<?cs if:!Page.Look ?><?cs set:Page.Look = "portal" ?><?cs /if ?>
<?cs if:!Page.Home ?><?cs set:Page.Home = "/" ?><?cs /if ?>
<body class="look-<?cs var:Page.Look ?>">
<a class="skip" href="#main"><?cs var:L.site.skip ?></a>
<?cs # A print view (Page.Print: a report's ?view=print) is the page's content under the site's name alone: no account links, menu or footer. ?>
<header class="top">
 <div class="wrap top-row">
  <a class="brand" href="<?cs var:Page.Home ?>"><span class="logo" aria-hidden="true">ZS</span> <?cs if:Page.Look == "intranet" ?><?cs var:L.site.intranet ?><?cs else ?><?cs var:L.site.portal ?><?cs /if ?></a>
<?cs if:!Page.Print ?>
  <nav class="account" aria-label="<?cs var:L.site.account_nav ?>">
   <?cs if:Session.Name ?>
    <span class="who"><?cs var:Session.Name ?></span>
    <?cs if:Session.Kind == "portal" ?><a href="/portal/account"><?cs var:L.nav.account ?></a><?cs /if ?>
    <?cs # The help of the page shown: its route names the topic (lib/route.h: help); the index where none does ?>
    <?cs if:Session.Kind == "staff" ?><a class="help" rel="help" id="help-link" href="/skr/help<?cs if:Page.Help ?>/<?cs var:Page.Help ?><?cs /if ?>"><?cs var:L.nav.help ?></a><?cs /if ?>
    <form method="post" action="<?cs if:Session.Kind == "staff" ?>/skr/signout<?cs else ?>/portal/signout<?cs /if ?>" class="inline">
     <input type="hidden" name="csrf" value="<?cs var:Page.Csrf ?>">
     <button type="submit" class="link"><?cs var:L.nav.signout ?></button>
    </form>
   <?cs elif:Page.Look == "intranet" ?>
    <a href="/skr/signin"><?cs var:L.nav.signin ?></a>
   <?cs else ?>
    <a href="/portal/signin"><?cs var:L.nav.signin ?></a>
    <a href="/portal/signup"><?cs var:L.nav.signup ?></a>
   <?cs /if ?>
   <a class="lang" href="?lang=<?cs var:Page.OtherLang ?>" hreflang="<?cs var:Page.OtherLang ?>" lang="<?cs var:Page.OtherLang ?>"><?cs var:L.site.other_lang ?></a>
  </nav>
<?cs /if ?>
 </div>
 <?cs if:subcount(Menu) && !Page.Print ?><?cs include:"menu.cs" ?><?cs /if ?>
</header>
<main id="main" class="wrap<?cs if:Page.Print ?> print-view<?cs /if ?>">
<?cs if:Page.Notice ?><p class="notice" role="status"><?cs var:Page.Notice ?></p><?cs /if ?>
<?cs call:content() ?>
</main>
<?cs if:!Page.Print ?>
<footer class="foot">
 <div class="wrap"><?cs var:L.site.footer ?><?cs if:Page.Dev ?> · <a href="/dev/outbox"><?cs var:L.site.dev_outbox ?></a><?cs /if ?></div>
</footer>
<?cs /if ?>
</body>
</html>
<?cs /if ?>