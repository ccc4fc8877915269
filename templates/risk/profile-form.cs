<?cs # risk/profile-form.cs: the fields of a profile version (new profile, new version): the rule's error names its place ?>
 <?cs call:csrf() ?>
 <?cs call:form_errors() ?>
 <?cs call:input("name", L.risk_profile.name, "text", Form.name, "required") ?>
 <div class="field<?cs if:Form.rule.Error ?> invalid<?cs /if ?>">
  <label for="f-rule"><?cs var:L.risk_profile.rule ?></label>
  <textarea id="f-rule" name="rule" rows="6" class="code"<?cs if:Form.rule.Error ?> aria-invalid="true" aria-describedby="e-rule"<?cs /if ?>><?cs var:Form.rule ?></textarea>
  <?cs if:Form.rule.Error ?><p class="error" id="e-rule"><?cs var:Form.rule.Error ?><?cs if:Form.rule.Line ?> <span class="where" data-pos="<?cs var:Form.rule.Pos ?>">(<?cs var:L.risk_rule.line ?> <?cs var:Form.rule.Line ?>, <?cs var:L.risk_rule.column ?> <?cs var:Form.rule.Col ?><?cs if:Form.rule.Near ?>, <?cs var:L.risk_rule.near ?> <code><?cs var:Form.rule.Near ?></code><?cs /if ?>)</span><?cs /if ?></p><?cs /if ?>
  <p class="hint"><?cs var:L.risk_profile.rule_hint ?> <code>event.plate_country in ('BY', 'RU') and sightings(30) = 0</code>. <?cs var:L.risk_profile.rule_help ?></p>
 </div>
 <?cs call:select("decision", L.risk_profile.outcome, Decisions, Form.decision) ?>
 <?cs call:input("weight", L.risk_profile.weight, "number", Form.weight, "") ?>
 <p class="hint"><?cs var:L.risk_profile.weight_hint ?></p>
 <?cs call:input("rate", L.risk_profile.rate, "text", Form.rate, "") ?>
 <p class="hint"><?cs var:L.risk_profile.rate_hint ?></p>
 <fieldset class="field<?cs if:Form.crossings.Error ?> invalid<?cs /if ?>" id="f-crossings">
  <legend><?cs var:L.risk_profile.crossings ?></legend>
  <?cs each:c = CrossingName ?><label class="check"><input type="checkbox" name="crossings" value="<?cs name:c ?>"<?cs if:Form.crossings_on[name(c)] ?> checked<?cs /if ?>> <?cs var:c ?></label><?cs /each ?>
  <?cs call:field_error("crossings", Form.crossings) ?>
  <p class="hint"><?cs var:L.risk_profile.crossings_hint ?></p>
 </fieldset>
 <fieldset class="field<?cs if:Form.lanes.Error ?> invalid<?cs /if ?>" id="f-lanes">
  <legend><?cs var:L.risk_profile.lanes ?></legend>
  <?cs each:k = LaneKinds ?><label class="check"><input type="checkbox" name="lanes" value="<?cs var:k ?>"<?cs if:Form.lanes_on[k] ?> checked<?cs /if ?>> <?cs var:L.risk.lane_kind[k] ?></label><?cs /each ?>
  <?cs call:field_error("lanes", Form.lanes) ?>
  <p class="hint"><?cs var:L.risk_profile.lanes_hint ?></p>
 </fieldset>
 <?cs call:input("valid_from", L.risk_profile.valid_from, "date", Form.valid_from, "") ?>
 <?cs call:input("valid_to", L.risk_profile.valid_to, "date", Form.valid_to, "") ?>
 <details id="field-list"><summary><?cs var:L.risk_profile.fields ?></summary>
 <dl class="facts"><?cs each:f = Fields ?><dt><code><?cs var:f.name ?></code></dt><dd><?cs var:L.risk_rule.field[f.doc] ?></dd><?cs /each ?></dl>
 </details>
