<?cs # ecustomer/skr_queue.cs: the registration office's queue of applications, oldest first ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.office.queue ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.office.queue ?></h1>
<p><a href="/skr/ecustomer/search"><?cs var:L.ecustomer.office.search ?></a> · <a href="/skr/ecustomer/certificates"><?cs var:L.ecustomer.certificates ?></a></p>
<form class="filters" method="get" action="/skr/ecustomer/queue">
 <div class="field"><label for="f-kind"><?cs var:L.ecustomer.office.kind ?></label>
  <select id="f-kind" name="kind"><option value=""><?cs var:L.form.choose ?></option>
  <?cs each:k = L.ecustomer.kind ?><option value="<?cs name:k ?>"<?cs if:Form.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select><?cs call:field_error("kind", Form.kind) ?></div>
 <div class="field"><label for="f-status"><?cs var:L.ecustomer.office.status ?></label>
  <select id="f-status" name="status">
   <option value="open"<?cs if:Form.status == "open" ?> selected<?cs /if ?>><?cs var:L.ecustomer.office.st_open ?></option>
   <option value="all"<?cs if:Form.status == "all" ?> selected<?cs /if ?>><?cs var:L.ecustomer.office.st_all ?></option>
   <?cs each:s = L.ecustomer.st ?><?cs if:name(s) != "deactivated" ?><option value="<?cs name:s ?>"<?cs if:Form.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /if ?><?cs /each ?>
  </select><?cs call:field_error("status", Form.status) ?></div>
 <?cs call:input("from", L.ecustomer.office.from, "date", Form.from, "") ?>
 <?cs call:input("to", L.ecustomer.office.to, "date", Form.to, "") ?>
 <?cs call:select("office", L.ecustomer.office.office, Options.Office, Form.office) ?>
 <p><button type="submit" class="secondary"><?cs var:L.ecustomer.office.filter ?></button></p>
</form>
<?cs if:subcount(Queue) ?>
<table class="list queue stacked">
 <thead><tr><th>#</th><th><?cs var:L.ecustomer.office.kind ?></th><th><?cs var:L.ecustomer.subject ?></th><th><?cs var:L.ecustomer.status ?></th><th><?cs var:L.ecustomer.created ?></th><th><?cs var:L.ecustomer.office.office ?></th><th><?cs var:L.ecustomer.office.assignee ?></th></tr></thead>
 <tbody>
 <?cs each:a = Queue ?><tr class="app" data-id="<?cs var:a.id ?>"><td data-label="<?cs var:L.ecustomer.app_title ?>"><a href="/skr/ecustomer/applications/<?cs var:a.id ?>"><?cs var:a.id ?></a></td><td data-label="<?cs var:L.ecustomer.office.kind ?>"><?cs var:L.ecustomer.kind[a.kind] ?></td><td data-label="<?cs var:L.ecustomer.subject ?>"><?cs var:a.subject ?></td><td data-label="<?cs var:L.ecustomer.status ?>"><?cs call:ec_status(a.status) ?></td><td class="nowrap" data-label="<?cs var:L.ecustomer.created ?>"><?cs var:local_time(a.created_at) ?></td><td data-label="<?cs var:L.ecustomer.office.office ?>"><?cs var:a.office ?></td><td data-label="<?cs var:L.ecustomer.office.assignee ?>"><?cs var:a.assignee ?></td></tr><?cs /each ?>
 </tbody>
</table>
<?cs else ?><p class="muted"><?cs var:L.ecustomer.office.empty ?></p><?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
