<?cs # risk/profile-new.cs: a new risk profile (a draft with its first version) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.risk_profile.new ?>
<?cs def:content() ?>
<h1><?cs var:L.risk_profile.new ?></h1>
<form method="post" action="/skr/risk/profiles/new" class="form" novalidate id="profile-form">
<?cs include:"risk/profile-form.cs" ?>
 <button type="submit"><?cs var:L.risk_profile.save ?></button>
 <a href="/skr/risk/profiles"><?cs var:L.form.cancel ?></a>
</form>
<?cs /def ?>
<?cs include:"layout.cs" ?>
