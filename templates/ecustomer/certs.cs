<?cs # ecustomer/certs.cs: my certificates for signing messages and the form to request one from a PKCS#10 request (pasted or uploaded) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.cert.title ?>
<?cs include:"ecustomer/cert_macros.cs" ?>
<?cs def:content() ?>
<h1><?cs var:L.cert.title ?></h1>
<p class="lead"><?cs var:L.cert.intro ?></p>
<?cs if:Person.id_sisc ?>
<dl class="facts">
 <dt><?cs var:L.cert.you ?></dt><dd><?cs var:Person.first_name ?> <?cs var:Person.last_name ?></dd>
 <dt><?cs var:L.cert.id_sisc ?></dt><dd><code id="my-sisc"><?cs var:Person.id_sisc ?></code></dd>
</dl>
<?cs /if ?>

<h2><?cs var:L.cert.list_title ?></h2>
<?cs if:subcount(Certs.List) == 0 ?>
<p id="certs-none"><?cs var:L.cert.none ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="certs">
 <thead><tr><th><?cs var:L.cert.serial ?></th><th><?cs var:L.cert.subject ?></th><th><?cs var:L.cert.valid ?></th><th><?cs var:L.cert.status ?></th><th><?cs var:L.cert.actions ?></th></tr></thead>
 <tbody>
 <?cs each:c = Certs.List ?>
  <tr data-id="<?cs var:c.id ?>" data-serial="<?cs var:c.serial_hex ?>">
   <td><code><?cs var:c.serial_hex ?></code></td>
   <td><?cs var:c.subject_dn ?></td>
   <td class="nowrap"><?cs var:local_time(c.not_before) ?> –<br><?cs var:local_time(c.not_after) ?></td>
   <td><?cs call:cert_status(c, 0) ?></td>
   <td>
    <a class="button secondary" href="/ecustomer/certificates/<?cs var:c.id ?>/pem" download><?cs var:L.cert.download ?></a>
    <?cs if:c.may_revoke == "1" ?>
    <?cs call:revoke_form("/ecustomer", c) ?>
    <?cs /if ?>
   </td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>

<h2><?cs var:L.cert.request_title ?></h2>
<?cs if:Certs.May != "1" ?>
<p class="alert" id="cert-why"><?cs var:Certs.Why ?></p>
<?cs else ?>
<p><?cs var:L.cert.howto ?></p>
<pre id="cert-cmd">openssl req -new -newkey rsa:3072 -nodes -keyout zsog-signing.key -utf8 -subj "/CN=<?cs var:Person.first_name ?> <?cs var:Person.last_name ?>/serialNumber=<?cs var:Person.id_sisc ?>" -out zsog-signing.csr</pre>
<p class="muted"><?cs var:L.cert.rule ?></p>
<p class="muted"><strong><?cs var:L.cert.never_key ?></strong></p>
<form method="post" action="/ecustomer/certificates" enctype="multipart/form-data" class="form wide" novalidate>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:textarea("csr", L.cert.csr_label, Form.csr, 12) ?>
 <div class="field">
  <label for="f-csr-file"><?cs var:L.cert.file_label ?></label>
  <input id="f-csr-file" name="csr" type="file" accept=".csr,.req,.pem,.txt">
  <p class="hint"><?cs var:L.cert.file_hint ?></p>
 </div>
 <button type="submit"><?cs var:L.cert.submit ?></button>
</form>
<?cs /if ?>
<p class="muted"><?cs var:L.cert.public ?> <a href="/ecustomer/ca/ca.pem"><?cs var:L.cert.ca_link ?></a> · <a href="<?cs var:Certs.CrlUrl ?>"><?cs var:L.cert.crl_link ?></a></p>
<?cs /def ?>
<?cs include:"layout.cs" ?>
