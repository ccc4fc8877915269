<?cs # fleet/vehicle-repairs.cs: the vehicle page's repairs section, included by vehicle.cs; filled by fleet-fuel: damage and repairs (cgi-bin/fleet/fleet_ui.h, fleet_section_repairs) ?>
