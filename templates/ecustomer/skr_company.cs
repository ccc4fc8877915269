<?cs # ecustomer/skr_company.cs: a company's whole picture for the office: data, representatives today, history ?>
<?cs include:"macros.cs" ?><?cs include:"ecustomer/ec_macros.cs" ?>
<?cs set:Page.Title = Company.0.name ?>
<?cs def:content() ?>
<h1><?cs var:Company.0.name ?></h1>
<?cs call:ec_company_data(Company.0) ?>
<h2><?cs var:L.ecustomer.reps ?></h2>
<?cs call:ec_reps(Company.0.Reps) ?>
<h2><?cs var:L.ecustomer.akcr.title ?></h2>
<?cs call:ec_akcr_data(Company.0.Akcr.0) ?>
<h2><?cs var:L.ecustomer.history ?></h2>
<?cs call:ec_history(Company.0.History) ?>
<?cs /def ?>
<?cs include:"layout.cs" ?>
