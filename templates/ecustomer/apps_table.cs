<?cs # ecustomer/apps_table.cs: my applications (Apps.N), included by home.cs and apps.cs ?>
<?cs if:subcount(Apps) ?>
<table class="list">
 <thead><tr><th>#</th><th><?cs var:L.ecustomer.kind_label ?></th><th><?cs var:L.ecustomer.subject ?></th><th><?cs var:L.ecustomer.status ?></th><th><?cs var:L.ecustomer.created ?></th><th><?cs var:L.ecustomer.reason ?></th></tr></thead>
 <tbody>
 <?cs each:a = Apps ?><tr class="app" data-id="<?cs var:a.id ?>"><td><a href="/ecustomer/applications/<?cs var:a.id ?>"><?cs var:a.id ?></a></td><td><?cs var:L.ecustomer.kind[a.kind] ?></td><td><?cs var:a.subject ?></td><td><?cs call:ec_status(a.status) ?></td><td><?cs var:a.created_at ?></td><td class="reason"><?cs var:a.reason ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.apps_none ?></p><?cs /if ?>
