<?cs # ecustomer/cert_macros.cs: what the owner's and the office's certificate pages share: the status of a certificate and its revocation form ?>
<?cs # name_owner: the office also sees who revoked when it was the owner ?>
<?cs def:cert_status(c, name_owner) ?><?cs if:c.revoked_at ?><span class="badge bad"><?cs var:L.cert.revoked ?></span> <?cs var:local_time(c.revoked_at) ?> · <?cs var:L.cert.reason[c.revoke_reason] ?><?cs if:c.revoked_by_kind == "staff" ?> · <?cs var:L.cert.by_office ?><?cs elif:name_owner ?> · <?cs var:L.cert.by_owner ?><?cs /if ?><?cs elif:c.expired == "1" ?><span class="badge warn"><?cs var:L.cert.expired ?></span><?cs else ?><span class="badge ok"><?cs var:L.cert.valid_now ?></span><?cs /if ?><?cs /def ?>
<?cs # prefix: /ecustomer or /skr/ecustomer; the error shows beside the form of the certificate it was about (Form.Id) ?>
<?cs def:revoke_form(prefix, c) ?>
    <form method="post" action="<?cs var:prefix ?>/certificates/<?cs var:c.id ?>/revoke" class="revoke">
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
<?cs /def ?>
