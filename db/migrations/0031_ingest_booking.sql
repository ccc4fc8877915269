-- 0031_ingest_booking.sql: a newly approved watch-list entry is matched
-- against eBT bookings at the crossings too (checked in, or due today): such
-- an alert names the booking instead of an event.
ALTER TABLE alert
  ADD COLUMN booking_number VARCHAR(16) NULL AFTER device_id,
  ADD UNIQUE KEY uq_alert_booking_entry (booking_number, entry_id);
