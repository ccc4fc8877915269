<?cs # skr/staff-edit.cs: one staff member: unit and roles, account status, a new password, and the history of changes ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.edit.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:content() ?>
<p><a href="/skr/admin/staff"><?cs var:L.skr.edit.back ?></a></p>
<h1 id="staff-name"><?cs var:Staff.full_name ?></h1>
<dl class="facts">
 <dt><?cs var:L.skr.staff.login ?></dt><dd id="staff-login"><?cs var:Staff.login ?></dd>
 <dt><?cs var:L.skr.staff.email ?></dt><dd><?cs var:Staff.email ?></dd>
 <dt><?cs var:L.skr.staff.unit ?></dt><dd id="staff-unit"><?cs var:Staff.unit_name ?> (<?cs var:Staff.unit_code ?>)</dd>
 <dt><?cs var:L.skr.staff.status ?></dt><dd id="staff-status"><?cs if:Staff.disabled == "1" ?><span class="badge bad"><?cs var:L.skr.staff.disabled ?></span><?cs else ?><span class="badge ok"><?cs var:L.skr.staff.active ?></span><?cs /if ?></dd>
 <dt><?cs var:L.skr.staff.created ?></dt><dd><?cs var:local_time(Staff.created_at) ?><?cs if:Staff.created_by ?> <?cs var:L.skr.staff.created_by ?> <?cs var:Staff.created_by ?><?cs /if ?></dd>
</dl>
<?cs if:Staff.self ?><p class="notice"><?cs var:L.skr.edit.self_note ?></p><?cs /if ?>
<?cs call:form_errors() ?>

<h2><?cs var:L.skr.edit.unit_roles ?></h2>
<?cs if:Staff.self ?>
<p id="staff-roles"><?cs each:ro = Roles ?><?cs if:ro.On ?><span class="badge"><?cs var:ro.Label ?></span> <?cs /if ?><?cs /each ?></p>
<?cs else ?>
<form method="post" action="/skr/admin/staff/<?cs var:Staff.id ?>" class="form" novalidate id="form-roles">
 <?cs call:csrf() ?>
 <?cs call:select("unit", L.skr.staff.unit, Units, Form.unit) ?>
 <?cs include:"skr/roles.cs" ?>
 <button type="submit"><?cs var:L.skr.edit.save ?></button>
</form>
<?cs /if ?>
<h3><?cs var:L.skr.edit.pending ?></h3>
<?cs if:subcount(Pending) == 0 ?>
<p id="pending-none"><?cs var:L.skr.edit.pending_none ?></p>
<?cs else ?>
<ul id="pending">
 <?cs each:g = Pending ?><li data-id="<?cs var:g.Id ?>"><span class="badge warn"><?cs var:g.Role ?></span> <?cs var:L.skr.edit.asked_by ?> <?cs var:g.Requester ?>, <?cs var:g.At ?></li><?cs /each ?>
</ul>
<p><a href="/skr/admin/grants"><?cs var:L.skr.edit.grants_link ?></a></p>
<?cs /if ?>

<h2><?cs var:L.skr.edit.status ?></h2>
<form method="post" action="/skr/admin/staff/<?cs var:Staff.id ?>/status" class="form" id="form-status">
 <?cs call:csrf() ?>
 <?cs if:Staff.disabled == "1" ?>
 <input type="hidden" name="disabled" value="0">
 <button type="submit" class="secondary"><?cs var:L.skr.edit.enable ?></button>
 <?cs else ?>
 <p class="hint"><?cs var:L.skr.edit.disable_note ?></p>
 <input type="hidden" name="disabled" value="1">
 <button type="submit" class="danger"<?cs if:Form.disabled.Error ?> aria-describedby="e-disabled"<?cs /if ?>><?cs var:L.skr.edit.disable ?></button>
 <?cs /if ?>
 <?cs call:field_error("disabled", Form.disabled) ?>
</form>

<h2><?cs var:L.skr.edit.password ?></h2>
<form method="post" action="/skr/admin/staff/<?cs var:Staff.id ?>/password" class="form" novalidate id="form-password">
 <?cs call:csrf() ?>
 <p class="hint"><?cs var:L.skr.edit.password_note ?> <?cs var:L.skr.staff.password_hint ?></p>
 <?cs call:input("password", L.skr.edit.password, "password", Form.password, "required") ?>
 <button type="submit"><?cs var:L.skr.edit.password_submit ?></button>
</form>

<h2><?cs var:L.skr.edit.history ?></h2>
<?cs if:subcount(History) == 0 ?>
<p><?cs var:L.skr.edit.no_history ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="history" class="stacked">
 <thead><tr><th><?cs var:L.skr.edit.at ?></th><th><?cs var:L.skr.edit.who ?></th><th><?cs var:L.skr.edit.action ?></th><th><?cs var:L.skr.edit.detail ?></th></tr></thead>
 <tbody>
 <?cs each:h = History ?><tr><td class="nowrap" data-label="<?cs var:L.skr.edit.at ?>"><?cs var:local_time(h.at) ?></td><td data-label="<?cs var:L.skr.edit.who ?>"><?cs if:h.actor_name ?><?cs var:h.actor_name ?><?cs elif:h.actor_words ?><?cs var:h.actor_words ?><?cs else ?><span class="muted"><?cs var:L.skr.audit.anonymous ?></span><?cs /if ?></td><td data-label="<?cs var:L.skr.edit.action ?>" data-action="<?cs var:h.action ?>"><?cs var:h.action_words ?></td><td data-label="<?cs var:L.skr.edit.detail ?>"><?cs var:h.detail ?></td></tr><?cs /each ?>
 </tbody>
</table>
</div>
<p><a id="history-audit" href="/skr/audit?object=staff:<?cs var:Staff.id ?>"><?cs var:L.skr.edit.history_audit ?></a></p>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
