<?cs # fleet/vehicle-trips.cs: the vehicle page's trips section, included by vehicle.cs; filled by fleet-trips: reservations and trip cards (cgi-bin/fleet/fleet_ui.h, fleet_section_trips) ?>
