<?cs # risk/exchange-file.cs: one received file and its records, each with its provenance (source, file, time) and what it did ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.exchange.file_title + " " + File.0.id ?>
<?cs def:content() ?>
<?cs with:f = File.0 ?>
<p><a href="/skr/risk/exchange"><?cs var:L.exchange.title ?></a></p>
<h1><?cs var:L.exchange.file_title ?> <?cs var:f.id ?></h1>
<dl class="facts" id="file">
 <dt><?cs var:L.exchange.status_label ?></dt><dd id="file-status"><?cs var:L.exchange.status[f.status] ?></dd>
 <?cs if:f.error ?><dt><?cs var:L.exchange.error_label ?></dt><dd id="file-error"><?cs var:L.exchange.error[f.error] ?><?cs if:f.detail ?><br><code><?cs var:f.detail ?></code><?cs /if ?></dd><?cs /if ?>
 <dt><?cs var:L.exchange.source ?></dt><dd><?cs if:f.source ?><?cs var:f.source ?> · <?cs if:Page.Lang == "en" ?><?cs var:f.source_en ?><?cs else ?><?cs var:f.source_pl ?><?cs /if ?><?cs else ?><?cs var:L.exchange.no_source ?><?cs /if ?></dd>
 <dt><?cs var:L.exchange.file_ref ?></dt><dd><code><?cs var:f.file_ref ?></code></dd>
 <?cs if:f.created ?><dt><?cs var:L.exchange.created ?></dt><dd><?cs var:local_time(f.created) ?></dd><?cs /if ?>
 <dt><?cs var:L.exchange.received ?></dt><dd><?cs var:local_time(f.received_at) ?></dd>
 <dt><?cs var:L.exchange.channel_label ?></dt><dd><?cs var:L.exchange.channel[f.channel] ?><?cs if:f.name ?> · <code><?cs var:f.name ?></code><?cs /if ?></dd>
 <dt><?cs var:L.exchange.size ?></dt><dd><?cs var:f.bytes ?> B · SHA-256 <code><?cs var:f.sha256 ?></code></dd>
</dl>
<?cs /with ?>
<?cs if:subcount(Records) > 0 ?>
<h2><?cs var:L.exchange.records ?></h2>
<table class="stacked" id="exchange-records">
 <thead><tr><th><?cs var:L.exchange.ref ?></th><th><?cs var:L.exchange.kind_label ?></th><th><?cs var:L.exchange.object ?></th><th><?cs var:L.exchange.what ?></th><th><?cs var:L.exchange.valid ?></th><th><?cs var:L.exchange.outcome_label ?></th><th><?cs var:L.exchange.provenance ?></th></tr></thead>
 <tbody>
 <?cs each:x = Records ?>
 <tr data-ref="<?cs var:x.ref ?>">
  <td data-label="<?cs var:L.exchange.ref ?>"><code><?cs var:x.ref ?></code></td>
  <td data-label="<?cs var:L.exchange.kind_label ?>"><?cs var:L.exchange.kind[x.kind] ?></td>
  <td data-label="<?cs var:L.exchange.object ?>"><?cs var:L.exchange.object_kind[x.object_kind] ?>: <code><?cs var:x.value ?></code><?cs if:x.country ?> (<?cs var:x.country ?>)<?cs /if ?></td>
  <td data-label="<?cs var:L.exchange.what ?>"><?cs if:x.kind == "info" ?><?cs var:L.exchange.category[x.category] ?>, <?cs var:L.exchange.level[x.level] ?><?cs else ?><?cs var:L.ingest.action[x.action] ?>, <?cs var:L.exchange.level[x.level] ?><br><span class="muted"><?cs var:x.reason ?></span><?cs /if ?></td>
  <td data-label="<?cs var:L.exchange.valid ?>" class="nowrap"><?cs var:x.valid_from ?> – <?cs var:x.valid_to ?></td>
  <td data-label="<?cs var:L.exchange.outcome_label ?>"><?cs var:L.exchange.outcome[x.outcome] ?><?cs if:x.watch_entry_id ?> · <a href="/skr/watchlist/<?cs var:x.watch_entry_id ?>"><?cs var:L.exchange.proposal ?> <?cs var:x.watch_entry_id ?></a><?cs /if ?></td>
  <td data-label="<?cs var:L.exchange.provenance ?>" class="provenance"><?cs var:x.source ?> · <code><?cs var:x.file_ref ?></code> · <?cs var:local_time(x.received_at) ?></td>
 </tr>
 <?cs /each ?>
 </tbody>
</table>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
