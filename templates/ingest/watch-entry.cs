<?cs # ingest/watch-entry.cs: one watch-list entry; a second officer approves or rejects it, an active one can be withdrawn ?>
<?cs include:"macros.cs" ?>
<?cs include:"ingest/where.cs" ?>
<?cs set:Page.Title = L.ingest.watch.entry_title + " " + Entry.id ?>
<?cs set:Page.Css = "ingest.css" ?>
<?cs def:content() ?>
<p><a href="/skr/watchlist"><?cs var:L.ingest.watch.title ?></a></p>
<h1><?cs var:L.ingest.watch.entry_title ?> <?cs var:Entry.id ?></h1>
<dl class="facts" id="entry">
 <dt><?cs var:L.ingest.watch.status ?></dt><dd id="entry-status"><?cs var:L.ingest.state[Entry.status] ?></dd>
 <dt><?cs var:L.ingest.watch.subject ?></dt><dd><?cs var:L.ingest.subject[Entry.subject] ?></dd>
 <dt><?cs var:L.ingest.watch.value ?></dt><dd><code><?cs var:Entry.value ?></code><?cs if:Entry.country ?> (<?cs var:Entry.country ?>)<?cs /if ?><?cs if:Entry.birth_date ?>, <?cs var:Entry.birth_date ?><?cs /if ?></dd>
 <dt><?cs var:L.ingest.watch.reason ?></dt><dd><?cs var:Entry.reason ?></dd>
 <dt><?cs var:L.ingest.watch.action ?></dt><dd><?cs var:L.ingest.action[Entry.action] ?></dd>
 <dt><?cs var:L.ingest.watch.priority ?></dt><dd><?cs var:L.ingest.priority[Entry.priority] ?></dd>
 <dt><?cs var:L.ingest.watch.valid_from ?> – <?cs var:L.ingest.watch.valid_to ?></dt><dd><?cs var:Entry.valid_from ?> – <?cs var:Entry.valid_to ?></dd>
 <dt><?cs var:L.ingest.watch.unit ?></dt><dd><?cs var:Entry.unit ?></dd>
 <dt><?cs var:L.ingest.watch.creator ?></dt><dd><?cs var:Entry.creator ?> (<?cs var:local_time(Entry.created_at) ?>)</dd>
 <?cs if:Entry.decider ?><dt><?cs var:L.ingest.watch.decider ?></dt><dd><?cs var:Entry.decider ?> (<?cs var:local_time(Entry.decided_at) ?>)</dd><?cs /if ?>
</dl>
<?cs if:Entry.may_decide ?>
<form method="post" action="/skr/watchlist/<?cs var:Entry.id ?>/decide" id="decide-form">
 <?cs call:csrf() ?>
 <button type="submit" name="decision" value="approve"><?cs var:L.ingest.watch.approve ?></button>
 <button type="submit" name="decision" value="reject" class="danger"><?cs var:L.ingest.watch.reject ?></button>
</form>
<?cs elif:Entry.awaits_second ?>
<p class="notice" id="entry-mine"><?cs var:L.ingest.watch.mine ?></p>
<?cs elif:Entry.may_withdraw ?>
<form method="post" action="/skr/watchlist/<?cs var:Entry.id ?>/decide" id="withdraw-form">
 <?cs call:csrf() ?>
 <button type="submit" name="decision" value="withdraw" class="danger"><?cs var:L.ingest.watch.withdraw ?></button>
</form>
<?cs /if ?>
<h2><?cs var:L.ingest.watch.alerts ?></h2>
<ul id="entry-alerts">
<?cs each:a = Alerts ?><li><a href="/skr/alerts/<?cs var:a.id ?>"><?cs var:a.id ?></a> · <?cs var:local_time(a.created_at) ?> · <?cs call:where(a.crossing, a.lane, a.lane_kind) ?> · <?cs var:L.ingest.confidence[a.confidence] ?> · <?cs var:L.ingest.state[a.state] ?></li><?cs /each ?>
</ul>
<?cs /def ?>
<?cs include:"layout.cs" ?>
