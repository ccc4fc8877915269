<?cs # report/filter.cs: the filters every report shares (filter.c reads them): the period, its resolution, the crossing, the comparison. A report's own choices go in its form beside these. ?>
<?cs # values: a list of codes; words: the word of each code; node: Form.<name> ?>
<?cs def:report_choice(name, label, values, words, node) ?>
<div class="field<?cs if:node.Error ?> invalid<?cs /if ?>">
 <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
 <select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:node.Error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
  <?cs each:v = values ?><option value="<?cs var:v ?>"<?cs if:v == node ?> selected<?cs /if ?>><?cs var:words[v] ?></option><?cs /each ?>
 </select>
 <?cs call:field_error(name, node) ?>
</div>
<?cs /def ?>
<?cs # when the figures were read: a worker keeps a report for Report.CacheSeconds (cgi-bin/report/cache.c) ?>
<?cs def:report_as_of() ?><p id="as-of" class="muted"><?cs var:L.report.as_of ?> <?cs var:Report.AsOf ?> (<?cs var:L.report.local_time ?>)</p><?cs call:fresh() ?><?cs /def ?>
<?cs def:report_filters() ?>
<?cs call:input("from", L.report.f.from, "date", Form.from, "") ?>
<?cs call:input("to", L.report.f.to, "date", Form.to, "") ?>
<?cs call:report_choice("by", L.report.f.by, L.report.by_values, L.report.by, Form.by) ?>
<div class="field<?cs if:Form.crossing.Error ?> invalid<?cs /if ?>">
 <label for="f-crossing"><?cs var:L.report.f.crossing ?></label>
 <select id="f-crossing" name="crossing"<?cs if:Form.crossing.Error ?> aria-invalid="true" aria-describedby="e-crossing"<?cs /if ?>>
  <option value=""><?cs var:L.report.f.all_crossings ?></option>
  <?cs each:o = Opt.crossing ?><option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.crossing ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs /each ?>
 </select>
 <?cs call:field_error("crossing", Form.crossing) ?>
</div>
<?cs call:report_choice("compare", L.report.f.compare, L.report.compare_values, L.report.compare, Form.compare) ?>
<?cs /def ?>
<?cs # The same filters as a query string, for the CSV and print links ?>
<?cs def:report_query() ?>from=<?cs var:url_escape(Form.from) ?>&amp;to=<?cs var:url_escape(Form.to) ?>&amp;by=<?cs var:url_escape(Form.by) ?>&amp;crossing=<?cs var:url_escape(Form.crossing) ?>&amp;compare=<?cs var:url_escape(Form.compare) ?><?cs /def ?>
