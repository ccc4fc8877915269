<?cs # part.cs: the frame of the reader (account, menu, CSRF token) around a page's content made before by view_render_part and kept by a shared cache (lib/pagecache.h); the content is that render's output, escaped then ?>
<?cs def:content() ?><?cs uvar:Part.body ?><?cs /def ?>
<?cs include:"layout.cs" ?>
