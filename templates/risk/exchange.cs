<?cs # risk/exchange.cs: the files partner services sent (posted or dropped in the inbox), newest first, with status, counts and errors ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.exchange.title ?>
<?cs def:content() ?>
<h1><?cs var:L.exchange.title ?></h1>
<p class="lead"><?cs var:L.exchange.intro ?></p>
<p><a href="/skr/risk/export" class="button secondary" id="to-export"><?cs var:L.exchange.export.title ?></a></p>
<?cs if:subcount(Files) == 0 ?><p id="files-empty"><?cs var:L.exchange.empty ?></p><?cs else ?>
<table class="stacked" id="exchange-files">
 <thead><tr><th>#</th><th><?cs var:L.exchange.received ?></th><th><?cs var:L.exchange.source ?></th><th><?cs var:L.exchange.file_ref ?></th><th><?cs var:L.exchange.channel_label ?></th><th><?cs var:L.exchange.status_label ?></th><th><?cs var:L.exchange.counts ?></th></tr></thead>
 <tbody>
 <?cs each:f = Files ?>
 <tr class="status-<?cs var:f.status ?>" data-id="<?cs var:f.id ?>">
  <td data-label="#"><a href="/skr/risk/exchange/<?cs var:f.id ?>"><?cs var:f.id ?></a></td>
  <td data-label="<?cs var:L.exchange.received ?>" class="nowrap"><?cs var:local_time(f.received_at) ?></td>
  <td data-label="<?cs var:L.exchange.source ?>"><?cs if:f.source ?><?cs var:f.source ?><?cs else ?><?cs var:L.exchange.no_source ?><?cs /if ?></td>
  <td data-label="<?cs var:L.exchange.file_ref ?>"><code><?cs var:f.file_ref ?></code><?cs if:f.name ?><br><span class="muted"><?cs var:f.name ?></span><?cs /if ?></td>
  <td data-label="<?cs var:L.exchange.channel_label ?>"><?cs var:L.exchange.channel[f.channel] ?></td>
  <td data-label="<?cs var:L.exchange.status_label ?>"><?cs var:L.exchange.status[f.status] ?><?cs if:f.error ?>: <?cs var:L.exchange.error[f.error] ?><?cs /if ?></td>
  <td data-label="<?cs var:L.exchange.counts ?>"><?cs if:f.status == "imported" ?><?cs var:f.n_info ?> <?cs var:plural(f.n_info, "exchange.n_info") ?>, <?cs var:f.n_candidates ?> <?cs var:plural(f.n_candidates, "exchange.n_candidates") ?> (<?cs var:L.exchange.outcome.new ?>: <?cs var:f.n_new ?>, <?cs var:L.exchange.outcome.updated ?>: <?cs var:f.n_updated ?>, <?cs var:L.exchange.outcome.unchanged ?>: <?cs var:f.n_unchanged ?>)<?cs /if ?></td>
 </tr>
 <?cs /each ?>
 </tbody>
</table>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
