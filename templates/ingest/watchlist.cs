<?cs # ingest/watchlist.cs: the watch list, newest first, with a status filter ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.ingest.watch.title ?>
<?cs set:Page.Css = "ingest.css" ?>
<?cs def:content() ?>
<h1><?cs var:L.ingest.watch.title ?></h1>
<p class="lead"><?cs var:L.ingest.watch.intro ?></p>
<?cs if:Session.Role.watchlist ?><p><a class="button" href="/skr/watchlist/new" id="new-entry"><?cs var:L.ingest.watch.new ?></a></p><?cs /if ?>
<form method="get" action="/skr/watchlist" class="filters">
 <label for="f-status"><?cs var:L.ingest.watch.status ?></label>
 <select id="f-status" name="status">
  <option value=""><?cs var:L.ingest.any ?></option>
  <?cs each:s = L.ingest.state ?><?cs if:name(s) == "pending" || name(s) == "active" || name(s) == "rejected" || name(s) == "withdrawn" ?><option value="<?cs name:s ?>"<?cs if:Form.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /if ?><?cs /each ?>
 </select>
 <button type="submit" class="secondary"><?cs var:L.ingest.watch.filter ?></button>
</form>
<?cs if:subcount(Entries) == 0 ?><p id="watch-empty"><?cs var:L.ingest.watch.empty ?></p><?cs else ?>
<div class="table-wrap">
<table id="watchlist">
 <thead><tr><th>#</th><th><?cs var:L.ingest.watch.subject ?></th><th><?cs var:L.ingest.watch.value ?></th><th><?cs var:L.ingest.watch.action ?></th><th><?cs var:L.ingest.watch.priority ?></th><th><?cs var:L.ingest.watch.valid_from ?> – <?cs var:L.ingest.watch.valid_to ?></th><th><?cs var:L.ingest.watch.unit ?></th><th><?cs var:L.ingest.watch.status ?></th></tr></thead>
 <tbody>
 <?cs each:e = Entries ?>
 <tr class="prio-<?cs var:e.priority ?> status-<?cs var:e.status ?>" data-id="<?cs var:e.id ?>">
  <td><a href="/skr/watchlist/<?cs var:e.id ?>"><?cs var:e.id ?></a></td>
  <td><?cs var:L.ingest.subject[e.subject] ?></td>
  <td><code><?cs var:e.value ?></code><?cs if:e.country ?> (<?cs var:e.country ?>)<?cs /if ?></td>
  <td><?cs var:L.ingest.action[e.action] ?></td>
  <td><?cs var:L.ingest.priority[e.priority] ?></td>
  <td class="nowrap"><?cs var:e.valid_from ?> – <?cs var:e.valid_to ?></td>
  <td><?cs var:e.unit ?><br><span class="muted"><?cs var:e.creator ?></span></td>
  <td><?cs var:L.ingest.state[e.status] ?></td>
 </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
