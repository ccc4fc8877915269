"""test_ingest_images.py: the pictures the lane devices take (issue 13,
"Alert images show as a file name"): served from the image store
(Ingest.ImageDir/<device code>/<name>) through the ingest program to the
officers who see the alert, with its type by its first bytes; never a file
outside the device's directory; a plain "no image" when there is none; and
the alert, register and device pages naming crossings, lanes, directions
and countries in words instead of codes."""
import os
import re

import ingest_lib as L
from zsog import DEMO_PASSWORD, portal_client

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PICTURES = os.path.join(ROOT, "db", "seed", "images")
DEV = "GRZ-ANPR-T1"


def staff(stack, login, lang="en"):
    c = stack.client(lang)
    c.get("/skr/signin")
    r = c.post("/skr/signin", {"login": login, "password": DEMO_PASSWORD})
    assert r.status_code == 303, (login, r.status_code)
    return c


def picture(name):
    with open(os.path.join(PICTURES, name), "rb") as f:
        return f.read()


def store(stack, name, data, dev=DEV):
    """Writes a file where device dev writes its pictures."""
    path = os.path.join(stack.var, "images", dev, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def hit(stack, image, text="WX 1234B", dev=DEV, lane="T1"):
    """A watch-list hit (seeded entry: WX 1234B) whose event names image:
    (alert id, event id)."""
    seq = L.next_seq()
    r = L.post(stack.base, dev, L.doc(L.event(dev, dev[:3], lane,
               L.plate(text, image=image), seq=seq)))
    assert r.status_code == 200, r.text
    ev = int(stack.scalar("SELECT id FROM event WHERE seq = ?", seq))
    alert = int(stack.scalar("SELECT MIN(id) FROM alert WHERE event_id = ?", ev))
    return alert, ev


def test_image_served_to_the_crossings_officer(stack):
    name = "cam/%s.jpg" % L.next_seq()
    jpeg = picture("plate-1.jpg")
    store(stack, name, jpeg)
    alert, ev = hit(stack, name)
    g = staff(stack, "grzechotki")
    page = g.get("/skr/alerts/%d" % alert)
    assert page.status_code == 200
    assert ('<img class="lane-image" src="/skr/alerts/%d/image" alt="The lane device&#39;s picture">'
            % alert) in page.text
    # The picture, not its file name, and no "no image".
    assert name not in page.text and "No image was recorded" not in page.text
    r = g.get("/skr/alerts/%d/image" % alert)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "image/jpeg"
    assert r.headers["Cache-Control"] == "private, max-age=3600"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.content == jpeg
    # The list links it too; the register (for this crossing's officer).
    assert 'href="/skr/alerts/%d/image"' % alert in g.get("/skr/alerts").text
    reg = g.get("/skr/register", params={"kind": "plate", "q": "WX 1234B"})
    assert 'href="/skr/register/images/%d"' % ev in reg.text
    r = g.get("/skr/register/images/%d" % ev)
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/jpeg"
    assert r.content == jpeg


def test_image_type_by_its_first_bytes(stack):
    # A PNG the device named .jpg is a PNG; a text file named .jpg is none.
    png_name, txt_name = "cam/%s.jpg" % L.next_seq(), "cam/%s.jpg" % L.next_seq()
    png = picture("plate-3.png")
    store(stack, png_name, png)
    store(stack, txt_name, b"<html><script>alert(1)</script></html>")
    g = staff(stack, "grzechotki")
    alert, _ = hit(stack, png_name)
    r = g.get("/skr/alerts/%d/image" % alert)
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    assert r.content == png
    alert, _ = hit(stack, txt_name)
    assert g.get("/skr/alerts/%d/image" % alert).status_code == 404
    assert "No image was recorded" in g.get("/skr/alerts/%d" % alert).text


def test_image_refused_to_other_units_and_the_portal(stack):
    name = "cam/%s.jpg" % L.next_seq()
    store(stack, name, picture("plate-2.jpg"))
    alert, ev = hit(stack, name)
    # Another branch's crossing officer: neither the alert nor its picture.
    k = staff(stack, "koroszczyn")
    assert k.get("/skr/alerts/%d/image" % alert).status_code == 404
    assert k.get("/skr/alerts/%d" % alert).status_code == 404
    # The register is national, its pictures are not.
    reg = k.get("/skr/register", params={"kind": "plate", "q": "WX 1234B"})
    assert reg.status_code == 200 and "/skr/register/images/%d" % ev not in reg.text
    r = k.get("/skr/register/images/%d" % ev)
    assert r.status_code == 404 and r.headers["Content-Type"].startswith("text/html")
    # A role the alert pages do not open to.
    assert staff(stack, "audytor").get("/skr/alerts/%d/image" % alert).status_code == 403
    # A portal user (no intranet session) and an anonymous visitor: sign in first.
    for c in (portal_client(stack, "anna.kowalska@demo.zsog.pl"), stack.client()):
        r = c.get("/skr/alerts/%d/image" % alert)
        assert r.status_code == 303
        assert r.headers["Location"].startswith("/skr/signin")
        assert c.get("/skr/register/images/%d" % ev).status_code == 303


def test_image_name_cannot_leave_the_devices_directory(stack):
    # A JPEG outside GRZ-ANPR-T1's directory: in the store and beside it.
    secret = picture("plate-1.jpg")
    # The device's own directories exist (it wrote pictures before), so
    # "GRZ-ANPR-T1/cam/../../x" resolves if nothing checks the name.
    store(stack, "cam/before.jpg", secret)
    store(stack, "secret.jpg", secret, dev="GRZ-ANPR-C1")
    with open(os.path.join(stack.var, "images", "secret.jpg"), "wb") as f:
        f.write(secret)
    g = staff(stack, "grzechotki")
    for name in ("../GRZ-ANPR-C1/secret.jpg", "../secret.jpg", "cam/../../secret.jpg",
                 "/etc/../" + stack.var.lstrip("/") + "/images/secret.jpg", ".hidden.jpg"):
        alert, ev = hit(stack, name)
        r = g.get("/skr/alerts/%d/image" % alert)
        assert r.status_code == 404, name
        assert g.get("/skr/register/images/%d" % ev).status_code == 404, name
        page = g.get("/skr/alerts/%d" % alert).text
        assert "No image was recorded" in page and "secret.jpg" not in page, name


def test_missing_image_says_so_in_both_languages(stack):
    name = "cam/%s.jpg" % L.next_seq()          # named, never written
    alert, ev = hit(stack, name)
    en = staff(stack, "grzechotki", "en")
    page = en.get("/skr/alerts/%d" % alert).text
    assert re.search(r'<dd id="alert-image">No image was recorded</dd>', page)
    assert name not in page and "lane-image" not in page
    assert en.get("/skr/alerts/%d/image" % alert).status_code == 404
    pl = staff(stack, "grzechotki", "pl")
    page = pl.get("/skr/alerts/%d" % alert).text
    assert re.search(r'<dd id="alert-image">Brak zdjęcia</dd>', page)
    assert name not in page
    # The register's row says so too, the list shows nothing.
    reg = pl.get("/skr/register", params={"kind": "plate", "q": "WX 1234B"}).text
    assert name not in reg and "Brak zdjęcia" in reg
    assert name not in pl.get("/skr/alerts").text


def test_names_instead_of_codes(stack):
    alert, _ = hit(stack, "cam/%s.jpg" % L.next_seq())
    for lang, where, direction, country, grz in (
            ("en", "Grzechotki – Mamonovo II, lane T1 (trucks)", "entry", "Poland",
             "Grzechotki – Mamonovo II"),
            ("pl", "Grzechotki – Mamonowo II, pas T1 (ciężarowe)", "wjazd", "Polska",
             "Grzechotki – Mamonowo II")):
        g = staff(stack, "grzechotki", lang)
        page = g.get("/skr/alerts/%d" % alert).text
        assert '<dd id="alert-where">%s</dd>' % where in page, lang
        assert '<dd id="alert-dir">%s</dd>' % direction in page, lang
        assert "<dd>%s</dd>" % country in page, lang
        assert not re.search(r"[>\s/]GRZ[<\s/]", page), lang
        # The list: its scope and rows.
        page = g.get("/skr/alerts").text
        assert '<strong id="scope">%s</strong>' % grz in page, lang
        assert "<td>%s</td>" % where in page, lang
        assert "(%s)" % country in page and "(PL)" not in page, lang
        assert not re.search(r"[>\s/]GRZ[<\s/,]", page), lang
        # The register: the object's crossings and each row's place.
        page = g.get("/skr/register", params={"kind": "plate", "q": "WX 1234B"}).text
        assert '<dd id="object-crossings">%s</dd>' % grz in page, lang
        assert "<td>%s</td>" % where in page, lang
        assert "(PL)" not in page and not re.search(r"[>\s/]GRZ[<\s/,]", page), lang
        # The watch-list entry's alerts (found by the crawler).
        page = g.get("/skr/watchlist/1").text
        assert "%s, %s T1" % (grz, "lane" if lang == "en" else "pas") in page, lang
        assert not re.search(r"[>\s/]GRZ[<\s/,]", page), lang
        # The devices: the crossing by name, in the table and the form.
        page = g.get("/skr/devices").text
        assert re.search(r'data-code="GRZ-ANPR-T1"><td><code>GRZ-ANPR-T1</code></td><td>%s</td>'
                         % grz, page), lang
        assert '<option value="GRZ">%s</option>' % grz in page or \
            '<option value="GRZ" selected>%s</option>' % grz in page, lang
        assert not re.search(r"[>\s/]GRZ[<\s/,—]", page), lang


def test_ebt_lists_name_their_crossings(stack):
    # The booking list's filter, the first step of a booking, the officers'
    # crossing list: names, never "GRZ"/"KOR" beside or instead of them.
    anna = portal_client(stack, "anna.kowalska@demo.zsog.pl")
    page = anna.get("/ebt/").text
    assert re.search(r'<option value="1"[^>]*>Grzechotki – Mamonovo II</option>', page), \
        re.findall(r'<option value="1".{0,60}', page)
    page = anna.get("/ebt/book/start", params={"company": "1"}).text
    assert "<strong>Grzechotki – Mamonovo II</strong></label>" in page
    assert "(GRZ)" not in page and "(KOR)" not in page
    page = staff(stack, "grzechotki").get("/skr/ebt/").text
    assert '>Grzechotki – Mamonovo II</a></li>' in page and "(GRZ)" not in page
