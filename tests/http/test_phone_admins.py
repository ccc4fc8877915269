"""test_phone_admins.py: every page the crawler finds for the
administrators (admin, admin.olsztyn), in both languages, fits a 390 px
phone and keeps a signed-in person signed in (phone_lib.py)."""
import phone_lib

# The fixture pytest finds by its name and the test it runs, one per
# person and language (phone_lib.group_tests).
measured, test_every_page_fits_a_phone = phone_lib.group_tests("admins")
