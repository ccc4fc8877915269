<?cs # fleet/fuel-macros.cs: a refuelling's anomalies in words with the figures they were found on (domain/fleet_fuel_calc.c), one sentence each ?>
<?cs def:fuel_anomalies(f) ?><ul class="anomalies"><?cs if:f.Anomaly.norm ?>
 <li data-anomaly="norm"><?cs var:L.Fleet.Fuel.an.norm_1 ?> <?cs var:f.l100 ?> l/100 km <?cs var:L.Fleet.Fuel.an.norm_2 ?> (<?cs var:f.litres ?> l / <?cs var:f.since_km ?> km) <?cs var:L.Fleet.Fuel.an.norm_3 ?> <?cs var:f.norm_l100 ?> l/100 km <?cs var:L.Fleet.Fuel.an.norm_4 ?> <?cs var:f.pct ?> % (<?cs var:L.Fleet.Fuel.an.norm_5 ?> <?cs var:f.limit_l100 ?> l/100 km).</li><?cs /if ?><?cs if:f.Anomaly.tank ?>
 <li data-anomaly="tank"><?cs var:f.litres ?> l <?cs var:L.Fleet.Fuel.an.tank_1 ?> <?cs var:f.tank_l ?> l (<?cs var:L.Fleet.Fuel.an.tank_2 ?> <?cs var:f.tank_max ?> l).</li><?cs /if ?><?cs if:f.Anomaly.odometer ?>
 <li data-anomaly="odometer"><?cs var:L.Fleet.Fuel.an.odo_1 ?> <?cs var:f.odo_km ?> km <?cs var:L.Fleet.Fuel.an.odo_2 ?><?cs if:f.prev_km ?> <?cs var:L.Fleet.Fuel.an.odo_before ?> <?cs var:f.prev_km ?> km<?cs /if ?><?cs if:f.prev_km && f.next_km ?>,<?cs /if ?><?cs if:f.next_km ?> <?cs var:L.Fleet.Fuel.an.odo_after ?> <?cs var:f.next_km ?> km<?cs /if ?>.</li><?cs /if ?>
</ul><?cs /def ?>
<?cs def:fuel_filters(action) ?>
<form method="get" action="<?cs var:action ?>" class="filters" id="fuel-filters">
 <div class="field<?cs if:Form.vehicle.Error ?> invalid<?cs /if ?>">
  <label for="f-vehicle"><?cs var:L.Fleet.Fuel.vehicle ?></label>
  <select id="f-vehicle" name="vehicle"<?cs if:Form.vehicle.Error ?> aria-invalid="true" aria-describedby="e-vehicle"<?cs /if ?>>
   <option value=""><?cs var:L.Fleet.any ?></option>
   <?cs each:o = Opt.vehicle ?><option value="<?cs var:o.id ?>"<?cs if:o.id == Form.vehicle ?> selected<?cs /if ?>><?cs var:o.plate ?> · <?cs var:o.make ?> <?cs var:o.model ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("vehicle", Form.vehicle) ?>
 </div>
 <?cs call:input("from", L.Fleet.Fuel.from, "date", Form.from, "") ?>
 <?cs call:input("to", L.Fleet.Fuel.to, "date", Form.to, "") ?>
 <?cs if:action == "/skr/fleet/fuel" ?>
 <div class="field"><label><input type="checkbox" name="anomaly" value="1"<?cs if:Form.anomaly == "1" ?> checked<?cs /if ?>> <?cs var:L.Fleet.Fuel.only_anomalies ?></label></div>
 <?cs /if ?>
 <button type="submit" class="secondary"><?cs var:L.Fleet.filter ?></button>
</form>
<?cs /def ?>
<?cs def:fuel_table(list) ?>
<div class="table-wrap">
<table id="fuel">
 <thead><tr><th><?cs var:L.Fleet.Fuel.at ?></th><th><?cs var:L.Fleet.v.plate ?></th><th class="num"><?cs var:L.Fleet.Fuel.litres ?></th><th class="num"><?cs var:L.Fleet.Fuel.price ?></th><th class="num"><?cs var:L.Fleet.Fuel.cost ?></th><th class="num"><?cs var:L.Fleet.Fuel.odometer ?></th><th><?cs var:L.Fleet.Fuel.station ?></th><th><?cs var:L.Fleet.Fuel.anomalies ?></th></tr></thead>
 <tbody>
 <?cs each:f = list ?>
  <tr data-id="<?cs var:f.id ?>"<?cs if:f.anomalies ?> class="flagged"<?cs /if ?>>
   <td data-label="<?cs var:L.Fleet.Fuel.at ?>"><?cs var:local_time(f.filled_at) ?></td>
   <td data-label="<?cs var:L.Fleet.v.plate ?>"><?cs if:Fleet.DriverOnly ?><?cs var:f.plate ?><?cs else ?><a href="/skr/fleet/vehicles/<?cs var:f.vehicle_id ?>"><?cs var:f.plate ?></a><?cs /if ?></td>
   <td class="num" data-label="<?cs var:L.Fleet.Fuel.litres ?>"><?cs var:f.litres ?> l</td>
   <td class="num" data-label="<?cs var:L.Fleet.Fuel.price ?>"><?cs var:f.price ?> zł</td>
   <td class="num" data-label="<?cs var:L.Fleet.Fuel.cost ?>"><?cs var:f.cost ?> zł</td>
   <td class="num" data-label="<?cs var:L.Fleet.Fuel.odometer ?>"><?cs var:f.odo_km ?> km</td>
   <td data-label="<?cs var:L.Fleet.Fuel.station ?>"><?cs var:f.station ?><?cs if:f.card_last4 ?><br><span class="muted"><?cs var:L.Fleet.Fuel.card_short ?> …<?cs var:f.card_last4 ?></span><?cs /if ?></td>
   <td data-label="<?cs var:L.Fleet.Fuel.anomalies ?>"><?cs if:f.anomalies ?><?cs call:fuel_anomalies(f) ?><?cs else ?><span class="muted"><?cs var:L.Fleet.Fuel.none_flagged ?></span><?cs /if ?></td>
  </tr>
 <?cs /each ?>
 </tbody>
</table>
</div>
<?cs /def ?>
