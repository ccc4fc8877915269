<?cs # ecustomer/skr_certs.cs: the registration office's certificate search (ID SISC or serial) and revocation with a reason ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.cert.staff.title ?>
<?cs def:content() ?>
<h1><?cs var:L.cert.staff.title ?></h1>
<p class="lead"><?cs var:L.cert.staff.intro ?></p>
<form method="get" action="/skr/ecustomer/certificates" class="filters" novalidate>
 <?cs call:input("q", L.cert.staff.q_label, "search", Form.q, "") ?>
 <button type="submit"><?cs var:L.cert.staff.search ?></button>
</form>
<?cs if:!Search.Q ?><p class="muted"><?cs var:L.cert.staff.recent ?></p><?cs /if ?>
<?cs if:subcount(Certs.List) == 0 ?>
<p id="certs-none"><?cs var:L.cert.staff.none ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="certs">
 <thead><tr><th><?cs var:L.cert.staff.person ?></th><th><?cs var:L.cert.serial ?></th><th><?cs var:L.cert.valid ?></th><th><?cs var:L.cert.status ?></th><th><?cs var:L.cert.actions ?></th></tr></thead>
 <tbody>
 <?cs each:c = Certs.List ?>
  <tr data-id="<?cs var:c.id ?>" data-serial="<?cs var:c.serial_hex ?>">
   <td><?cs var:c.first_name ?> <?cs var:c.last_name ?><br><code><?cs var:c.id_sisc ?></code></td>
   <td><code><?cs var:c.serial_hex ?></code><br><span class="muted"><?cs var:c.subject_dn ?></span></td>
   <td class="nowrap"><?cs var:c.not_before ?> –<br><?cs var:c.not_after ?> UTC</td>
   <td><?cs if:c.revoked_at ?><span class="badge bad"><?cs var:L.cert.revoked ?></span> <?cs var:c.revoked_at ?> UTC · <?cs var:L.cert.reason[c.revoke_reason] ?> · <?cs if:c.revoked_by_kind == "staff" ?><?cs var:L.cert.by_office ?><?cs else ?><?cs var:L.cert.by_owner ?><?cs /if ?><?cs elif:c.expired == "1" ?><span class="badge warn"><?cs var:L.cert.expired ?></span><?cs else ?><span class="badge ok"><?cs var:L.cert.valid_now ?></span><?cs /if ?></td>
   <td>
    <?cs if:!c.revoked_at && c.expired != "1" ?>
    <form method="post" action="/skr/ecustomer/certificates/<?cs var:c.id ?>/revoke" class="revoke">
     <?cs call:csrf() ?>
     <div class="field<?cs if:Form.Id == c.id && Form.reason.Error ?> invalid<?cs /if ?>">
      <label for="f-reason-<?cs var:c.id ?>"><?cs var:L.cert.reason_label ?></label>
      <select id="f-reason-<?cs var:c.id ?>" name="reason"<?cs if:Form.Id == c.id && Form.reason.Error ?> aria-invalid="true" aria-describedby="e-reason"<?cs /if ?>>
       <option value=""><?cs var:L.form.choose ?></option>
       <?cs each:o = Options.Reason ?><option value="<?cs var:o.Value ?>"<?cs if:Form.Id == c.id && o.Value == Form.reason ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
      </select>
      <?cs if:Form.Id == c.id ?><?cs call:field_error("reason", Form.reason) ?><?cs /if ?>
     </div>
     <button type="submit" class="danger"><?cs var:L.cert.revoke ?></button>
    </form>
    <?cs /if ?>
   </td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
