<?cs # skr/audit.cs: the audit log, newest first, with filters and pages of 50; read-only ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.audit.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:pager_link(page, label, rel) ?><a rel="<?cs var:rel ?>" href="/skr/audit?action=<?cs var:url_escape(Form.action) ?>&amp;object=<?cs var:url_escape(Form.object) ?>&amp;actor=<?cs var:url_escape(Form.actor) ?>&amp;from=<?cs var:url_escape(Form.from) ?>&amp;to=<?cs var:url_escape(Form.to) ?>&amp;page=<?cs var:page ?>"><?cs var:label ?></a><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.skr.audit.title ?></h1>
<p class="lead"><?cs var:L.skr.audit.intro ?></p>
<?cs if:Audit.Scoped ?><p class="muted" id="audit-scope"><?cs var:L.skr.audit.scoped ?></p><?cs /if ?>
<form method="get" action="/skr/audit" class="filters" novalidate>
 <div class="field<?cs if:Form.action.Error ?> invalid<?cs /if ?>">
  <label for="f-action"><?cs var:L.skr.audit.action ?></label>
  <select id="f-action" name="action"<?cs if:Form.action.Error ?> aria-invalid="true" aria-describedby="e-action"<?cs /if ?>>
   <option value=""><?cs var:L.skr.audit.any_action ?></option>
   <?cs each:g = Opt.Action ?><optgroup label="<?cs var:g.Label ?>">
    <option value="<?cs var:g.Value ?>"<?cs if:g.Value == Form.action ?> selected<?cs /if ?>><?cs var:g.Every ?></option>
    <?cs each:o = g.Acts ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.action ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
   </optgroup><?cs /each ?>
  </select>
  <?cs call:field_error("action", Form.action) ?>
 </div>
 <?cs if:Audit.Object ?>
 <div class="field" id="audit-object">
  <input type="hidden" name="object" value="<?cs var:Form.object ?>">
  <p><?cs var:L.skr.audit.filtered_to ?> <strong><?cs var:Audit.Object ?></strong> · <a id="audit-clear" href="/skr/audit?action=<?cs var:url_escape(Form.action) ?>&amp;actor=<?cs var:url_escape(Form.actor) ?>&amp;from=<?cs var:url_escape(Form.from) ?>&amp;to=<?cs var:url_escape(Form.to) ?>"><?cs var:L.skr.audit.clear ?></a></p>
 </div>
 <?cs else ?>
 <div class="field<?cs if:Form.object.Error ?> invalid<?cs /if ?>">
  <label for="f-object"><?cs var:L.skr.audit.object ?></label>
  <select id="f-object" name="object"<?cs if:Form.object.Error ?> aria-invalid="true" aria-describedby="e-object"<?cs /if ?>>
   <option value=""><?cs var:L.skr.audit.any_object ?></option>
   <?cs each:o = Opt.Kind ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.object ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("object", Form.object) ?>
 </div>
 <?cs /if ?>
 <?cs call:input("actor", L.skr.audit.actor, "text", Form.actor, "") ?>
 <?cs call:input("from", L.skr.audit.from, "text", Form.from, "") ?>
 <?cs call:input("to", L.skr.audit.to, "text", Form.to, "") ?>
 <?cs if:Form.page.Error ?><?cs call:field_error("page", Form.page) ?><?cs /if ?>
 <button type="submit" class="secondary"><?cs var:L.skr.audit.filter ?></button>
</form>
<?cs if:Form.action.Error || Form.object.Error || Form.actor.Error || Form.from.Error || Form.to.Error || Form.page.Error ?>
<?cs elif:subcount(Audit.Rows) == 0 ?>
<p id="audit-none"><?cs var:L.skr.audit.none ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="audit">
 <thead><tr><th><?cs var:L.skr.audit.at ?></th><th><?cs var:L.skr.audit.who ?></th><th><?cs var:L.skr.audit.what ?></th><th><?cs var:L.skr.audit.on ?></th><th><?cs var:L.skr.audit.detail ?></th><th><?cs var:L.skr.audit.request ?></th></tr></thead>
 <tbody>
 <?cs each:a = Audit.Rows ?>
  <tr data-id="<?cs var:a.id ?>" data-action="<?cs var:a.action ?>" data-object="<?cs var:a.object ?>">
   <td class="nowrap"><?cs var:local_time(a.at) ?></td>
   <td><?cs if:a.actor_name ?><?cs var:a.actor_name ?><?cs elif:a.actor_words ?><?cs var:a.actor_words ?><?cs else ?><span class="muted"><?cs var:L.skr.audit.anonymous ?></span><?cs /if ?><?cs if:a.actor_kind_words ?><br><span class="muted"><?cs var:a.actor_kind_words ?></span><?cs /if ?></td>
   <td class="audit-action"><?cs var:a.action_words ?></td>
   <td class="audit-object"><?cs var:a.object_words ?></td>
   <td><?cs var:a.detail ?></td>
   <td class="muted id"><code><?cs var:a.request_id ?></code><?cs if:a.client_ip ?><br><?cs var:a.client_ip ?><?cs /if ?></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<?cs if:Pager.Page ?><p class="pager"><?cs var:L.skr.audit.page ?> <?cs var:Pager.Page ?>
<?cs if:Pager.Prev ?> · <?cs call:pager_link(Pager.Prev, L.skr.audit.prev, "prev") ?><?cs /if ?>
<?cs if:Pager.Next ?> · <?cs call:pager_link(Pager.Next, L.skr.audit.next, "next") ?><?cs /if ?>
</p><?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
