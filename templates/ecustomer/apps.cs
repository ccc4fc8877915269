<?cs # ecustomer/apps.cs: all my applications with their status ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = L.ecustomer.apps_title ?>
<?cs def:content() ?>
<h1><?cs var:L.ecustomer.apps_title ?></h1>
<?cs include:"ecustomer/apps_table.cs" ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
