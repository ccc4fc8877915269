<?cs # ecustomer/apps_table.cs: my applications (Apps.N), included by home.cs and apps.cs ?>
<?cs if:subcount(Apps) ?>
<table class="list stacked">
 <thead><tr><th>#</th><th><?cs var:L.ecustomer.kind_label ?></th><th><?cs var:L.ecustomer.subject ?></th><th><?cs var:L.ecustomer.status ?></th><th><?cs var:L.ecustomer.created ?></th><th><?cs var:L.ecustomer.reason ?></th></tr></thead>
 <tbody>
 <?cs each:a = Apps ?><tr class="app" data-id="<?cs var:a.id ?>"><td data-label="<?cs var:L.ecustomer.app_title ?>"><a href="/ecustomer/applications/<?cs var:a.id ?>"><?cs var:a.id ?></a></td><td data-label="<?cs var:L.ecustomer.kind_label ?>"><?cs var:L.ecustomer.kind[a.kind] ?></td><td data-label="<?cs var:L.ecustomer.subject ?>"><?cs var:a.subject ?></td><td data-label="<?cs var:L.ecustomer.status ?>"><?cs call:ec_status(a.status) ?></td><td class="nowrap" data-label="<?cs var:L.ecustomer.created ?>"><?cs var:local_time(a.created_at) ?></td><td class="reason" data-label="<?cs var:L.ecustomer.reason ?>"><?cs var:a.reason ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.apps_none ?></p><?cs /if ?>
