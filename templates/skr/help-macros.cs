<?cs # skr/help-macros.cs: the pieces the help's pages share: the search form and the rendered Markdown ?>
<?cs def:help_search() ?>
<form class="form help-search" method="get" action="/skr/help" role="search">
 <?cs call:input("q", L.skr.help.q, "search", Form.q, "required") ?>
 <p><button type="submit"><?cs var:L.skr.help.search ?></button></p>
</form>
<?cs /def ?>
<?cs # Help.Html is cmark's HTML of a file in docs/help/: cmark left raw HTML out and emptied javascript:, vbscript:, file: and data: addresses (lib/help.h), so it is printed as it is — the one place escaping is off ?>
<?cs def:help_text() ?>
<article class="help-text" id="help-text">
<?cs escape: "none" ?><?cs var:Help.Html ?><?cs /escape ?>
</article>
<?cs /def ?>
