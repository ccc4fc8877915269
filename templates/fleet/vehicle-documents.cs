<?cs # fleet/vehicle-documents.cs: the vehicle page's documents section, included by vehicle.cs; filled by fleet-docs: documents and deadlines (cgi-bin/fleet/fleet_ui.h, fleet_section_documents) ?>
