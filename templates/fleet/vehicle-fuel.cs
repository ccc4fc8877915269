<?cs # fleet/vehicle-fuel.cs: the vehicle page's fuel section, included by vehicle.cs; filled by fleet-fuel: refuellings and consumption (cgi-bin/fleet/fleet_ui.h, fleet_section_fuel) ?>
