<?cs # confirm.cs: the step before a destructive action, the same for every one (macros.cs: confirm_step) ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.confirm.title ?>
<?cs def:content() ?><?cs call:confirm_step() ?><?cs /def ?>
<?cs include:"layout.cs" ?>
