<?cs # skr/grants.cs: administrator, auditor and watch-list roles waiting for a second administrator (approve, reject, or withdraw one's own request), and the recent decisions; what each row offers was decided in C ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.skr.grants.title ?>
<?cs set:Page.Css = "skr.css" ?>
<?cs def:person(g) ?><a href="/skr/admin/staff/<?cs var:g.StaffId ?>"><?cs var:g.Login ?></a> <span class="muted"><?cs var:g.Name ?></span><?cs /def ?>
<?cs def:content() ?>
<h1><?cs var:L.skr.grants.title ?></h1>
<p class="lead"><?cs var:L.skr.grants.intro ?></p>

<h2><?cs var:L.skr.grants.pending ?></h2>
<?cs if:subcount(Pending) == 0 ?>
<p id="grants-none"><?cs var:L.skr.grants.pending_none ?></p>
<?cs else ?>
<ul class="cards links" id="grants-pending">
 <?cs each:g = Pending ?>
 <li class="card" data-id="<?cs var:g.Id ?>">
  <h3><span class="badge warn"><?cs var:g.RoleLabel ?></span> <?cs call:person(g) ?></h3>
  <dl class="facts">
   <dt><?cs var:L.skr.grants.unit ?></dt><dd><?cs var:g.UnitName ?> (<?cs var:g.UnitCode ?>)</dd>
   <dt><?cs var:L.skr.grants.asked_by ?></dt><dd><?cs var:g.Requester ?>, <?cs var:g.AskedAt ?></dd>
  </dl>
  <?cs if:g.Mine ?>
  <p class="muted"><?cs var:L.skr.grants.mine ?></p>
  <form method="post" action="/skr/admin/grants/<?cs var:g.Id ?>" class="inline">
   <?cs call:csrf() ?>
   <button type="submit" name="decision" value="withdraw" class="secondary"><?cs var:L.skr.grants.withdraw ?></button>
  </form>
  <?cs elif:g.ForMe ?>
  <p class="muted"><?cs var:L.skr.grants.for_me ?></p>
  <?cs else ?>
  <form method="post" action="/skr/admin/grants/<?cs var:g.Id ?>" class="inline">
   <?cs call:csrf() ?>
   <button type="submit" name="decision" value="approve"><?cs var:L.skr.grants.approve ?></button>
   <button type="submit" name="decision" value="reject" class="danger"><?cs var:L.skr.grants.reject ?></button>
  </form>
  <?cs /if ?>
 </li>
 <?cs /each ?>
</ul>
<?cs /if ?>

<h2><?cs var:L.skr.grants.decided ?></h2>
<?cs if:subcount(Decided) == 0 ?>
<p id="decided-none"><?cs var:L.skr.grants.decided_none ?></p>
<?cs else ?>
<div class="table-wrap">
<table id="grants-decided">
 <thead><tr><th><?cs var:L.skr.grants.person ?></th><th><?cs var:L.skr.grants.role ?></th><th><?cs var:L.skr.grants.outcome ?></th><th><?cs var:L.skr.grants.asked_by ?></th><th><?cs var:L.skr.grants.decided_by ?></th><th><?cs var:L.skr.grants.decided_at ?></th></tr></thead>
 <tbody>
 <?cs each:g = Decided ?>
  <tr data-id="<?cs var:g.Id ?>">
   <td><?cs call:person(g) ?></td>
   <td><?cs var:g.RoleLabel ?></td>
   <td><span class="badge<?cs if:g.Status == "approved" ?> ok<?cs elif:g.Status == "rejected" ?> bad<?cs /if ?>"><?cs var:L.skr.grants.status[g.Status] ?></span></td>
   <td><?cs var:g.Requester ?></td>
   <td><?cs var:g.Decider ?></td>
   <td class="nowrap"><?cs var:g.DecidedAt ?></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /if ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
