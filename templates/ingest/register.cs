<?cs # ingest/register.cs: the register search: one object's summary, its lookalike reads and its history ?>
<?cs include:"macros.cs" ?>
<?cs include:"ingest/where.cs" ?>
<?cs set:Page.Title = L.ingest.register.title ?>
<?cs set:Page.Css = "ingest.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ingest.register.title ?></h1>
<p class="lead"><?cs var:L.ingest.register.intro ?></p>
<form method="get" action="/skr/register" class="filters" novalidate>
 <?cs call:select("kind", L.ingest.register.kind, L.ingest.opt.kind, Form.kind) ?>
 <?cs call:input("q", L.ingest.register.q, "search", Form.q, "") ?>
 <button type="submit"><?cs var:L.ingest.register.search ?></button>
</form>
<?cs if:Key ?>
<?cs if:subcount(Object) == 0 ?><p id="register-none"><?cs var:L.ingest.register.none ?></p><?cs /if ?>
<?cs each:o = Object ?>
<dl class="facts" id="object">
 <dt><?cs var:L.ingest.register.kind ?></dt><dd><?cs var:L.ingest.subject[o.kind] ?>: <code id="object-key"><?cs var:o.obj_key ?></code><?cs if:o.doubtful == "1" ?> <span class="badge warn"><?cs var:L.ingest.register.doubtful ?></span><?cs /if ?></dd>
 <dt><?cs var:L.ingest.register.count ?></dt><dd id="object-count"><?cs var:o.n ?></dd>
 <dt><?cs var:L.ingest.register.first ?></dt><dd><?cs var:local_time(o.first) ?></dd>
 <dt><?cs var:L.ingest.register.last ?></dt><dd><?cs var:local_time(o.last) ?></dd>
 <dt><?cs var:L.ingest.register.crossings ?></dt><dd id="object-crossings"><?cs each:c = o.Crossings ?><?cs if:name(c) != "0" ?>, <?cs /if ?><?cs alt:CrossingName[c] ?><?cs var:c ?><?cs /alt ?><?cs /each ?></dd>
</dl>
<?cs /each ?>
<?cs if:subcount(Alike) > 0 ?>
<h2><?cs var:L.ingest.register.alike ?></h2>
<ul id="alike"><?cs each:a = Alike ?><li><a href="/skr/register?kind=<?cs var:url_escape(Form.kind) ?>&amp;q=<?cs var:url_escape(a.obj_key) ?>"><?cs var:a.obj_key ?></a> (<?cs var:a.n ?>)</li><?cs /each ?></ul>
<?cs /if ?>
<?cs if:subcount(History) > 0 ?>
<h2><?cs var:L.ingest.register.history ?></h2>
<div class="table-wrap">
<table id="history">
 <thead><tr><th><?cs var:L.ingest.register.t ?></th><th><?cs var:L.ingest.alerts.where ?></th><th><?cs var:L.ingest.register.dir ?></th><th><?cs var:L.ingest.alerts.what ?></th><th><?cs var:L.ingest.alert.device ?></th><th><?cs var:L.ingest.alerts.image ?></th><th><?cs var:L.ingest.register.alerts ?></th></tr></thead>
 <tbody>
 <?cs each:h = History ?><tr<?cs if:h.doubtful == "1" ?> class="doubtful"<?cs /if ?>><td class="nowrap"><?cs var:local_time(h.t) ?></td><td><?cs call:where(h.crossing, h.lane, h.lane_kind) ?></td><td><?cs var:L.ingest.dir[h.dir] ?></td><td><code><?cs var:h.raw ?></code><?cs if:h.country ?> (<?cs alt:L.country[h.country] ?><?cs var:h.country ?><?cs /alt ?>)<?cs /if ?><?cs if:h.person_name ?> · <?cs var:h.person_name ?><?cs /if ?><?cs if:h.doubtful == "1" ?> <span class="badge warn"><?cs var:L.ingest.alert.doubtful ?></span><?cs /if ?></td><td><?cs var:h.device ?></td><td><?cs if:h.image_ok == "1" ?><a href="/skr/register/images/<?cs var:h.id ?>" class="image"><?cs var:L.ingest.alerts.image_link ?></a><?cs elif:h.image_ok == "0" ?><?cs var:L.ingest.alert.no_image ?><?cs /if ?></td><td><?cs each:a = h.Alerts ?><span class="alert-ref"><?cs var:L.ingest.alert.title ?> <?cs var:a.id ?>: <?cs var:L.ingest.state[a.state] ?><?cs if:a.outcome ?>, <?cs var:L.ingest.outcome[a.outcome] ?><?cs /if ?></span><br><?cs /each ?></td></tr><?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
