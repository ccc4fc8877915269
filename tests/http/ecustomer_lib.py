"""ecustomer_lib.py: what the e-Customer HTTP tests share: signing in,
new portal accounts, valid Polish identifiers, and the office's steps."""
import datetime
import random
import re

from zsog import DEMO_PASSWORD, portal_client, staff_client, unique  # noqa: F401 (re-exported)

ANNA = "anna.kowalska@demo.zsog.pl"
JAN = "jan.wisniewski@demo.zsog.pl"
EWA = "ewa.zielinska@demo.zsog.pl"
ALL_AUTHZ = ("company_update", "declare", "ebt_book", "ebt_view",
             "reps_manage", "reps_view", "xml_exchange")


def today():
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()




def new_account(stack, first="Test", last="Osoba", email=None):
    """A confirmed portal account of a new user, signed in."""
    email = email or unique("ec") + "@example.com"
    pw = "Pierwsze-Haslo-1"
    c = stack.client()
    r = c.submit("/portal/signup", "/portal/signup", {
        "first_name": first, "last_name": last, "country": "PL",
        "email": email, "phone": "+48 601 222 333",
        "password": pw, "password2": pw})
    assert r.status_code == 303, r.text[:300]
    link = stack.link_in_outbox(email, "/portal/confirm")
    page = c.get(link)
    token = re.search(r'name="t" value="([0-9a-f]{64})"', page.text).group(1)
    assert c.post("/portal/confirm", {"t": token}).status_code == 303
    c = portal_client(stack, email, pw)
    c.email = email
    return c


def nip():
    w = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    while True:
        d = [random.randint(1 if i == 0 else 0, 9) for i in range(9)]
        s = sum(a * b for a, b in zip(d, w)) % 11
        if s != 10:
            return "".join(map(str, d)) + str(s)


def regon():
    w = (8, 9, 2, 3, 4, 5, 6, 7)
    d = [random.randint(0, 9) for _ in range(8)]
    s = sum(a * b for a, b in zip(d, w)) % 11
    return "".join(map(str, d)) + str(0 if s == 10 else s)


def pesel(birth):
    y, m, d = (int(x) for x in birth.split("-"))
    mm = m + (20 if y >= 2000 else 0)
    p = "%02d%02d%02d%04d" % (y % 100, mm, d, random.randint(0, 9999))
    w = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    s = sum(int(a) * b for a, b in zip(p, w))
    return p + str((10 - s % 10) % 10)


def luhn_ok(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def person_data(client, **kw):
    birth = kw.pop("birth_date", "1982-04-17")
    data = {
        "first_name": "Test", "last_name": "Osoba", "birth_date": birth,
        "country": "PL", "pesel": pesel(birth), "voivodship": "warminsko_mazurskie",
        "county": "Olsztyn", "municipality": "Olsztyn", "town": "Olsztyn",
        "postcode": "10-001", "street": "Prosta", "house_no": "1",
        "phone": "+48 601 222 333", "email": client.email, "scope": "extended",
    }
    data.update(kw)
    return data


def company_data(**kw):
    data = {
        "name": "Firma " + unique(""), "legal_form": "sp_zoo", "nip": nip(),
        "regon": regon(), "country": "PL", "voivodship": "warminsko_mazurskie",
        "town": "Olsztyn", "postcode": "10-001", "street": "Towarowa",
        "house_no": "7", "iban": "PL50109010140000000012345678",
        "main_activity": "Transport", "contact_email": unique("co") + "@example.com",
        "contact_phone": "+48 89 500 10 10", "eori_requested": "1",
        "publish_eori_data": "1",
    }
    data.update(kw)
    return data


def app_id_of(resp):
    assert resp.status_code == 303, (resp.status_code, re.findall(
        r'<p class="error" id="e-([a-z_]+)">(.*?)</p>', resp.text),
        re.findall(r'<div class="alert".*?</div>', resp.text, re.S))
    m = re.search(r"/ecustomer/applications/(\d+)$", resp.headers["Location"])
    assert m, resp.headers["Location"]
    return int(m.group(1))


def submit_person(client, **kw):
    return client.submit("/ecustomer/person", "/ecustomer/person",
                         person_data(client, **kw))


def submit_company(client, **kw):
    return client.submit("/ecustomer/company/new", "/ecustomer/company/new",
                         company_data(**kw))


def decide(officer, app, decision="approve", reason=""):
    page = officer.get("/skr/ecustomer/applications/%d" % app)
    assert page.status_code == 200, page.status_code
    return officer.post("/skr/ecustomer/applications/%d/decide" % app,
                        {"decision": decision, "reason": reason, "confirm": "1"})


def take(officer, app):
    page = officer.get("/skr/ecustomer/applications/%d" % app)
    assert page.status_code == 200, page.status_code
    return officer.post("/skr/ecustomer/applications/%d/take" % app, {})


def approved_person(stack, officer, client=None, **kw):
    """A new account whose person registration the office approved."""
    client = client or new_account(stack)
    app = app_id_of(submit_person(client, **kw))
    assert take(officer, app).status_code == 303
    assert decide(officer, app).status_code == 303
    client.person_id = int(stack.scalar(
        "SELECT subject_id FROM application WHERE id = ?", app))
    client.sisc = stack.scalar("SELECT id_sisc FROM person WHERE id = ?",
                               client.person_id)
    return client


def approved_company(stack, officer, admin, **kw):
    """A company registered by admin (an approved person) and approved:
    its id."""
    app = app_id_of(submit_company(admin, **kw))
    assert decide(officer, app).status_code == 303
    return int(stack.scalar("SELECT subject_id FROM application WHERE id = ?",
                            app))


def add_rep(admin, company, rep, authz, valid_from=None, valid_to="",
            rep_type="other", poa=None):
    """Grants on the representatives' page; poa: (filename, bytes) sent
    as the multipart form a browser sends with a file."""
    page = admin.get("/ecustomer/company/%d/reps" % company)
    assert page.status_code == 200, page.status_code
    data = [("rep", rep), ("rep_type", rep_type),
            ("valid_from", valid_from or today()),
            ("valid_to", valid_to), ("csrf", admin.csrf)]
    data += [("authz", a) for a in authz]
    files = {"poa": (poa[0], poa[1], "application/pdf")} if poa else None
    return admin.http.post(admin.base + "/ecustomer/company/%d/reps" % company,
                           data=data, files=files, allow_redirects=False)


def acts_for(client):
    """The start page's "companies I may act for": {company id: {authz}}."""
    page = client.get("/ecustomer/")
    assert page.status_code == 200, page.status_code
    out = {}
    for m in re.finditer(r'<tr class="act" data-id="(\d+)">(.*?)</tr>', page.text, re.S):
        out[int(m.group(1))] = set(re.findall(r'data-authz="([a-z_]+)"', m.group(2)))
    return out
