-- 59_fleet_month.sql: the fleet's monthly rollup (fleet_month, 0087) rebuilt
-- from the raw rows with one INSERT … SELECT … GROUP BY: what the live
-- writers (domain/fleet_rollup.c, called in the transaction of each write)
-- add row by row —
--   a trip card when it is closed: one trip of odo_in − odo_out km on the
--     Warsaw day it ended (domain/fleet_trip.c);
--   a refuelling: its litres and cost_gr on the Warsaw day it was made
--     (domain/fleet_fuel.c);
--   a repair when it is closed: its days out of service split by month
--     (from_day..to_day, both included, Warsaw dates), its cost_gr in the
--     month of to_day (domain/fleet_damage.c, fleet_repair_months).
-- Loaded by scripts/seed after the demo rows (db/seed/50_fleet*.sql, which
-- write the raw rows only) and by scripts/bench-fleet after its bulk load;
-- tests/http/test_fleet_reports.py proves it gives exactly the rows the
-- live path gave. Idempotent: the table is emptied first (run it on a
-- quiet database: a write counted meanwhile by the live path would be
-- lost or counted twice). report_waw_day() (0085) is the Warsaw date of a
-- UTC moment as lib/tzpl decides it.
-- The groups (a vehicle's months: 120,000 for the bench's five years of
-- 2,000 vehicles) are summed in memory, as 91_report_traffic.sql does. A
-- limit, not an allocation.
SET SESSION tmp_table_size = 1073741824, max_heap_table_size = 1073741824;
DELETE FROM fleet_month;
INSERT INTO fleet_month (vehicle_id, month, km, trips, litres, fuel_cost_gr,
                         repair_cost_gr, repair_days)
SELECT vehicle_id, DATE_FORMAT(day, '%Y-%m-01') AS month, SUM(km), SUM(trips),
       SUM(litres), SUM(fuel_cost_gr), SUM(repair_cost_gr), SUM(repair_days)
  FROM (SELECT vehicle_id, report_waw_day(end_utc) AS day,
               odo_in - odo_out AS km, 1 AS trips, 0 AS litres,
               0 AS fuel_cost_gr, 0 AS repair_cost_gr, 0 AS repair_days
          FROM fleet_trip WHERE end_utc IS NOT NULL AND odo_in IS NOT NULL
        UNION ALL
        SELECT vehicle_id, report_waw_day(filled_at), 0, 0, litres, cost_gr,
               0, 0
          FROM fleet_fuel
        UNION ALL
        SELECT vehicle_id, first, 0, 0, 0, 0,
               IF(first = DATE_FORMAT(to_day, '%Y-%m-01'), cost_gr, 0),
               DATEDIFF(LEAST(to_day, LAST_DAY(first)),
                        GREATEST(from_day, first)) + 1
          FROM (SELECT r.vehicle_id, r.from_day, r.to_day, r.cost_gr,
                       DATE_FORMAT(r.from_day, '%Y-%m-01')
                       + INTERVAL s.seq MONTH AS first
                  FROM fleet_repair r
                  JOIN seq_0_to_119 s
                    ON s.seq <= PERIOD_DIFF(DATE_FORMAT(r.to_day, '%Y%m'),
                                            DATE_FORMAT(r.from_day, '%Y%m'))
                 WHERE r.to_day IS NOT NULL AND r.cost_gr IS NOT NULL) m) x
 GROUP BY vehicle_id, month;
