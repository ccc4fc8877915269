<?cs # layout.cs: the page every template fills; a page defines content() and includes this ?><!DOCTYPE html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> · <?cs /if ?><?cs var:L.site.name ?></title>
<link rel="stylesheet" href="/static/zsog.css">
<?cs if:Page.Css ?><link rel="stylesheet" href="/static/<?cs var:Page.Css ?>"><?cs /if ?>
<?cs if:Page.Script ?><script src="/static/<?cs var:Page.Script ?>" defer></script><?cs /if ?>
</head>
<body class="svc-<?cs var:Page.Service ?>">
<a class="skip" href="#main"><?cs var:L.site.skip ?></a>
<header class="top">
 <div class="wrap top-row">
  <?cs if:Page.Staff == "1" || Page.Service == "skr" ?>
  <a class="brand" href="/skr/"><span class="logo" aria-hidden="true">ZS</span> <?cs var:L.site.intranet ?></a>
  <?cs else ?>
  <a class="brand" href="/"><span class="logo" aria-hidden="true">ZS</span> <?cs var:L.site.portal ?></a>
  <?cs /if ?>
  <nav class="account" aria-label="<?cs var:L.site.account_nav ?>">
   <?cs if:Session.Name ?>
    <span class="who"><?cs var:Session.Name ?></span>
    <?cs if:Session.Kind == "portal" ?><a href="/portal/account"><?cs var:L.nav.account ?></a><?cs /if ?>
    <form method="post" action="<?cs if:Session.Kind == "staff" ?>/skr/signout<?cs else ?>/portal/signout<?cs /if ?>" class="inline">
     <input type="hidden" name="csrf" value="<?cs var:Page.Csrf ?>">
     <button type="submit" class="link"><?cs var:L.nav.signout ?></button>
    </form>
   <?cs elif:Page.Staff == "1" || Page.Service == "skr" ?>
    <a href="/skr/signin"><?cs var:L.nav.signin ?></a>
   <?cs else ?>
    <a href="/portal/signin"><?cs var:L.nav.signin ?></a>
    <a href="/portal/signup"><?cs var:L.nav.signup ?></a>
   <?cs /if ?>
   <a class="lang" href="?lang=<?cs var:Page.OtherLang ?>" hreflang="<?cs var:Page.OtherLang ?>" lang="<?cs var:Page.OtherLang ?>"><?cs var:L.site.other_lang ?></a>
  </nav>
 </div>
 <?cs if:subcount(Menu) ?><?cs include:"menu.cs" ?><?cs /if ?>
</header>
<main id="main" class="wrap">
<?cs if:Page.Notice ?><p class="notice" role="status"><?cs var:Page.Notice ?></p><?cs /if ?>
<?cs call:content() ?>
</main>
<footer class="foot">
 <div class="wrap"><?cs var:L.site.footer ?><?cs if:Page.Dev ?> · <a href="/dev/outbox"><?cs var:L.site.dev_outbox ?></a><?cs /if ?></div>
</footer>
</body>
</html>
