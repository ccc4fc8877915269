<?cs # skr/puesc-archive.cs: the SOAP message archive, newest first, with filters; read-only ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.puesc.archive.title ?>
<?cs def:content() ?>
<h1><?cs var:L.puesc.archive.title ?></h1>
<p class="lead"><?cs var:L.puesc.archive.intro ?></p>
<form method="get" action="/skr/puesc/archive" class="filters" novalidate>
 <?cs call:input("from", L.puesc.archive.from, "text", Form.from, "") ?>
 <?cs call:input("to", L.puesc.archive.to, "text", Form.to, "") ?>
 <?cs call:input("sender", L.puesc.archive.sender, "text", Form.sender, "") ?>
 <?cs call:input("operation", L.puesc.archive.operation, "text", Form.operation, "") ?>
 <?cs call:input("outcome", L.puesc.archive.outcome, "text", Form.outcome, "") ?>
 <?cs call:input("message_id", L.puesc.archive.message_id, "text", Form.message_id, "") ?>
 <button type="submit" class="secondary"><?cs var:L.puesc.archive.filter ?></button>
</form>
<?cs if:subcount(Archive) == 0 ?>
<p id="archive-none"><?cs var:L.puesc.archive.none ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="archive">
 <thead><tr><th><?cs var:L.puesc.archive.at ?></th><th><?cs var:L.puesc.archive.sender ?></th><th><?cs var:L.puesc.archive.operation ?></th><th><?cs var:L.puesc.archive.outcome ?></th><th><?cs var:L.puesc.archive.message_id ?></th><th><?cs var:L.puesc.archive.receipt ?></th></tr></thead>
 <tbody>
 <?cs each:m = Archive ?>
  <tr data-id="<?cs var:m.id ?>">
   <td class="nowrap"><a href="/skr/puesc/archive/<?cs var:m.id ?>"><?cs var:local_time(m.at) ?></a></td>
   <td><code><?cs var:m.sender ?></code></td>
   <td><?cs var:m.operation ?> <span class="muted">SOAP <?cs var:m.soap_version ?></span></td>
   <td><code><?cs var:m.outcome ?></code></td>
   <td><code><?cs var:m.message_id ?></code></td>
   <td><code><?cs var:m.receipt_no ?></code></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<p class="muted"><?cs var:L.puesc.archive.limit ?></p>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
