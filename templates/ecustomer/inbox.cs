<?cs # ecustomer/inbox.cs: my inbox and my companies': notices, application states, decisions, XML exchanges, newest first, filtered, a page at a time (keyset: Next.after) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.inbox.title ?>
<?cs # the filters as a query (every field, empty ones too, as the form sends them) ?>
<?cs def:inbox_query() ?>subject=<?cs var:url_escape(Form.subject) ?>&amp;kind=<?cs var:url_escape(Form.kind) ?>&amp;from=<?cs var:url_escape(Form.from) ?>&amp;to=<?cs var:url_escape(Form.to) ?><?cs if:Form.unread == "1" ?>&amp;unread=1<?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.inbox.title ?></h1>
<p class="lead"><?cs var:L.inbox.intro ?></p>
<?cs call:form_errors() ?>
<form method="get" action="/ecustomer/inbox" class="filters" novalidate>
 <div class="field<?cs if:Form.subject.Error ?> invalid<?cs /if ?>">
  <label for="f-subject"><?cs var:L.inbox.subject ?></label>
  <select id="f-subject" name="subject"<?cs if:Form.subject.Error ?> aria-invalid="true" aria-describedby="e-subject"<?cs /if ?>>
   <option value=""><?cs var:L.inbox.subject_all ?></option>
   <?cs each:s = Subjects ?><option value="<?cs var:s.Value ?>"<?cs if:s.Value == Form.subject ?> selected<?cs /if ?>><?cs if:s.Me ?><?cs var:L.inbox.me ?><?cs else ?><?cs var:s.Label ?><?cs /if ?> (<?cs var:s.Unread ?> <?cs var:L.inbox.unread_of ?> <?cs var:s.Total ?>)</option><?cs /each ?>
  </select>
  <?cs call:field_error("subject", Form.subject) ?>
 </div>
 <div class="field<?cs if:Form.kind.Error ?> invalid<?cs /if ?>">
  <label for="f-kind"><?cs var:L.inbox.kind_label ?></label>
  <select id="f-kind" name="kind"<?cs if:Form.kind.Error ?> aria-invalid="true" aria-describedby="e-kind"<?cs /if ?>>
   <option value=""><?cs var:L.inbox.kind_all ?></option>
   <?cs each:k = L.inbox.kind ?><option value="<?cs name:k ?>"<?cs if:name(k) == Form.kind ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("kind", Form.kind) ?>
 </div>
 <?cs call:input("from", L.inbox.from, "date", Form.from, "") ?>
 <?cs call:input("to", L.inbox.to, "date", Form.to, "") ?>
 <div class="field<?cs if:Form.unread.Error ?> invalid<?cs /if ?>">
  <label><input type="checkbox" name="unread" value="1"<?cs if:Form.unread == "1" ?> checked<?cs /if ?>> <?cs var:L.inbox.unread_only ?></label>
  <?cs call:field_error("unread", Form.unread) ?>
 </div>
 <?cs call:field_error("after", Form.after) ?>
 <button type="submit" class="secondary"><?cs var:L.inbox.filter ?></button>
</form>
<?cs if:subcount(Items) == 0 ?>
<p class="muted" id="inbox-none"><?cs var:L.inbox.none ?></p>
<?cs else ?>
<table class="list stacked" id="inbox">
 <thead><tr><th><?cs var:L.inbox.at ?></th><th><?cs var:L.inbox.subject ?></th><th><?cs var:L.inbox.kind_label ?></th><th><?cs var:L.inbox.what ?></th></tr></thead>
 <tbody>
 <?cs each:i = Items ?><tr class="item<?cs if:i.unread ?> unread<?cs /if ?>" data-id="<?cs var:i.id ?>"<?cs if:i.unread ?> data-unread="1"<?cs /if ?>>
  <td class="nowrap" data-label="<?cs var:L.inbox.at ?>"><?cs var:local_time(i.at) ?></td>
  <td data-label="<?cs var:L.inbox.subject ?>"><?cs if:i.company ?><?cs var:i.company ?><?cs else ?><?cs var:L.inbox.me ?><?cs /if ?></td>
  <td data-label="<?cs var:L.inbox.kind_label ?>"><?cs var:L.inbox.kind[i.kind] ?></td>
  <td data-label="<?cs var:L.inbox.what ?>"><a href="/ecustomer/inbox/<?cs var:i.id ?>"><?cs if:i.kind == "xml" ?><?cs alt:L.inbox.op[i.title] ?><?cs var:i.title ?><?cs /alt ?><?cs else ?><?cs var:i.title ?><?cs /if ?></a><?cs if:i.unread ?> <strong class="badge warn"><?cs var:L.inbox.new ?></strong><?cs /if ?></td>
 </tr><?cs /each ?>
 </tbody>
</table>
<?cs /if ?>
<p class="pager">
<?cs if:Form.after ?><a class="button secondary" id="inbox-first" href="/ecustomer/inbox?<?cs call:inbox_query() ?>"><?cs var:L.inbox.newest ?></a><?cs /if ?>
<?cs if:Next.after ?><a class="button secondary" id="inbox-older" href="/ecustomer/inbox?<?cs call:inbox_query() ?>&amp;after=<?cs var:url_escape(Next.after) ?>"><?cs var:L.inbox.older ?></a><?cs /if ?>
</p>
<?cs /def ?>
<?cs include:"layout.cs" ?>
