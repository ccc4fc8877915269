<?cs # ecustomer/skr_certs.cs: the registration office's certificate search (ID SISC or serial) and revocation with a reason ?>
<?cs include:"macros.cs" ?>
<?cs include:"ecustomer/cert_macros.cs" ?>
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
   <td class="nowrap"><?cs var:local_time(c.not_before) ?> –<br><?cs var:local_time(c.not_after) ?></td>
   <td><?cs call:cert_status(c, 1) ?></td>
   <td>
    <?cs if:c.may_revoke == "1" ?>
    <?cs call:revoke_form("/skr/ecustomer", c) ?>
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
